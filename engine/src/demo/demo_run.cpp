// RunDemo: drives the sample scripts through a fresh database and prints a readable account.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <sstream>

#include "demo/demo_script.h"
#include "koop/calendar.h"
#include "koop/demo.h"
#include "koop/engine.h"
#include "koop/pack.h"
#include "koop/reminders.h"
#include "pack/pack_plan.h"
#include "time/warsaw_time.h"

namespace koop {

namespace fs = std::filesystem;

namespace {

std::string Local(TimeMs t) {
  int m = WarsawMinuteOfDay(t);
  char hm[16];
  std::snprintf(hm, sizeof hm, "%02d:%02d", m / 60, m % 60);
  return WarsawDate(t).ToString() + " " + hm;
}

std::string Stages(const InstanceView& v) {
  std::string s;
  for (const auto& st : v.stages)
    s += (s.empty() ? "" : "; ") + (st.title.empty() ? st.id : st.title);
  return s.empty() ? (v.status == "finished" ? "zakończono" : "-") : s;
}

int DaysBetween(const Date& from, const Date& to) { return to.ToDays() - from.ToDays(); }

// Polish plural: 1 dokument, 2–4 dokumenty (not 12–14), 5+ dokumentów.
std::string Count(int n, const char* one, const char* few, const char* many) {
  const char* w = n == 1                                                           ? one
                  : (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) ? few
                                                                                   : many;
  return std::to_string(n) + " " + w;
}

// Prints the open deadlines of the instance at `at`, then runs the reminder scheduler once at
// `at` (the log channel: what would be e-mailed) and prints the messages it sends. The scheduler
// also raises deadline events (due, overdue) into the instances, as `koop remind` does.
Status Report(const InstanceView& v, TimeMs at, ReminderService& reminders, std::ostringstream& log,
              std::ostream& out, DemoSummary& sum) {
  Date today = WarsawDate(at);
  out << "  -- " << today.ToString() << ": otwarte terminy --\n";
  int open = 0;
  for (const auto& d : v.deadlines) {
    if (d.state != "open") continue;
    ++open;
    auto due = Date::Parse(d.due_date);
    int left = due.ok() ? DaysBetween(today, *due) : 0;
    out << "     " << d.due_date << "  " << d.title << "  (" << d.owner_state << ")";
    if (left < 0) out << "  – po terminie " << Count(-left, "dzień", "dni", "dni");
    out << "\n";
  }
  if (open == 0) out << "     (brak)\n";
  sum.deadlines_open += open;
  log.str("");
  log.clear();
  auto tick = reminders.Tick(at);
  if (!tick.ok()) return tick.status();
  out << "  -- przypomnienia wysłane przez harmonogram (koop remind) --\n";
  std::istringstream lines(log.str());
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    out << "     " << line << "\n";
    ++n;
  }
  if (n == 0) out << "     (brak)\n";
  sum.reminders += tick->sent;
  return Status::Ok();
}

Status RunScript(Engine& engine, ReminderService& reminders, std::ostringstream& log,
                 const demo::Script& s, const DemoOptions& o, const std::string& shown_out_dir,
                 std::ostream& out, DemoSummary& sum) {
  std::string stem = fs::path(s.file).stem().string();
  auto wf = pack::FindWorkflowFile(o.workflows_dir, s.workflow);
  if (!wf.ok()) return wf.status();
  out << "\n== " << s.title << " ==\n";
  auto started = engine.Start(StartRequest{*wf, s.municipality, s.start_data_json, s.start_at});
  if (!started.ok()) return started.status().WithContext(s.file + ": start");
  std::string id = started->instance_id;
  auto view = engine.Show(id);
  if (!view.ok()) return view.status();
  out << "gmina: " << view->municipality_name << " | proces: " << view->workflow_title
      << " | instancja: " << id << "\n";
  out << "  " << Local(s.start_at) << "  start → " << Stages(*view) << "\n";
  PackOptions po;
  po.templates_dir = o.templates_dir;
  po.workflows_dir = o.workflows_dir;
  po.municipalities_dir = o.samples_dir;
  for (std::size_t i = 0; i < s.steps.size(); ++i) {
    const demo::ScriptStep& step = s.steps[i];
    std::string where = s.file + ": step " + std::to_string(i + 1);
    if (step.report) {
      view = engine.Show(id);
      if (!view.ok()) return view.status();
      KOOP_RETURN_IF_ERROR(Report(*view, step.at, reminders, log, out, sum));
      continue;
    }
    auto fired = engine.Fire(FireRequest{id, step.event, step.data_json, step.at});
    if (!fired.ok()) return fired.status().WithContext(where);
    ++sum.events;
    for (const auto& e : fired->errors) out << "     ! " << e << "\n";
    view = engine.Show(id);
    if (!view.ok()) return view.status();
    std::string title = step.event;
    if (!view->history.empty() && !view->history.back().event_title.empty()) {
      title = view->history.back().event_title;
    }
    out << "  " << Local(step.at) << "  " << title << (fired->handled ? "" : " (pominięte)")
        << " → " << Stages(*view) << "\n";
    if (!step.pack.empty()) {
      std::string dir = (fs::path(o.out_dir) / stem / step.pack).string();
      auto pack = RenderPack(engine, id, step.pack, dir, step.at, po);
      if (!pack.ok()) return pack.status().WithContext(where + ": pack " + step.pack);
      out << "     pakiet „" << pack->title << "”: " << pack->documents.size() << " dok. → "
          << (fs::path(shown_out_dir) / stem / step.pack).string() << "\n";
      sum.documents += static_cast<int>(pack->documents.size());
    }
  }
  return Status::Ok();
}

}  // namespace

