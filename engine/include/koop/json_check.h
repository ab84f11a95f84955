// Checking JSON text given by a person (koop start/fire --data): a syntax error names the place.
#pragma once

#include <string>

#include "koop/status.h"

namespace koop {

// Ok when `text` is one JSON object. Otherwise kDataError: "SOURCE:LINE:COL: invalid JSON: REASON"
// for a syntax error (line and column counted from 1, the column in bytes), or "SOURCE: not a JSON
// object" for valid JSON of another kind.
Status CheckJsonObjectText(const std::string& text, const std::string& source);

}  // namespace koop
