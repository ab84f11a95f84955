// Small JSON helpers for building the data of document packs (Poco::JSON inside the engine only).
#pragma once

#include <Poco/JSON/Object.h>

#include <string>

#include "koop/status.h"

namespace koop::pack {

using JsonObject = Poco::JSON::Object::Ptr;

// Parses a JSON object through json::ParseObject; `what` names the source in the error
// ("samples/documents/x.json:3:5: invalid JSON: ...").
Result<JsonObject> ParseObject(const std::string& text, const std::string& what);

// Deep copy (objects and arrays are copied, scalars shared).
JsonObject CopyObject(const JsonObject& o);

// Merges `from` into `into`: objects merge key by key, anything else replaces; null values in
// `from` do not replace existing values (an empty field of the instance does not hide the
// municipality's wording).
void DeepMerge(JsonObject into, const JsonObject& from);

// The value at a dotted path ("ggk.institutions"), empty when absent.
Poco::Dynamic::Var Lookup(const JsonObject& root, const std::string& path);

// A file name from a pattern with {path} tags filled from `item` (then `root`): "zaproszenie-{nr}"
// → "zaproszenie-3". Unsafe characters become '-'; an unknown tag becomes its path.
std::string FillName(const std::string& pattern, const JsonObject& item, const JsonObject& root);

std::string ToJson(const Poco::Dynamic::Var& v);

}  // namespace koop::pack
