// Hostile and broken templates: each must fail with code 65 and a message naming the problem,
// and leave no output file behind. Zips are built here, not committed.
#include <zip.h>

#include <boost/test/unit_test.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "docx_fixture.h"
#include "koop/docx.h"

namespace fs = std::filesystem;
using namespace koop::docx::testing;

namespace {

const std::string kBody = "<w:p><w:r><w:t>{x}</w:t></w:r></w:p>";

// Opens and renders; returns the status of whichever step failed.
koop::Status TryRender(const std::string& tpl, const std::string& out) {
  auto t = koop::DocxTemplate::Open(tpl);
  if (!t.ok()) return t.status();
  return t->Render("{\"x\": \"a\"}", {}, out);
}

void ExpectRejected(const std::string& dir, const std::string& tpl, const std::string& fragment) {
  std::string out = dir + "/out.docx";
  koop::Status s = TryRender(tpl, out);
  BOOST_TEST(!s.ok());
  BOOST_TEST(s.exit_code() == 65);
  BOOST_TEST(s.message().find(fragment) != std::string::npos, s.message());
  BOOST_TEST(!fs::exists(out));
  for (const auto& e : fs::directory_iterator(dir)) {
    BOOST_TEST(e.path().filename().string().find(".tmp-") == std::string::npos);
  }
}

void PatchU32(std::string* bytes, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*bytes)[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_hostile_input)

BOOST_AUTO_TEST_CASE(RejectsParentDirectoryEntry) {
  std::string dir = TempDir("hostile-dotdot");
  auto files = MinimalDocx(kBody);
  files["../evil.txt"] = "x";
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "'../evil.txt' has an unsafe path");
}

BOOST_AUTO_TEST_CASE(RejectsAbsoluteEntry) {
  std::string dir = TempDir("hostile-absolute");
  auto files = MinimalDocx(kBody);
  files["/etc/cron.d/evil"] = "x";
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "unsafe path");
}

BOOST_AUTO_TEST_CASE(RejectsHighCompressionRatio) {
  std::string dir = TempDir("hostile-ratio");
  auto files = MinimalDocx(kBody);
  files["word/media/bomb.bin"] = std::string(8u << 20, '\0');  // ~1000:1 when deflated
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "compression ratio");
}

BOOST_AUTO_TEST_CASE(RejectsHugeDeclaredSize) {
  std::string dir = TempDir("hostile-size");
  auto files = MinimalDocx(kBody);
  files["word/media/big.bin"] = std::string(70u << 20, 'a');
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "over the limit");
}

BOOST_AUTO_TEST_CASE(RejectsEntryLargerThanDeclared) {
  // The central directory and local header claim 100 bytes; the data inflates to 1 MiB.
  std::string dir = TempDir("hostile-lying");
  auto files = MinimalDocx("<w:p><w:r><w:t>{x}</w:t></w:r></w:p>" + std::string(1u << 20, ' '));
  WriteZip(dir + "/t.docx", files);
  std::string bytes = ReadAll(dir + "/t.docx");
  const std::string name = "word/document.xml";
  for (size_t p = bytes.find(name); p != std::string::npos; p = bytes.find(name, p + 1)) {
    if (p >= 46 && std::memcmp(&bytes[p - 46], "PK\x01\x02", 4) == 0)
      PatchU32(&bytes, p - 46 + 24, 100);
    if (p >= 30 && std::memcmp(&bytes[p - 30], "PK\x03\x04", 4) == 0)
      PatchU32(&bytes, p - 30 + 22, 100);
  }
  std::ofstream(dir + "/t.docx", std::ios::binary) << bytes;
  std::string out = dir + "/out.docx";
  koop::Status s = TryRender(dir + "/t.docx", out);
  BOOST_TEST(s.exit_code() == 65, s.message());
  BOOST_TEST(!fs::exists(out));
}

BOOST_AUTO_TEST_CASE(RejectsMissingMainPart) {
  std::string dir = TempDir("hostile-missing");
  auto files = MinimalDocx(kBody);
  files.erase("word/document.xml");
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "missing part word/document.xml");
}

