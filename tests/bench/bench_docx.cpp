// DOCX rendering benchmark. Prints figures, never asserts.
//
//   bench_docx loop-table [SECONDS]   docs/s for the corpus case tag-intelligent-loop-table
//                                     (template compiled once, each document written to disk)
//   bench_docx rows [N]               one document with an N-row table (default 10,000):
//                                     JSON parse + render + zip + write, best of 3, peak RSS
//   bench_docx merge [N]              a mail merge of N documents (default 1,000) of the same
//                                     corpus case into a fresh folder: docs/s including the one
//                                     flush of the whole group (FileEnv::MoveFilesInto)
//   bench_docx make-rows DIR [N]      writes DIR/rows.docx and DIR/rows.json for other tools
//
// tests/bench/docx_bench.sh runs these next to docxtemplater on the same files.
#include <sys/resource.h>
#include <unistd.h>
#include <zip.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "docx/compiled.h"
#include "docx/data.h"
#include "docx/renderer.h"
#include "docx/template_access.h"
#include "koop/docx.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

long PeakRssKb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

int LoopTable(double seconds) {
  std::string dir = std::string(KOOP_SHARED_DIR) + "/docx-corpus/tag-intelligent-loop-table";
  std::string out = (fs::temp_directory_path() / "bench-docx-loop-table.docx").string();
  auto t0 = Clock::now();
  auto tmpl = koop::DocxTemplate::Open(dir + "/template.docx");
  auto t1 = Clock::now();
  if (!tmpl.ok()) {
    std::fprintf(stderr, "%s\n", tmpl.status().message().c_str());
    return 1;
  }
  std::string json = ReadAll(dir + "/data.json");
  long n = 0;
  auto start = Clock::now();
  auto now = start;
  while (Seconds(start, now) < seconds) {
    fs::remove(out);  // each document is a new file, as in a mail merge
    koop::Status s = tmpl->Render(json, {}, out);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
    ++n;
    now = Clock::now();
  }
  double el = Seconds(start, now);
  std::printf(
      "koop loop-table: compile %.3f ms; %ld documents in %.2f s = %.0f docs/s "
      "(%.3f ms/doc); peak RSS %.1f MB\n",
      Seconds(t0, t1) * 1e3, n, el, n / el, el / n * 1e3, PeakRssKb() / 1024.0);
  fs::remove(out);
  return 0;
}

int Merge(int documents) {
  std::string dir = std::string(KOOP_SHARED_DIR) + "/docx-corpus/tag-intelligent-loop-table";
  fs::path work = fs::temp_directory_path() / ("bench-docx-merge-" + std::to_string(::getpid()));
  fs::create_directories(work);
  auto tmpl = koop::DocxTemplate::Open(dir + "/template.docx");
  if (!tmpl.ok()) {
    std::fprintf(stderr, "%s\n", tmpl.status().message().c_str());
    return 1;
  }
  // One line of JSON per document: the case's data on a single line.
  std::string json = ReadAll(dir + "/data.json");
  for (char& c : json) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  {
    std::ofstream lines(work / "data.jsonl");
    for (int i = 0; i < documents; ++i) lines << json << "\n";
  }
  auto start = Clock::now();
  auto merged = koop::MailMerge(*tmpl, (work / "data.jsonl").string(), (work / "out").string(), {});
  auto end = Clock::now();
  if (!merged.ok()) {
    std::fprintf(stderr, "%s\n", merged.status().message().c_str());
    return 1;
  }
  double el = Seconds(start, end);
  std::printf("koop merge: %d documents in %.3f s = %.0f docs/s (%.3f ms/doc); peak RSS %.1f MB\n",
              merged->documents, el, merged->documents / el, el / merged->documents * 1e3,
              PeakRssKb() / 1024.0);
  fs::remove_all(work);
  return 0;
}

