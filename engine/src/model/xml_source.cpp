#include "model/xml_source.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <limits>

#include "model/xml_limits.h"

namespace koop::model {
namespace {

struct ErrorSink {
  std::string name;
  std::vector<std::string> messages;
};

// libxml2 structured error callback: collects "name:line:col: message".
void CollectError(void* user, xmlErrorPtr error) {
  auto* sink = static_cast<ErrorSink*>(user);
  if (error == nullptr || sink->messages.size() >= 20) return;
  std::string msg = error->message ? error->message : "XML error";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  sink->messages.push_back(sink->name + ":" + std::to_string(error->line) + ":" +
                           std::to_string(error->int2 > 0 ? error->int2 : 1) + ": " + msg);
}

std::string ToString(const xmlChar* s) {
  return s ? std::string(reinterpret_cast<const char*>(s)) : std::string();
}

}  // namespace

Result<std::unique_ptr<XmlSource>> XmlSource::Parse(std::string text, std::string name,
                                                    std::size_t max_attribute_bytes) {
  std::unique_ptr<XmlSource> src(new XmlSource());
  src->name_ = std::move(name);
  src->text_ = std::move(text);
  // A DOCTYPE can declare entities (XXE, billion laughs); workflows never need one.
  auto doctype = src->text_.find("<!DOCTYPE");
  if (doctype != std::string::npos) {
    auto line = std::count(src->text_.begin(), src->text_.begin() + doctype, '\n') + 1;
    auto bol = src->text_.rfind('\n', doctype);
    auto col = doctype - (bol == std::string::npos ? 0 : bol + 1) + 1;
    return Status::DataError(src->name_ + ":" + std::to_string(line) + ":" + std::to_string(col) +
                             ": DOCTYPE declarations are not allowed (entities and DTDs are "
                             "refused)");
  }
  // Shapes that would cost libxml2 minutes are refused before it runs (xml_limits.h).
  // The file's size is the loader's limit (LoadOptions::max_file_bytes), checked before.
  XmlLimits shape;
  shape.max_bytes = std::numeric_limits<std::size_t>::max();
  KOOP_RETURN_IF_ERROR(PrescanXml(src->text_, src->name_, shape));
  ErrorSink sink{src->name_, {}};
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return Status::Internal("cannot create an XML parser");
  xmlSetStructuredErrorFunc(&sink, CollectError);
  const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
  src->doc_ = xmlCtxtReadMemory(ctxt, src->text_.data(), static_cast<int>(src->text_.size()),
                                src->name_.c_str(), nullptr, options);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  if (src->doc_ == nullptr || !sink.messages.empty()) {
    std::string all;
    for (const auto& m : sink.messages) all += (all.empty() ? "" : "\n") + m;
    if (all.empty()) all = src->name_ + ":1:1: not well-formed XML";
    return Status::DataError(all);
  }
  if (src->doc_->intSubset != nullptr || src->doc_->extSubset != nullptr) {
    return Status::DataError(src->name_ + ":1:1: DOCTYPE declarations are not allowed");
  }
  src->line_starts_.push_back(0);
  for (std::size_t i = 0; i < src->text_.size(); ++i) {
    if (src->text_[i] == '\n') src->line_starts_.push_back(i + 1);
  }
  src->IndexElements();
  // Refuse oversized attribute values (they only waste memory downstream).
  std::vector<xmlNode*> stack{xmlDocGetRootElement(src->doc_)};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) continue;
    if (n->type == XML_ELEMENT_NODE) {
      for (xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        xmlChar* v = xmlNodeListGetString(src->doc_, a->children, 1);
        std::size_t len = v ? std::strlen(reinterpret_cast<const char*>(v)) : 0;
        xmlFree(v);
        if (len > max_attribute_bytes) {
          SourcePos p = src->PosOf(n, reinterpret_cast<const char*>(a->name));
          return Status::DataError(src->name_ + ":" + std::to_string(p.line) + ":" +
                                   std::to_string(p.column) + ": attribute '" + ToString(a->name) +
                                   "' is " + std::to_string(len) + " bytes long (limit " +
                                   std::to_string(max_attribute_bytes) + ")");
        }
      }
    }
    for (xmlNode* c = n->children; c != nullptr; c = c->next) stack.push_back(c);
  }
  return src;
}

XmlSource::~XmlSource() {
  if (doc_ != nullptr) xmlFreeDoc(doc_);
}

xmlNode* XmlSource::root() const { return xmlDocGetRootElement(doc_); }

