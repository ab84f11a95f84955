#include "docx/package.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "docx/limits.h"

namespace koop::docx {
namespace {

const int kXmlOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

bool HasDoctype(const std::string& xml) {
  // Before the root element only; "<!DOCTYPE" inside text would be escaped anyway.
  size_t limit = std::min<size_t>(xml.size(), 4096);
  for (size_t i = 0; i + 9 <= limit; ++i) {
    if (xml[i] == '<' && xml.compare(i, 9, "<!DOCTYPE") == 0) return true;
  }
  return false;
}

std::string Position(const std::string& xml, size_t at) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    if (xml[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(xml[i]) & 0xC0) != 0x80) {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

// libxml2 compares each attribute with the element's earlier ones (quadratic time: 200,000
// attributes cost minutes), so they are counted first in one linear pass over the start tags.
Status CheckAttributeCounts(const std::string& part, const std::string& xml) {
  size_t i = 0;
  while ((i = xml.find('<', i)) != std::string::npos) {
    size_t start = i++;
    const char* skip_to = nullptr;
    if (xml.compare(start, 4, "<!--") == 0)
      skip_to = "-->";
    else if (xml.compare(start, 9, "<![CDATA[") == 0)
      skip_to = "]]>";
    else if (xml.compare(start, 2, "<?") == 0)
      skip_to = "?>";
    if (skip_to) {
      size_t end = xml.find(skip_to, i);
      if (end == std::string::npos) return Status::Ok();  // libxml2 reports it
      i = end;
      continue;
    }
    size_t count = 0;
    char quote = 0;
    for (; i < xml.size(); ++i) {
      char ch = xml[i];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '=') {
        ++count;
      } else if (ch == '>' || ch == '<') {
        break;
      }
    }
    if (count > kMaxXmlAttributes) {
      return Status::DataError(part + ":" + Position(xml, start) + ": an element with more than " +
                               std::to_string(kMaxXmlAttributes) + " attributes (" +
                               std::to_string(count) + ")");
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<xmlDoc, DocFree>> ParseSafe(const std::string& part,
                                                   const std::string& xml) {
  KOOP_RETURN_IF_ERROR(CheckAttributeCounts(part, xml));
  if (HasDoctype(xml)) {
    return Status::DataError(part +
                             ": DOCTYPE declarations are not allowed in document parts "
                             "(external entities are never resolved)");
  }
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });  // before any thread parses
  std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::Internal("libxml2: out of memory");
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), xml.data(), static_cast<int>(xml.size()), part.c_str(), nullptr, kXmlOptions));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string msg = e && e->message ? e->message : "not well-formed";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    int line = e ? e->line : 0;
    int col = e ? e->int2 : 0;
    return Status::DataError(part + ":" + std::to_string(line) + ":" + std::to_string(col) +
                             ": malformed XML: " + msg);
  }
  if (doc->intSubset || doc->extSubset) {
    return Status::DataError(part + ": DOCTYPE declarations are not allowed in document parts");
  }
  return doc;
}

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return std::string();
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

bool NameIs(xmlNode* n, const char* local) {
  return n->type == XML_ELEMENT_NODE &&
         xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(local)) == 0;
}

std::string Normalize(std::string target) {
  while (!target.empty() && target[0] == '/') target.erase(0, 1);
  std::vector<std::string> segs;
  size_t start = 0;
  while (start <= target.size()) {
    size_t end = target.find('/', start);
    if (end == std::string::npos) end = target.size();
    std::string seg = target.substr(start, end - start);
    if (seg == "..") {
      if (!segs.empty()) segs.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segs.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& s : segs) out += (out.empty() ? "" : "/") + s;
  return out;
}

bool IsTextContentType(const std::string& ct) {
  static const char* kTypes[] = {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"};
  return std::any_of(std::begin(kTypes), std::end(kTypes), [&](const char* t) { return ct == t; });
}

}  // namespace

Status CheckXml(const std::string& part, const std::string& xml) {
  auto r = ParseSafe(part, xml);
  return r.ok() ? Status::Ok() : r.status();
}

Result<PackageParts> FindTemplatedParts(const ZipArchive& zip) {
  PackageParts out;
  if (zip.Has("_rels/.rels")) {
    auto rels = zip.Read("_rels/.rels");
    if (!rels.ok()) return rels.status();
    auto doc = ParseSafe("_rels/.rels", *rels);
    if (!doc.ok()) return doc.status();
    for (xmlNode* n = xmlDocGetRootElement(doc->get())->children; n; n = n->next) {
      if (!NameIs(n, "Relationship")) continue;
      std::string type = Attr(n, "Type");
      const std::string suffix = "/officeDocument";
      if (type.size() >= suffix.size() &&
          type.compare(type.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string target = Normalize(Attr(n, "Target"));
        if (zip.Has(target)) {
          out.main = target;
          break;
        }
      }
    }
  }
  if (out.main.empty()) out.main = "word/document.xml";
  if (!zip.Has(out.main)) {
    return Status::DataError(zip.label() + ": not a Word document: missing part " + out.main +
                             " (main document)");
  }
  if (zip.Has("[Content_Types].xml")) {
    auto ct = zip.Read("[Content_Types].xml");
    if (!ct.ok()) return ct.status();
    auto doc = ParseSafe("[Content_Types].xml", *ct);
    if (!doc.ok()) return doc.status();
    for (xmlNode* n = xmlDocGetRootElement(doc->get())->children; n; n = n->next) {
      if (!NameIs(n, "Override")) continue;
      std::string name = Normalize(Attr(n, "PartName"));
      if (name != out.main && IsTextContentType(Attr(n, "ContentType")) && zip.Has(name)) {
        out.others.push_back(name);
      }
    }
  } else {
    return Status::DataError(zip.label() +
                             ": not a Word document: missing part [Content_Types].xml");
  }
  std::sort(out.others.begin(), out.others.end());
  return out;
}

}  // namespace koop::docx
