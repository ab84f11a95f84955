// The OPC package around the document: which part is the main document (through _rels/.rels,
// not always word/document.xml) and which other parts carry text to fill (headers, footers,
// footnotes, endnotes, comments, by content type). Also the XML safety check applied to every
// part the engine parses: well-formed, no DOCTYPE, no network access, entities never expanded.
#pragma once

#include <string>
#include <vector>

#include "docx/zip_archive.h"
#include "koop/status.h"

namespace koop::docx {

struct PackageParts {
  std::string main;                 // e.g. "word/document.xml"
  std::vector<std::string> others;  // headers, footers, notes, comments (sorted)
};

Result<PackageParts> FindTemplatedParts(const ZipArchive& zip);

// Checks `xml` with libxml2 (XML_PARSE_NONET, no DTD loading, no entity substitution) and
// rejects any DOCTYPE. The message names the part, line and column.
Status CheckXml(const std::string& part, const std::string& xml);

}  // namespace koop::docx