BOOST_AUTO_TEST_CASE(RejectsNonZip) {
  std::string dir = TempDir("hostile-notzip");
  std::ofstream(dir + "/t.docx") << "To nie jest plik Worda.";
  ExpectRejected(dir, dir + "/t.docx", "not a valid DOCX");
}

BOOST_AUTO_TEST_CASE(RejectsMalformedXmlWithPosition) {
  std::string dir = TempDir("hostile-xml");
  auto files = MinimalDocx("<w:p><w:r><w:t>{x}</w:r></w:p>");
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "word/document.xml:2:");
  ExpectRejected(dir, dir + "/t.docx", "malformed XML");
}

BOOST_AUTO_TEST_CASE(RejectsExternalEntity) {
  std::string dir = TempDir("hostile-xxe");
  auto files = MinimalDocx("");
  files["word/document.xml"] =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "DOCTYPE declarations are not allowed");
}

BOOST_AUTO_TEST_CASE(RejectsEntityExpansionBomb) {
  std::string dir = TempDir("hostile-laughs");
  std::string dtd = "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string ref = std::string("&") + static_cast<char>(c - 1) + ";";
    std::string value;
    for (int i = 0; i < 10; ++i) value += ref;
    dtd += std::string("<!ENTITY ") + c + " \"" + value + "\">";
  }
  dtd += "]>";
  auto files = MinimalDocx("");
  files["word/document.xml"] =
      "<?xml version=\"1.0\"?>\n" + dtd +
      "<w:document "
      "xmlns:w=\"urn:x\"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>";
  WriteZip(dir + "/t.docx", files);
  ExpectRejected(dir, dir + "/t.docx", "DOCTYPE");
}

BOOST_AUTO_TEST_CASE(MissingTemplateIsNoInput) {
  std::string dir = TempDir("hostile-nofile");
  koop::Status s = TryRender(dir + "/brak.docx", dir + "/out.docx");
  BOOST_TEST(s.exit_code() == 66);
  BOOST_TEST(s.message().find("brak.docx") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(UnchangedPartsAreCopiedWithoutRecompression) {
  std::string dir = TempDir("raw-copy");
  auto files = MinimalDocx(kBody);
  files["word/media/image1.png"] = std::string(5000, 'p');
  files["word/styles.xml"] = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"urn:x\">" +
                             std::string(3000, ' ') + "</w:styles>";
  WriteZip(dir + "/t.docx", files);
  // Store the image uncompressed in the template, as Word does for PNGs.
  {
    int err = 0;
    zip_t* za = zip_open((dir + "/t.docx").c_str(), 0, &err);
    zip_int64_t idx = zip_name_locate(za, "word/media/image1.png", 0);
    zip_set_file_compression(za, idx, ZIP_CM_STORE, 0);
    zip_source_t* src = zip_source_buffer(za, files["word/media/image1.png"].data(), 5000, 0);
    zip_file_replace(za, idx, src, 0);
    BOOST_TEST_REQUIRE(zip_close(za) == 0);
  }
  std::string out = dir + "/out.docx";
  BOOST_TEST_REQUIRE(TryRender(dir + "/t.docx", out).ok());
  auto raw = [](const std::string& path, const char* name, zip_uint16_t* method) {
    int err = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_RDONLY, &err);
    zip_stat_t st;
    zip_stat(za, name, 0, &st);
    *method = st.comp_method;
    zip_file_t* f = zip_fopen(za, name, ZIP_FL_COMPRESSED);
    std::string data(st.comp_size, '\0');
    zip_fread(f, data.data(), data.size());
    zip_fclose(f);
    zip_discard(za);
    return data;
  };
  for (const char* name : {"word/styles.xml", "word/media/image1.png", "_rels/.rels"}) {
    zip_uint16_t m1, m2;
    std::string a = raw(dir + "/t.docx", name, &m1);
    std::string b = raw(out, name, &m2);
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(m1 == m2);
      BOOST_TEST((a == b));
    }
  }
  BOOST_TEST((PartLines(out, "word/document.xml") == std::vector<std::string>{"a"}));
}

BOOST_AUTO_TEST_SUITE_END()
