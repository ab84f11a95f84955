#include "docx_fixture.h"

#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "docx/lexer.h"
#include "docx/zip_archive.h"

namespace koop::docx::testing {

namespace fs = std::filesystem;

const char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char kR[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string TempDir(const std::string& name) {
  fs::path p = fs::path(KOOP_BINARY_DIR) / "tests" / "tmp-docx" / name;
  fs::remove_all(p);
  fs::create_directories(p);
  return p.string();
}

void WriteZip(const std::string& path, const std::map<std::string, std::string>& entries) {
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* src = zip_source_buffer(za, content.data(), content.size(), 0);
    if (zip_file_add(za, name.c_str(), src, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(src);
      zip_discard(za);
      throw std::runtime_error("zip_file_add failed");
    }
  }
  if (zip_close(za) != 0) throw std::runtime_error("zip_close failed");
}

std::string HeaderXml(const std::string& body) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"") +
         kW + "\" xmlns:r=\"" + kR + "\">" + body + "</w:hdr>";
}

std::map<std::string, std::string> MinimalDocx(const std::string& body,
                                               const std::map<std::string, std::string>& headers) {
  std::string ct =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
  std::string doc_rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::string refs;
  int id = 1;
  for (const auto& [name, xml] : headers) {
    ct += "<Override PartName=\"/word/" + name +
          "\" "
          "ContentType=\"application/"
          "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>";
    std::string rid = "rIdH" + std::to_string(id++);
    doc_rels +=
        "<Relationship Id=\"" + rid +
        "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" "
        "Target=\"" +
        name + "\"/>";
    refs += "<w:headerReference w:type=\"default\" r:id=\"" + rid + "\"/>";
  }
  ct += "</Types>";
  doc_rels += "</Relationships>";
  std::map<std::string, std::string> files;
  files["[Content_Types].xml"] = ct;
  files["_rels/.rels"] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/>"
      "</Relationships>";
  files["word/_rels/document.xml.rels"] = doc_rels;
  files["word/document.xml"] =
      std::string(
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"") +
      kW + "\" xmlns:r=\"" + kR + "\"><w:body>" + body + "<w:sectPr>" + refs +
      "<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
  for (const auto& [name, xml] : headers) files["word/" + name] = xml;
  return files;
}

std::vector<std::string> PartLines(const std::string& path, const std::string& part) {
  auto zip = ZipArchive::Open(path);
  if (!zip.ok()) throw std::runtime_error(zip.status().message());
  auto xml = (*zip)->Read(part);
  if (!xml.ok()) throw std::runtime_error(xml.status().message());
  const std::string& s = *xml;
  std::vector<std::string> lines;
  std::vector<size_t> stack;      // open paragraphs (indexes into lines)
  std::vector<std::string> tags;  // open element names
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string::npos) break;
    size_t gt = s.find('>', lt);
    std::string tag = s.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (tag.empty() || tag[0] == '?' || tag[0] == '!') continue;
    bool end = tag[0] == '/';
    bool self = tag.back() == '/';
    std::string name =
        tag.substr(end ? 1 : 0, tag.find_first_of(" /", end ? 1 : 0) - (end ? 1 : 0));
    if (end) {
      if (name == "w:p" && !stack.empty()) stack.pop_back();
      if (!tags.empty()) tags.pop_back();
      continue;
    }
    std::string parent = tags.empty() ? "" : tags.back();
    if (name == "w:p") {
      lines.emplace_back();
      if (!self) stack.push_back(lines.size() - 1);
    } else if (!stack.empty() && parent == "w:r" && name == "w:br") {
      lines[stack.back()] += "\\n";
    } else if (!stack.empty() && parent == "w:r" && name == "w:tab") {
      lines[stack.back()] += "\\t";
    } else if (name == "w:t" && !self && !stack.empty()) {
      size_t close = s.find("</w:t>", i);
      lines[stack.back()] += DecodeEntities(s.substr(i, close - i));
      i = close + 6;
      continue;
    }
    if (!self) tags.push_back(name);
  }
  return lines;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

}  // namespace koop::docx::testing
