#include "instance/initial_data.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <optional>
#include <sstream>
#include <vector>

#include "json/json_reader.h"

namespace koop::exec {
namespace {

using model::ValueType;
using Poco::Dynamic::Var;

std::string Json(const Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(v, out);
  return out.str();
}

// The value at dotted `path` below `root` (the first segment is the top-level key).
std::optional<Var> At(const Poco::JSON::Object::Ptr& root, const std::string& path) {
  Poco::JSON::Object::Ptr object = root;
  std::size_t from = 0;
  while (object) {
    std::size_t dot = path.find('.', from);
    std::string key = path.substr(from, dot == std::string::npos ? dot : dot - from);
    if (!object->has(key)) return std::nullopt;
    Var v = object->get(key);
    if (dot == std::string::npos) return v;
    from = dot + 1;
    object = v.type() == typeid(Poco::JSON::Object::Ptr) ? v.extract<Poco::JSON::Object::Ptr>()
                                                         : nullptr;
  }
  return std::nullopt;
}

bool Fits(ValueType type, const Var& v) {
  if (v.isEmpty()) return true;  // null: not known yet
  const std::string json = Json(v);
  switch (type) {
    case ValueType::kString:
      return v.isString();
    case ValueType::kDate:
    case ValueType::kDateTime:
    case ValueType::kDuration:
      return v.isString() && model::ValueFits(type, v.convert<std::string>());
    case ValueType::kInt:
    case ValueType::kDays:
    case ValueType::kWorkingDays:
      return v.isInteger();
    case ValueType::kNumber:
      return v.isNumeric();
    case ValueType::kBool:
      return v.isBoolean();
    case ValueType::kList:
      return !json.empty() && json[0] == '[';
    case ValueType::kObject:
      return !json.empty() && json[0] == '{';
  }
  return true;
}

const char* Expected(ValueType type) {
  switch (type) {
    case ValueType::kString:
      return "a string";
    case ValueType::kInt:
    case ValueType::kDays:
    case ValueType::kWorkingDays:
      return "a whole number";
    case ValueType::kNumber:
      return "a number";
    case ValueType::kBool:
      return "true or false";
    case ValueType::kDate:
      return "a date \"YYYY-MM-DD\"";
    case ValueType::kDateTime:
      return "a date and time \"YYYY-MM-DDTHH:MM\"";
    case ValueType::kDuration:
      return "an ISO 8601 duration such as \"P3M\"";
    case ValueType::kList:
      return "a list (JSON array)";
    case ValueType::kObject:
      return "an object (JSON object)";
  }
  return "?";
}

const model::State* StateDeclaring(const model::Chart& chart, const std::string& id) {
  for (const auto& s : chart.states) {
    for (const auto& d : s.data) {
      if (d.id == id) return &s;
    }
  }
  return nullptr;
}

}  // namespace

Result<std::map<std::string, std::string>> SeedValues(const model::Chart& chart,
                                                      const std::string& data_json) {
  Result<Poco::JSON::Object::Ptr> parsed = json::ParseObject(data_json, "data");
  if (!parsed.ok()) return parsed.status();
  Poco::JSON::Object::Ptr data = *parsed;
  std::vector<std::string> errors;
  std::map<std::string, std::string> values;
  for (const auto& [key, value] : *data) {
    const model::State* owner = StateDeclaring(chart, key);
    if (owner != nullptr && owner->index == 0) {
      values[key] = Json(value);
      continue;
    }
    bool is_param = false;
    for (const auto& p : chart.params) is_param = is_param || p.name == key;
    if (is_param) {
      errors.push_back("data: '" + key +
                       "' is a parameter of the workflow; parameters are bound by the "
                       "municipality file, not by initial data");
    } else if (owner != nullptr) {
      errors.push_back("data: '" + key + "' is declared inside state '" + owner->id +
                       "'; only top-level <data> can be given initial values");
    } else {
      errors.push_back("data: '" + key + "' is not a top-level <data> id of workflow '" +
                       chart.name + "'");
    }
  }
  for (const auto& f : chart.fields) {
    // The value itself is never echoed: fields may be personal.
    std::optional<Var> v = At(data, f.name);
    if (v && !Fits(f.type, *v)) {
      errors.push_back("data: field '" + f.name + "' must be " + Expected(f.type));
    }
  }
  if (!errors.empty()) {
    std::string message;
    for (const std::string& e : errors) message += (message.empty() ? "" : "\n") + e;
    return Status::DataError(message);
  }
  return values;
}

Status CheckFieldTypes(const model::Chart& chart, const std::string& data_model_json) {
  if (chart.fields.empty()) return Status::Ok();
  Result<Poco::JSON::Object::Ptr> parsed = json::ParseObject(data_model_json, "the data model");
  if (!parsed.ok()) return Status::Internal(parsed.status().message());
  std::string message;
  for (const auto& f : chart.fields) {
    std::optional<Var> v = At(*parsed, f.name);
    if (!v || Fits(f.type, *v)) continue;
    // A top-level variable left undefined is kept as {"$koopUndefined": true}: no value yet.
    if (v->type() == typeid(Poco::JSON::Object::Ptr) &&
        v->extract<Poco::JSON::Object::Ptr>()->has("$koopUndefined")) {
      continue;
    }
    message += (message.empty() ? "" : "\n") + std::string("field '") + f.name + "' must be " +
               Expected(f.type);
  }
  return message.empty() ? Status::Ok() : Status::DataError(message);
}

Status CheckRequiredFields(const model::Chart& chart, const std::string& data_model_json) {
  Result<Poco::JSON::Object::Ptr> parsed =
      json::ParseObject(data_model_json, "the new instance's data model");
  if (!parsed.ok()) return Status::Internal(parsed.status().message());
  Poco::JSON::Object::Ptr data = *parsed;
  std::string message;
  for (const auto& f : chart.fields) {
    if (!f.required) continue;
    std::optional<Var> v = At(data, f.name);
    // A top-level variable left undefined is kept in the snapshot as {"$koopUndefined": true}.
    bool undefined = v && v->type() == typeid(Poco::JSON::Object::Ptr) &&
                     v->extract<Poco::JSON::Object::Ptr>()->has("$koopUndefined");
    if (v && !v->isEmpty() && !undefined) continue;
    message += (message.empty() ? "" : "\n") + std::string("data: required field '") + f.name +
               "' has no value after the start";
  }
  return message.empty() ? Status::Ok() : Status::DataError(message);
}

}  // namespace koop::exec
