// CheckJsonObjectText: the JSON adapter's object reader, for callers outside the engine.
#include "koop/json_check.h"

#include "json/json_reader.h"

namespace koop {

Status CheckJsonObjectText(const std::string& text, const std::string& source) {
  return json::ParseObject(text, source).status();
}

}  // namespace koop
