// Render data: a small immutable JSON tree. Documents are rendered from this form so that lookups
// are pointer walks; JSON text and Poco values (from document packs) are converted once.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "koop/status.h"

namespace koop::docx {

struct Data {
  enum class Type : uint8_t { kNull, kBool, kInt, kDouble, kString, kArray, kObject };
  // Defined in data.cpp, where Data is complete: clang with libstdc++ refuses to instantiate
  // vector<pair<string, Data>>'s members inside the class.
  Data();
  Data(const Data&);
  Data(Data&&) noexcept;
  Data& operator=(const Data&);
  Data& operator=(Data&&) noexcept;
  ~Data();

  Type type = Type::kNull;
  bool b = false;
  int64_t i = 0;
  double d = 0;
  std::string s;
  std::vector<Data> items;                            // kArray
  std::vector<std::pair<std::string, Data>> members;  // kObject, in source order

  // Own member `key`, or nullptr.
  const Data* Find(std::string_view key) const;
  bool is_null() const { return type == Type::kNull; }
};

// Parses JSON text; `label` names the input in messages ("data.json"). Errors are code 65.
// Syntax errors name LABEL:LINE:COL (json/json_reader.h); `first_line` is the line of LABEL the
// text starts on (a line of a JSON Lines file).
Result<Data> ParseJson(const std::string& text, const std::string& label, int first_line = 1);
// Converts a Poco value (Poco::JSON::Object::Ptr / Array::Ptr / scalars) without re-serialising.
Data FromPoco(const Poco::Dynamic::Var& v);

}  // namespace koop::docx
