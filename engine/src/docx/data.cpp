#include "docx/data.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Handler.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <limits>

#include "json/json_reader.h"

namespace koop::docx {

Data::Data() = default;
Data::Data(const Data&) = default;
Data::Data(Data&&) noexcept = default;
Data& Data::operator=(const Data&) = default;
Data& Data::operator=(Data&&) noexcept = default;
Data::~Data() = default;

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

namespace {

// Builds Data straight from Poco's JSON parser events, without the intermediate Var tree.
class DataHandler : public Poco::JSON::Handler {
 public:
  void reset() override {
    root_ = Data();
    stack_.clear();
    keys_.clear();
  }
  void startObject() override { Open(Data::Type::kObject); }
  void endObject() override { Close(); }
  void startArray() override { Open(Data::Type::kArray); }
  void endArray() override { Close(); }
  void key(const std::string& k) override { keys_.push_back(k); }
  void null() override { Add(Data()); }
  void value(int v) override { Int(v); }
  void value(unsigned v) override { Int(v); }
  void value(Poco::Int64 v) override { Int(v); }
  void value(Poco::UInt64 v) override {
    if (v <= static_cast<Poco::UInt64>(std::numeric_limits<int64_t>::max())) {
      Int(static_cast<int64_t>(v));
    } else {
      Data d;
      d.type = Data::Type::kDouble;
      d.d = static_cast<double>(v);
      Add(std::move(d));
    }
  }
  void value(const std::string& v) override {
    Data d;
    d.type = Data::Type::kString;
    d.s = v;
    Add(std::move(d));
  }
  void value(double v) override {
    Data d;
    d.type = Data::Type::kDouble;
    d.d = v;
    Add(std::move(d));
  }
  void value(bool v) override {
    Data d;
    d.type = Data::Type::kBool;
    d.b = v;
    Add(std::move(d));
  }
  Data Take() { return std::move(root_); }

 private:
  void Int(int64_t v) {
    Data d;
    d.type = Data::Type::kInt;
    d.i = v;
    Add(std::move(d));
  }
  // Containers are built in place: stack_ holds pointers into their parents, which do not move
  // while a child is open because only the innermost container grows.
  void Open(Data::Type type) {
    Data d;
    d.type = type;
    Data* slot = Add(std::move(d));
    stack_.push_back(slot);
  }
  void Close() {
    if (!stack_.empty()) stack_.pop_back();
  }
  Data* Add(Data d) {
    if (stack_.empty()) {
      root_ = std::move(d);
      return &root_;
    }
    Data* top = stack_.back();
    if (top->type == Data::Type::kArray) {
      top->items.push_back(std::move(d));
      return &top->items.back();
    }
    std::string k = keys_.empty() ? std::string() : std::move(keys_.back());
    if (!keys_.empty()) keys_.pop_back();
    top->members.emplace_back(std::move(k), std::move(d));
    return &top->members.back().second;
  }

  Data root_;
  std::vector<Data*> stack_;
  std::vector<std::string> keys_;
};

}  // namespace

Result<Data> ParseJson(const std::string& text, const std::string& label, int first_line) {
  Poco::SharedPtr<DataHandler> handler = new DataHandler();
  KOOP_RETURN_IF_ERROR(json::ParseWith(text, label, handler, first_line));
  return handler->Take();
}

}  // namespace koop::docx