// Start tags appear in the text in document order, so one forward scan pairs each element
// with the offset of its '<' (comments, CDATA, processing instructions and end tags skipped).
void XmlSource::IndexElements() {
  std::vector<xmlNode*> order;
  std::vector<xmlNode*> stack{root()};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr || n->type != XML_ELEMENT_NODE) continue;
    order.push_back(n);
    std::vector<xmlNode*> kids;
    for (xmlNode* c = n->children; c != nullptr; c = c->next) kids.push_back(c);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  std::size_t pos = 0;
  auto skip_to = [&](const char* end) {
    std::size_t e = text_.find(end, pos);
    pos = e == std::string::npos ? text_.size() : e + std::strlen(end);
  };
  for (xmlNode* n : order) {
    while (pos < text_.size()) {
      pos = text_.find('<', pos);
      if (pos == std::string::npos) {
        pos = text_.size();
        break;
      }
      if (text_.compare(pos, 4, "<!--") == 0)
        skip_to("-->");
      else if (text_.compare(pos, 9, "<![CDATA[") == 0)
        skip_to("]]>");
      else if (text_.compare(pos, 2, "<?") == 0)
        skip_to("?>");
      else if (text_.compare(pos, 2, "<!") == 0 || text_.compare(pos, 2, "</") == 0)
        skip_to(">");
      else
        break;
    }
    if (pos >= text_.size()) break;
    offsets_[n] = pos;
    ++pos;
  }
}

SourcePos XmlSource::PosAt(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<int>(line_index + 1),
          static_cast<int>(offset - line_starts_[line_index] + 1)};
}

SourcePos XmlSource::PosOf(const xmlNode* node, const char* attr) const {
  if (node == nullptr) return {};
  auto found = offsets_.find(node);
  if (found == offsets_.end()) {
    long line = xmlGetLineNo(node);
    return {static_cast<int>(line > 0 ? line : 1), 1};
  }
  std::size_t at = found->second;
  if (attr != nullptr) {
    // Find ` attr=` inside the start tag, outside quoted values.
    std::size_t len = std::strlen(attr);
    char quote = 0;
    for (std::size_t i = at + 1; i < text_.size(); ++i) {
      char c = text_[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        continue;
      }
      if (c == '>') break;
      if (std::isspace(static_cast<unsigned char>(c)) && text_.compare(i + 1, len, attr) == 0) {
        std::size_t j = i + 1 + len;
        while (j < text_.size() && std::isspace(static_cast<unsigned char>(text_[j]))) ++j;
        if (j < text_.size() && text_[j] == '=') {
          at = i + 1;
          break;
        }
      }
    }
  }
  return PosAt(at);
}

int XmlSource::ContentLine(const xmlNode* node) const {
  auto found = offsets_.find(node);
  if (found == offsets_.end()) return PosOf(node).line;
  char quote = 0;
  for (std::size_t i = found->second + 1; i < text_.size(); ++i) {
    char c = text_[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return PosAt(i).line;
    }
  }
  return PosAt(found->second).line;
}

bool IsElement(const xmlNode* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

std::string LocalName(const xmlNode* node) { return ToString(node->name); }

std::string NamespaceOf(const xmlNode* node) {
  return node->ns != nullptr ? ToString(node->ns->href) : std::string();
}

bool HasAttr(const xmlNode* node, const char* name, const char* ns) {
  const auto* n = const_cast<xmlNode*>(node);
  auto* key = reinterpret_cast<const xmlChar*>(name);
  if (ns == nullptr) return xmlHasNsProp(n, key, nullptr) != nullptr;
  return xmlHasNsProp(n, key, reinterpret_cast<const xmlChar*>(ns)) != nullptr;
}

std::string Attr(const xmlNode* node, const char* name, const char* ns) {
  auto* n = const_cast<xmlNode*>(node);
  xmlChar* v = ns == nullptr ? xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name))
                             : xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(name),
                                            reinterpret_cast<const xmlChar*>(ns));
  std::string out = ToString(v);
  xmlFree(v);
  return out;
}

std::string TextContent(const xmlNode* node) {
  xmlChar* v = xmlNodeGetContent(node);
  std::string out = ToString(v);
  xmlFree(v);
  return out;
}

std::string InnerXml(const xmlNode* node) {
  xmlBufferPtr buf = xmlBufferCreate();
  for (xmlNode* c = node->children; c != nullptr; c = c->next) {
    xmlNodeDump(buf, node->doc, c, 0, 0);
  }
  std::string out(reinterpret_cast<const char*>(xmlBufferContent(buf)),
                  static_cast<std::size_t>(xmlBufferLength(buf)));
  xmlBufferFree(buf);
  return out;
}

bool HasElementChildren(const xmlNode* node) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

std::string NormalizeSpace(const std::string& text) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return out;
}

}  // namespace koop::model
