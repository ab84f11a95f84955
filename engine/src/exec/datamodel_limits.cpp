#include "exec/datamodel_limits.h"

namespace koop::exec {
namespace {

// The top-level key whose value starts at byte `at` of the object `json` (best effort: the
// last string before the ':' at depth 1).
std::string VariableAt(const std::string& json, std::size_t key_start, std::size_t key_end) {
  if (key_end <= key_start) return "?";
  return json.substr(key_start, key_end - key_start);
}

}  // namespace

Status CheckDataLimits(const std::string& json, const std::string& where) {
  if (json.size() > kMaxDataBytes) {
    return Status::DataError(where + ": the data model takes " + std::to_string(json.size()) +
                             " bytes as JSON; at most " + std::to_string(kMaxDataBytes) +
                             " are stored");
  }
  int depth = 0;
  bool in_string = false;
  std::size_t key_start = 0, key_end = 0;  // last string seen at depth 1 (a variable name)
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        if (depth == 1) key_end = i;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        if (depth == 1) key_start = i + 1;
        break;
      case '{':
      case '[':
        // The data model object itself is level 0; a variable's value starts at level 1.
        if (++depth - 1 > kMaxDataDepth) {
          return Status::DataError(where + ": variable '" + VariableAt(json, key_start, key_end) +
                                   "' is nested deeper than " + std::to_string(kMaxDataDepth) +
                                   " levels; such a value cannot be stored");
        }
        break;
      case '}':
      case ']':
        --depth;
        break;
      default:
        break;
    }
  }
  return Status::Ok();
}

}  // namespace koop::exec