// Runs in the workflows folder and restores the working directory: definitions name their rule
// files relative to themselves (<script src="../rules/...">), and the engine reads those files
// when it registers a definition; running there makes both readings agree.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& dir) : saved_(fs::current_path()) {
    fs::current_path(dir, ec_);
  }
  ~WorkingDirectory() {
    std::error_code ignored;
    fs::current_path(saved_, ignored);
  }
  const std::error_code& error() const { return ec_; }

 private:
  fs::path saved_;
  std::error_code ec_;
};

Result<DemoSummary> RunDemo(const DemoOptions& given, std::ostream& out) {
  std::error_code ec;
  fs::create_directories(given.out_dir, ec);
  if (ec) return Status::IoError(given.out_dir + ": " + ec.message());
  DemoOptions o = given;
  for (std::string* p : {&o.out_dir, &o.samples_dir, &o.workflows_dir, &o.templates_dir}) {
    *p = fs::absolute(*p).lexically_normal().string();
  }
  WorkingDirectory in_workflows(o.workflows_dir);
  if (in_workflows.error()) {
    return Status::NoInput(given.workflows_dir + ": " + in_workflows.error().message());
  }
  fs::path db = fs::path(o.out_dir) / "demo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, ec);
  EngineOptions eo;
  eo.db_uri = db.string();
  eo.workflows_dir = o.workflows_dir;
  eo.municipalities_dir = o.samples_dir;
  eo.actor = "demo";
  auto engine = Engine::Open(eo);
  if (!engine.ok()) return engine.status();
  std::ostringstream log;
  ReminderOptions ro;
  ro.db_uri = eo.db_uri;
  ro.log = &log;
  ro.worker_id = "demo";
  ro.workflows_dir = o.workflows_dir;
  ro.municipalities_dir = o.samples_dir;
  auto reminders = ReminderService::Open(ro);
  if (!reminders.ok()) return reminders.status();
  std::vector<fs::path> scripts;
  fs::path dir = fs::path(o.samples_dir) / "scripts";
  if (!fs::is_directory(dir)) return Status::NoInput(dir.string() + ": no sample scripts");
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") scripts.push_back(e.path());
  }
  std::sort(scripts.begin(), scripts.end());
  DemoSummary sum;
  out << "Kooperacja – demonstracja na danych przykładowych (baza: "
      << (fs::path(given.out_dir) / "demo.db").string() << ")\n";
  for (const auto& p : scripts) {
    auto s = demo::LoadScript(p.string());
    if (!s.ok()) return s.status();
    KOOP_RETURN_IF_ERROR(RunScript(**engine, **reminders, log, *s, o, given.out_dir, out, sum));
    ++sum.scripts;
  }
  out << "\nPodsumowanie: " << Count(sum.scripts, "scenariusz", "scenariusze", "scenariuszy")
      << ", " << Count(sum.events, "zdarzenie", "zdarzenia", "zdarzeń") << ", "
      << Count(sum.documents, "dokument", "dokumenty", "dokumentów") << " w " << given.out_dir
      << ", "
      << Count(sum.reminders, "przypomnienie wysłane", "przypomnienia wysłane",
               "przypomnień wysłanych")
      << " do dziennika.\n";
  return sum;
}

}  // namespace koop
