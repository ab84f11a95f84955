// Binding a municipality to an instance: typed parameter values and the calendar.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <map>
#include <regex>
#include <sstream>

#include "exec/instance_service.h"

namespace koop::exec {
namespace {

std::string Quote(const std::string& text) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(Poco::Dynamic::Var(text), out);
  return out.str();
}

bool IsJson(const std::string& text) {
  try {
    Poco::JSON::Parser().parse(text);
    return true;
  } catch (const std::exception&) {
    return false;
  }
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
    std::string json;
    using VT = model::ValueType;
    VT type = declared ? declared->type : VT::kString;
    switch (type) {
      case VT::kInt:
      case VT::kDays:
      case VT::kWorkingDays:
        if (!std::regex_match(value, std::regex("-?[0-9]+"))) {
          return Status::DataError(m.file + ": parameter '" + name +
                                   "' must be a whole number, not '" + value + "'");
        }
        json = value;
        break;
      case VT::kNumber:
        if (!std::regex_match(value, std::regex("-?[0-9]+(\\.[0-9]+)?"))) {
          return Status::DataError(m.file + ": parameter '" + name + "' must be a number, not '" +
                                   value + "'");
        }
        json = value;
        break;
      case VT::kBool:
        if (value != "true" && value != "false") {
          return Status::DataError(m.file + ": parameter '" + name +
                                   "' must be true or false, not '" + value + "'");
        }
        json = value;
        break;
      case VT::kList:
      case VT::kObject:
        if (!IsJson(value)) {
          return Status::DataError(m.file + ": parameter '" + name + "' must be JSON");
        }
        json = value;
        break;
      default:
        json = Quote(value);
    }
    out += (first ? "" : ",") + Quote(name) + ":" + json;
    first = false;
  }
  return out + "}";
}

}  // namespace koop::exec
