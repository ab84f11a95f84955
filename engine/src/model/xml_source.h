// XmlSource: a definition file parsed by libxml2 under our safety rules (no network, no entity
// substitution, no DTD loading, DOCTYPE refused, size capped), plus what the loader needs to
// name places: line numbers from libxml2 and columns recovered from the source text.
// Owns the libxml2 document; movable, not copyable.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "koop/status.h"
#include "model/koop_plan.h"

typedef struct _xmlDoc xmlDoc;
typedef struct _xmlNode xmlNode;

namespace koop::model {

class XmlSource {
 public:
  // Parses `text`; `name` is the file name used in messages. Errors are "name:line:col: ...".
  static Result<std::unique_ptr<XmlSource>> Parse(std::string text, std::string name,
                                                  std::size_t max_attribute_bytes);
  ~XmlSource();

  xmlNode* root() const;
  const std::string& name() const { return name_; }

  // Position of an element (its '<'), or of one of its attributes when `attr` is given.
  SourcePos PosOf(const xmlNode* node, const char* attr = nullptr) const;
  // Line on which the element's content begins (the line of the '>' closing its start tag).
  int ContentLine(const xmlNode* node) const;

 private:
  XmlSource() = default;
  void IndexElements();
  SourcePos PosAt(std::size_t offset) const;
  xmlDoc* doc_ = nullptr;
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
  std::unordered_map<const xmlNode*, std::size_t> offsets_;  // element -> its '<' in text_
};

// Small helpers over libxml2 nodes (UTF-8 strings).
bool IsElement(const xmlNode* node);
std::string LocalName(const xmlNode* node);
std::string NamespaceOf(const xmlNode* node);
bool HasAttr(const xmlNode* node, const char* name, const char* ns = nullptr);
std::string Attr(const xmlNode* node, const char* name, const char* ns = nullptr);
std::string TextContent(const xmlNode* node);
// The node's children serialized as XML (for inline <content>/<data> markup).
std::string InnerXml(const xmlNode* node);
// True when the node has element children.
bool HasElementChildren(const xmlNode* node);
// Collapses runs of whitespace to one space and trims (XML whitespace normalization).
std::string NormalizeSpace(const std::string& text);

}  // namespace koop::model
