#include <ostream>

#include "command.h"

namespace koop::runner {

std::string Invocation::Get(const std::string& name, const std::string& fallback) const {
  auto it = options.find(name);
  return it == options.end() ? fallback : it->second;
}

std::vector<std::string> Invocation::GetAll(const std::string& name) const {
  std::vector<std::string> values;
  auto [first, last] = options.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

Result<TimeMs> Invocation::Now() const {
  std::string text = Has("at") ? Get("at") : Get("now");
  if (text.empty()) return SystemClock()->NowMs();
  Result<TimeMs> t = ParseInstant(text);
  if (!t.ok()) return Status::Usage(t.status().message());
  return t;
}

int Invocation::Fail(const Status& status) const {
  *err << "koop: " << status.message() << '\n';
  return status.exit_code();
}

int NotImplemented(Invocation& inv, const char* name) {
  return inv.Fail(Status::Internal(std::string("'") + name + "' is not implemented yet"));
}

}  // namespace koop::runner
