// Event: an SCXML event as it travels through the queues (the fields of _event), and the event
// descriptor matching rule of the Recommendation (3.12.1): a descriptor matches a name equal to
// it or starting with it followed by '.', and "*" matches everything.
#pragma once

#include <string>
#include <vector>

namespace koop::exec {

struct Event {
  enum class Type { kPlatform, kInternal, kExternal };
  std::string name;
  Type type = Type::kExternal;
  std::string sendid;
  std::string origin;
  std::string origintype;
  std::string invokeid;
  std::string data_json = "undefined";  // valid JSON, or "undefined" for no data

  static const char* TypeName(Type t) {
    return t == Type::kPlatform ? "platform" : t == Type::kInternal ? "internal" : "external";
  }
};

inline bool DescriptorMatches(const std::string& descriptor, const std::string& name) {
  if (descriptor == "*") return true;
  if (name.size() < descriptor.size()) return false;
  if (name.compare(0, descriptor.size(), descriptor) != 0) return false;
  return name.size() == descriptor.size() || name[descriptor.size()] == '.';
}

inline bool AnyDescriptorMatches(const std::vector<std::string>& descriptors,
                                 const std::string& name) {
  for (const auto& d : descriptors) {
    if (DescriptorMatches(d, name)) return true;
  }
  return false;
}

}  // namespace koop::exec
