// Data-driven template tests: every tests/data/docx/scenarios/*.test file holds cases of a
// template body (in a compact notation), data, options and the expected paragraph texts or the
// expected error fragments. See tests/data/docx/scenarios/README.md for the notation.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "docx/lexer.h"
#include "docx_fixture.h"
#include "koop/docx.h"

namespace fs = std::filesystem;
using namespace koop::docx::testing;

namespace {

struct Case {
  std::string file;
  int line = 0;
  std::string name;
  std::map<std::string, std::string> sections;  // "body", "header", "data", "expect", ...
};

std::vector<Case> ReadCases(const fs::path& path) {
  std::vector<Case> cases;
  std::ifstream in(path);
  std::string line, section;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("===", 0) == 0) {
      cases.push_back(Case{path.filename().string(), n, line.substr(4), {}});
      section.clear();
      continue;
    }
    if (cases.empty()) continue;
    if (line.rfind("---", 0) == 0) {
      section = line.substr(4);
      cases.back().sections[section];
      continue;
    }
    if (section.empty() || (line.rfind("#", 0) == 0 && section != "data")) continue;
    cases.back().sections[section] += line + "\n";
  }
  for (Case& c : cases) {
    for (auto& [name, text] : c.sections) {
      while (text.size() >= 2 && text[text.size() - 1] == '\n' && text[text.size() - 2] == '\n') {
        text.pop_back();
      }
      if (text == "\n") text.clear();
    }
  }
  return cases;
}

std::string Escape(const std::string& s) {
  std::string out;
  koop::docx::AppendEscaped(&out, s);
  return out;
}

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) return out;
    start = p + sep.size();
  }
}

std::string Paragraph(const std::string& text) {
  std::string xml = "<w:p>";
  for (const std::string& run : Split(text, "~~")) {
    xml += "<w:r><w:t xml:space=\"preserve\">" + Escape(run) + "</w:t></w:r>";
  }
  return xml + "</w:p>";
}

// Notation: "p TEXT" paragraph (runs split at "~~"), "table" … "end" with "row A @@ B" rows,
// any line starting with '<' is raw XML.
std::string BodyXml(const std::string& notation) {
  std::string xml;
  std::istringstream in(notation);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("p ", 0) == 0 || line == "p") {
      xml += Paragraph(line.size() > 2 ? line.substr(2) : "");
    } else if (line == "table") {
      xml += "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>";
    } else if (line == "end") {
      xml += "</w:tbl>";
    } else if (line.rfind("row ", 0) == 0) {
      xml += "<w:tr>";
      for (const std::string& cell : Split(line.substr(4), " @@ ")) {
        xml += "<w:tc>" + Paragraph(cell) + "</w:tc>";
      }
      xml += "</w:tr>";
    } else if (!line.empty() && line[0] == '<') {
      xml += line;
    } else if (!line.empty()) {
      throw std::runtime_error("bad body line: " + line);
    }
  }
  return xml;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(line == "(empty)" ? "" : line);
  return out;
}

void RunCase(const Case& c, const std::string& dir) {
  BOOST_TEST_CONTEXT(c.file << ":" << c.line << " " << c.name) {
    std::map<std::string, std::string> headers;
    if (c.sections.count("header"))
      headers["header1.xml"] = HeaderXml(BodyXml(c.sections.at("header")));
    std::string tpl = dir + "/template.docx";
    WriteZip(tpl, MinimalDocx(BodyXml(c.sections.at("body")), headers));
    std::string out = dir + "/out.docx";
    fs::remove(out);
    auto t = koop::DocxTemplate::Open(tpl);
    koop::Status s = t.ok() ? koop::Status::Ok() : t.status();
    if (t.ok()) {
      koop::RenderOptions opts;
      opts.blanks = c.sections.count("blanks") > 0;
      std::string data = c.sections.count("data") ? c.sections.at("data") : "{}";
      s = t->Render(data, opts, out);
    }
    if (c.sections.count("error")) {
      BOOST_TEST(!s.ok());
      BOOST_TEST(static_cast<int>(s.code()) == 65);
      BOOST_TEST(!fs::exists(out));
      for (const std::string& frag : Lines(c.sections.at("error"))) {
        BOOST_TEST_CONTEXT("error should contain: " << frag << "\nactual: " << s.message()) {
          BOOST_TEST(s.message().find(frag) != std::string::npos);
        }
      }
      return;
    }
    BOOST_TEST_REQUIRE(s.ok(), s.message());
    auto body = PartLines(out, "word/document.xml");
    auto expected = Lines(c.sections.count("expect") ? c.sections.at("expect") : "");
    BOOST_TEST(body == expected, boost::test_tools::per_element());
    if (c.sections.count("expect header")) {
      auto header = PartLines(out, "word/header1.xml");
      BOOST_TEST(header == Lines(c.sections.at("expect header")), boost::test_tools::per_element());
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_scenarios)

BOOST_AUTO_TEST_CASE(AllScenarioFilesPass) {
  fs::path root = fs::path(KOOP_SOURCE_DIR) / "tests" / "data" / "docx" / "scenarios";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(root)) {
    if (e.path().extension() == ".test") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST_REQUIRE(!files.empty());
  int count = 0;
  for (const fs::path& f : files) {
    for (const Case& c : ReadCases(f)) {
      RunCase(c, TempDir("scenario-" + std::to_string(count++)));
    }
  }
  BOOST_TEST_MESSAGE(count << " docx scenarios");
  BOOST_TEST(count >= 20);
}

BOOST_AUTO_TEST_SUITE_END()
