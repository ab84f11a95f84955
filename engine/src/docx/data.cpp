#include "docx/data.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include <limits>

namespace koop::docx {

const Data* Data::Find(std::string_view key) const {
  if (type != Type::kObject) return nullptr;
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

Data FromPoco(const Poco::Dynamic::Var& v) {
  Data out;
  if (v.isEmpty()) return out;
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    auto obj = v.extract<Poco::JSON::Object::Ptr>();
    out.type = Data::Type::kObject;
    if (obj.isNull()) return out;
    std::vector<std::string> names;
    obj->getNames(names);
    out.members.reserve(names.size());
    for (const std::string& n : names) out.members.emplace_back(n, FromPoco(obj->get(n)));
    return out;
  }
  if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    auto arr = v.extract<Poco::JSON::Array::Ptr>();
    out.type = Data::Type::kArray;
    if (arr.isNull()) return out;
    out.items.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); ++i) out.items.push_back(FromPoco(arr->get(i)));
    return out;
  }
  if (v.isBoolean()) {
    out.type = Data::Type::kBool;
    out.b = v.convert<bool>();
  } else if (v.isString()) {
    out.type = Data::Type::kString;
    out.s = v.convert<std::string>();
  } else if (v.isInteger()) {
    if (v.isSigned()) {
      out.type = Data::Type::kInt;
      out.i = v.convert<Poco::Int64>();
    } else {
      auto u = v.convert<Poco::UInt64>();
      if (u <= static_cast<Poco::UInt64>(std::numeric_limits<int64_t>::max())) {
        out.type = Data::Type::kInt;
        out.i = static_cast<int64_t>(u);
      } else {
        out.type = Data::Type::kDouble;
        out.d = static_cast<double>(u);
      }
    }
  } else if (v.isNumeric()) {
    out.type = Data::Type::kDouble;
    out.d = v.convert<double>();
  } else {
    out.type = Data::Type::kString;
    out.s = v.convert<std::string>();
  }
  return out;
}

Result<Data> ParseJson(const std::string& text, const std::string& label) {
  try {
    Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
    return FromPoco(parser.parse(text));
  } catch (const Poco::Exception& e) {
    return Status::DataError(label + ": invalid JSON: " + e.displayText());
  } catch (const std::exception& e) {
    return Status::DataError(label + ": invalid JSON: " + e.what());
  }
}

}  // namespace koop::docx
