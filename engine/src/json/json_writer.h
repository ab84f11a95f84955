// The one JSON writer for text the engine builds itself (snapshots, event data, the system
// variables a chart sees): members in the order they are written, strings escaped by one function,
// compact output (no spaces), so a snapshot written today is byte-identical to one written before
// (replays compare them). Documents Poco builds (Poco::JSON::Object) keep their own stringifier.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace koop::json {

// `s` as a JSON string: '"' and '\' escaped, \n \r \t as such, other bytes below 0x20 as \u00XX;
// every other byte (UTF-8 included) as it is.
std::string Quote(std::string_view s);

class Writer {
 public:
  Writer& Object();  // {
  Writer& Array();   // [
  Writer& End();     // closes the innermost object or array
  // A member name; the next call writes its value.
  Writer& Key(std::string_view name);
  Writer& String(std::string_view value);
  Writer& Int(std::int64_t value);
  Writer& Bool(bool value);
  Writer& Null();
  // A value that is already JSON text (a data model, a parameter's value), inserted verbatim.
  Writer& Raw(std::string_view json);

  // The text written so far (complete once every Object/Array has its End).
  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void BeforeValue();

  std::string out_;
  std::vector<char> closers_;  // '}' or ']' per open level
  bool first_ = true;          // no value yet at this level
  bool after_key_ = false;
};

}  // namespace koop::json