void MakeRows(const std::string& dir, int rows) {
  fs::create_directories(dir);
  const char* w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  auto cell = [](const std::string& text) {
    return "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:spacing "
           "w:after=\"0\"/></w:pPr><w:r><w:rPr><w:sz w:val=\"20\"/></w:rPr><w:t "
           "xml:space=\"preserve\">" +
           text + "</w:t></w:r></w:p></w:tc>";
  };
  std::string body =
      "<w:p><w:r><w:t>Wykaz spraw: {gmina}</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblW w:w=\"0\" "
      "w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/>"
      "<w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid><w:tr>" +
      cell("Lp.") + cell("Sygnatura") + cell("Instytucja") + cell("Kwota") + "</w:tr><w:tr>" +
      cell("{#sprawy}{lp}") + cell("{sygnatura}") + cell("{instytucja}") +
      cell("{kwota}{/sprawy}") + "</w:tr></w:tbl><w:p><w:r><w:t>Koniec wykazu.</w:t></w:r></w:p>";
  std::string doc =
      std::string(
          "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<w:document xmlns:w=\"") +
      w + "\"><w:body>" + body +
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
  std::string ct =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
      "Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override "
      "PartName=\"/word/document.xml\" "
      "ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
      "Id=\"rId1\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
      "Target=\"word/document.xml\"/></Relationships>";
  int err = 0;
  zip_t* za = zip_open((dir + "/rows.docx").c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  for (auto [name, text] : {std::pair<const char*, std::string*>{"[Content_Types].xml", &ct},
                            {"_rels/.rels", &rels},
                            {"word/document.xml", &doc}}) {
    zip_file_add(za, name, zip_source_buffer(za, text->data(), text->size(), 0), 0);
  }
  zip_close(za);
  std::ofstream js(dir + "/rows.json");
  js << "{\"gmina\": \"Sieradz\", \"sprawy\": [";
  for (int i = 0; i < rows; ++i) {
    js << (i ? ",\n" : "") << "{\"lp\": " << i + 1 << ", \"sygnatura\": \"GGK.8110." << i + 1
       << ".2026\", \"instytucja\": \"Szkoła Podstawowa nr " << (i % 7 + 1)
       << " w Sieradzu\", \"kwota\": \"" << (i * 37 % 100000) << ",00 zł\"}";
  }
  js << "]}\n";
}

int Rows(int rows) {
  std::string dir = (fs::temp_directory_path() / "bench-docx-rows").string();
  MakeRows(dir, rows);
  std::string json = ReadAll(dir + "/rows.json");
  long rss_before = PeakRssKb();
  auto t0 = Clock::now();
  auto tmpl = koop::DocxTemplate::Open(dir + "/rows.docx");
  if (!tmpl.ok()) {
    std::fprintf(stderr, "%s\n", tmpl.status().message().c_str());
    return 1;
  }
  auto t1 = Clock::now();
  double best = 1e9, best_parse = 0, first = 0;
  for (int k = 0; k < 3; ++k) {
    auto a = Clock::now();
    auto data = koop::docx::ParseJson(json, "rows.json");
    auto b = Clock::now();
    fs::remove(dir + "/out.docx");
    koop::Status s = koop::docx::RenderToFile(koop::docx::TemplateAccess::Compiled(*tmpl), *data,
                                              {}, dir + "/out.docx");
    auto c = Clock::now();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
    if (k == 0) first = Seconds(a, c);
    if (Seconds(a, c) < best) {
      best = Seconds(a, c);
      best_parse = Seconds(a, b);
    }
  }
  std::printf(
      "koop %d-row table: compile %.2f ms; JSON %.1f KB parsed in %.3f s; parse+render+"
      "write %.3f s (best of 3; first %.3f s); output %.0f KB; peak RSS %.1f MB (%.1f MB "
      "before)\n",
      rows, Seconds(t0, t1) * 1e3, json.size() / 1024.0, best_parse, best, first,
      fs::file_size(dir + "/out.docx") / 1024.0, PeakRssKb() / 1024.0, rss_before / 1024.0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "loop-table";
  if (mode == "loop-table") return LoopTable(argc > 2 ? std::atof(argv[2]) : 3.0);
  if (mode == "rows") return Rows(argc > 2 ? std::atoi(argv[2]) : 10000);
  if (mode == "merge") return Merge(argc > 2 ? std::atoi(argv[2]) : 1000);
  if (mode == "make-rows" && argc > 2) {
    MakeRows(argv[2], argc > 3 ? std::atoi(argv[3]) : 10000);
    return 0;
  }
  std::fprintf(
      stderr,
      "usage: bench_docx loop-table [SECONDS] | rows [N] | merge [N] | make-rows DIR [N]\n");
  return 2;
}
