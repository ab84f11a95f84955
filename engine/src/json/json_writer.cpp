#include "json/json_writer.h"

#include <cstdio>

namespace koop::json {

std::string Quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

void Writer::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
  } else if (!first_) {
    out_ += ',';
  }
  first_ = false;
}

Writer& Writer::Object() {
  BeforeValue();
  out_ += '{';
  closers_.push_back('}');
  first_ = true;
  return *this;
}

Writer& Writer::Array() {
  BeforeValue();
  out_ += '[';
  closers_.push_back(']');
  first_ = true;
  return *this;
}

Writer& Writer::End() {
  if (!closers_.empty()) {
    out_ += closers_.back();
    closers_.pop_back();
  }
  first_ = false;
  after_key_ = false;
  return *this;
}

Writer& Writer::Key(std::string_view name) {
  if (!first_) out_ += ',';
  first_ = false;
  out_ += Quote(name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

Writer& Writer::String(std::string_view value) {
  BeforeValue();
  out_ += Quote(value);
  return *this;
}

Writer& Writer::Int(std::int64_t value) {
  BeforeValue();
  out_ += std::to_string(value);
  return *this;
}

Writer& Writer::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

Writer& Writer::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

Writer& Writer::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
  return *this;
}

}  // namespace koop::json
