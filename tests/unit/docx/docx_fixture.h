// Helpers for docx tests: build a .docx from XML text (no binary fixtures in the repo) and read
// the paragraph texts of a rendered part back, one line per <w:p> as ../shared/tools/docx-text
// prints them (w:br as "\n", w:tab as "\t").
#pragma once

#include <map>
#include <string>
#include <vector>

namespace koop::docx::testing {

// A fresh folder under the build tree for one test's files.
std::string TempDir(const std::string& name);

// Writes a zip with the given entries (name -> content), deflated, in map order.
void WriteZip(const std::string& path, const std::map<std::string, std::string>& entries);

// A minimal Word package: [Content_Types].xml, _rels/.rels, word/_rels/document.xml.rels and
// word/document.xml with `body` inside <w:body>; headers given by name ("header1.xml") get
// their relationships, content types and a section reference.
std::map<std::string, std::string> MinimalDocx(
    const std::string& body, const std::map<std::string, std::string>& headers = {});

// Wraps paragraph XML of a header into <w:hdr>.
std::string HeaderXml(const std::string& body);

// Paragraph texts of `part` in the .docx at `path`.
std::vector<std::string> PartLines(const std::string& path, const std::string& part);

// Reads a whole file.
std::string ReadAll(const std::string& path);

}  // namespace koop::docx::testing
