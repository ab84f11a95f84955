// The filters available after `|` in a tag: Polish dates, weekdays, money and plural forms, and
// a few general ones. docs/templates.md documents each; every filter is a pure function.
#pragma once

#include <string>
#include <vector>

#include "docx/value.h"

namespace koop::docx {

struct FilterDef {
  const char* name;
  int min_args;
  int max_args;
  // On failure sets *error (a short explanation) and returns Undef.
  Val (*fn)(const Val& in, const std::vector<Val>& args, std::string* error);
};

const FilterDef* FindFilter(const std::string& name);
const std::vector<FilterDef>& AllFilters();

}  // namespace koop::docx
