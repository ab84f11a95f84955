#include "pack/json_tree.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "json/json_reader.h"

namespace koop::pack {

using Poco::JSON::Array;
using Poco::JSON::Object;

Result<JsonObject> ParseObject(const std::string& text, const std::string& what) {
  return json::ParseObject(text, what);  // the engine's one reader: WHAT:LINE:COL on errors
}

namespace {

Poco::Dynamic::Var CopyVar(const Poco::Dynamic::Var& v) {
  if (v.type() == typeid(Object::Ptr)) return CopyObject(v.extract<Object::Ptr>());
  if (v.type() == typeid(Array::Ptr)) {
    Array::Ptr in = v.extract<Array::Ptr>();
    Array::Ptr out = new Array();
    for (std::size_t i = 0; in && i < in->size(); ++i) out->add(CopyVar(in->get(i)));
    return out;
  }
  return v;
}

bool IsObject(const Poco::Dynamic::Var& v) { return v.type() == typeid(Object::Ptr); }

}  // namespace

JsonObject CopyObject(const JsonObject& o) {
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!o) return out;
  for (const auto& [k, v] : *o) out->set(k, CopyVar(v));
  return out;
}

void DeepMerge(JsonObject into, const JsonObject& from) {
  if (!into || !from) return;
  for (const auto& [k, v] : *from) {
    if (v.isEmpty()) continue;  // JSON null
    if (IsObject(v) && into->has(k) && IsObject(into->get(k))) {
      DeepMerge(into->get(k).extract<Object::Ptr>(), v.extract<Object::Ptr>());
    } else {
      into->set(k, CopyVar(v));
    }
  }
}

Poco::Dynamic::Var Lookup(const JsonObject& root, const std::string& path) {
  Poco::Dynamic::Var cur = root;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t dot = path.find('.', start);
    std::string key =
        path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!IsObject(cur)) return {};
    Object::Ptr o = cur.extract<Object::Ptr>();
    if (!o || !o->has(key)) return {};
    cur = o->get(key);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return cur;
}

std::string ToJson(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(v, out);
  return out.str();
}

std::string FillName(const std::string& pattern, const JsonObject& item, const JsonObject& root) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      std::size_t end = pattern.find('}', i);
      if (end != std::string::npos) {
        std::string path = pattern.substr(i + 1, end - i - 1);
        Poco::Dynamic::Var v = item ? Lookup(item, path) : Poco::Dynamic::Var();
        if (v.isEmpty()) v = Lookup(root, path);
        out += v.isEmpty() ? path : v.isString() ? v.extract<std::string>() : ToJson(v);
        i = end + 1;
        continue;
      }
    }
    out += pattern[i++];
  }
  for (char& c : out) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
              (static_cast<unsigned char>(c) >= 0x80);
    if (!ok) c = '-';
  }
  while (!out.empty() && out[0] == '.') out.erase(0, 1);
  return out.empty() ? "dokument.docx" : out;
}

}  // namespace koop::pack
