// Values while evaluating template expressions, with JavaScript's conversions (what
// docxtemplater's expression parser does): data nodes are referenced, never copied, and
// integers stay integers so money in grosze is exact.
#pragma once

#include <cstdint>
#include <string>

#include "docx/data.h"

namespace koop::docx {

struct Val {
  enum class T : uint8_t { kUndef, kNull, kBool, kInt, kDouble, kString, kNode };
  T t = T::kUndef;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;
  const Data* node = nullptr;  // kNode: an array or an object of the data

  static Val Undef() { return Val(); }
  static Val Null() {
    Val v;
    v.t = T::kNull;
    return v;
  }
  static Val Bool(bool x) {
    Val v;
    v.t = T::kBool;
    v.b = x;
    return v;
  }
  static Val Int(int64_t x) {
    Val v;
    v.t = T::kInt;
    v.i = x;
    return v;
  }
  static Val Double(double x) {
    Val v;
    v.t = T::kDouble;
    v.d = x;
    return v;
  }
  static Val Str(std::string x) {
    Val v;
    v.t = T::kString;
    v.s = std::move(x);
    return v;
  }
  // Scalars of the data become plain values; arrays and objects are referenced.
  static Val Of(const Data* d);

  bool is_nullish() const { return t == T::kUndef || t == T::kNull; }
  bool is_number() const { return t == T::kInt || t == T::kDouble; }
  bool is_array() const { return t == T::kNode && node->type == Data::Type::kArray; }
  bool is_object() const { return t == T::kNode && node->type == Data::Type::kObject; }
  double num() const;       // ToNumber
  bool truthy() const;      // JavaScript truthiness
  std::string str() const;  // String(v)
};

std::string FormatNumber(double d);

}  // namespace koop::docx
