// RunDemo: the sample scenarios (samples/demo/*.scenario) on one fresh SQLite database, with their
// transcript printed and their documents written; a summary in Polish at the end.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "koop/demo.h"
#include "koop/scenario.h"

namespace koop {
namespace fs = std::filesystem;
namespace {

// Polish plural: 1 dokument, 2–4 dokumenty (not 12–14), 5+ dokumentów.
std::string Count(int n, const char* one, const char* few, const char* many) {
  const char* w = n == 1                                                           ? one
                  : (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? few
                                                                                   : many;
  return std::to_string(n) + " " + w;
}

}  // namespace

Result<DemoSummary> RunDemo(const DemoOptions& o, std::ostream& out) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) return Status::IoError(o.out_dir + ": " + ec.message());
  fs::path dir = fs::path(o.samples_dir) / "demo";
  if (!fs::is_directory(dir, ec)) return Status::NoInput(dir.string() + ": no sample scenarios");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".scenario") files.push_back(e.path());
  }
  if (files.empty()) return Status::NoInput(dir.string() + ": no sample scenarios");
  std::sort(files.begin(), files.end());
  fs::path db = fs::path(o.out_dir) / "demo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, ec);
  ScenarioOptions so;
  so.sqlite_path = db.string();
  so.workflows_dir = o.workflows_dir;
  so.municipalities_dir = o.samples_dir;
  so.templates_dir = o.templates_dir;
  so.out_dir = o.out_dir;
  so.transcript = &out;
  out << "Kooperacja – demonstracja na danych przykładowych (baza: " << db.string() << ")\n";
  DemoSummary sum;
  for (const auto& f : files) {
    Result<ScenarioReport> report = RunScenario(f.string(), so);
    if (!report.ok()) return report.status();
    if (!report->failures.empty()) {
      std::string all;
      for (const auto& failure : report->failures) all += "\n" + failure;
      return Status::DataError("the sample scenario did not run as written:" + all);
    }
    ++sum.scripts;
    sum.events += report->events;
    sum.documents += report->documents;
    sum.reminders += report->reminders;
  }
  out << "\nPodsumowanie: " << Count(sum.scripts, "scenariusz", "scenariusze", "scenariuszy")
      << ", " << Count(sum.events, "zdarzenie", "zdarzenia", "zdarzeń") << ", "
      << Count(sum.documents, "dokument", "dokumenty", "dokumentów") << " w " << o.out_dir << ", "
      << Count(sum.reminders, "przypomnienie wysłane", "przypomnienia wysłane",
               "przypomnień wysłanych")
      << " do dziennika.\n";
  return sum;
}

}  // namespace koop
