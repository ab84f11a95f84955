// Binding a municipality to an instance: typed parameter values and the calendar.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <map>
#include <sstream>

#include "instance/instance_service.h"

namespace koop::exec {
namespace {

std::string Quote(const std::string& text) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(Poco::Dynamic::Var(text), out);
  return out.str();
}

}  // namespace

Result<std::string> BindParamsJson(const model::Chart& chart, const municipality::Municipality& m) {
  // The workflow's defaults, overridden by the municipality's bindings. Every consumer (the
  // interpreter's param(), deadline computation) sees the same complete set.
  std::map<std::string, std::string> values;
  for (const auto& p : chart.params) {
    if (p.default_value) values[p.name] = *p.default_value;
  }
  for (const auto& [name, value] : m.params) values[name] = value;
  std::string out = "{";
  bool first = true;
  for (const auto& [name, value] : values) {
    const model::KoopParam* declared = nullptr;
    for (const auto& p : chart.params) {
      if (p.name == name) declared = &p;
    }
    model::ValueType type = declared ? declared->type : model::ValueType::kString;
    std::string want = model::ValueMisfit(type, value);
    if (!want.empty()) {
      return Status::DataError(m.file + ": parameter '" + name + "' must be " + want + ", not '" +
                               value + "'");
    }
    // Numbers, booleans, lists and objects are JSON as written; everything else is a string.
    using VT = model::ValueType;
    bool literal = type == VT::kInt || type == VT::kDays || type == VT::kWorkingDays ||
                   type == VT::kNumber || type == VT::kBool || type == VT::kList ||
                   type == VT::kObject;
    std::string json = literal ? value : Quote(value);
    out += (first ? "" : ",") + Quote(name) + ":" + json;
    first = false;
  }
  return out + "}";
}

}  // namespace koop::exec
