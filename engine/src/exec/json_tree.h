// JsonTree: a small JSON reader for the interpreter's own documents (snapshots). It parses the
// whole text once into nodes that keep each value's raw text as written, so a nested document
// (the data model, an event's data, a parameter) is handed on verbatim instead of being
// re-serialised, and object members stay in document order. Strings and keys are decoded
// (escapes, \uXXXX with surrogate pairs, to UTF-8). Strict RFC 8259 syntax; nesting deeper than
// 512 levels is refused.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "koop/status.h"

namespace koop::exec {

struct JsonNode {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  // Defined in json_tree.cpp, where JsonNode is complete: clang with libstdc++ refuses to
  // instantiate vector<pair<string, JsonNode>>'s members inside the class.
  JsonNode();
  JsonNode(const JsonNode&);
  JsonNode(JsonNode&&) noexcept;
  JsonNode& operator=(const JsonNode&);
  JsonNode& operator=(JsonNode&&) noexcept;
  ~JsonNode();

  Kind kind = Kind::kNull;
  std::string_view raw;         // the value's text in the parsed document (valid while it lives)
  std::string text;             // kString: the decoded string
  bool boolean = false;         // kBool
  std::vector<JsonNode> items;  // kArray
  std::vector<std::pair<std::string, JsonNode>> members;  // kObject, in document order

  // The member named `key` (the first one), or nullptr.
  const JsonNode* Find(std::string_view key) const;
};

// Parses `text` (which must outlive the result). Errors are kDataError naming the offset.
Result<JsonNode> ParseJsonTree(std::string_view text);

// Typed access for documents of a known shape; each names the key in its error.
Result<const JsonNode*> JsonMember(const JsonNode& object, std::string_view key,
                                   JsonNode::Kind kind);
Result<std::string> JsonString(const JsonNode& object, std::string_view key);
Result<std::int64_t> JsonInt(const JsonNode& object, std::string_view key);
Result<bool> JsonBool(const JsonNode& object, std::string_view key);

}  // namespace koop::exec
