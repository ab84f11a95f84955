// RunDemo: drives the sample scripts through a fresh database and prints a readable account.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <ostream>

#include "demo/demo_script.h"
#include "koop/calendar.h"
#include "koop/demo.h"
#include "koop/engine.h"
#include "koop/pack.h"
#include "model/loader.h"
#include "pack/pack_plan.h"
#include "time/warsaw_time.h"

namespace koop {

namespace fs = std::filesystem;

namespace {

std::string Local(TimeMs t) {
  int m = WarsawMinuteOfDay(t);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", m / 60, m % 60);
  return WarsawDate(t).ToString() + " " + hm;
}

std::string Stages(const InstanceView& v) {
  std::string s;
  for (const auto& st : v.stages) s += (s.empty() ? "" : "; ") + (st.title.empty() ? st.id : st.title);
  return s.empty() ? (v.status == "finished" ? "zakończono" : "-") : s;
}

int DaysBetween(const Date& from, const Date& to) { return to.ToDays() - from.ToDays(); }

int OffsetDays(const model::IsoDuration& d) { return d.days + 7 * d.weeks + 30 * d.months; }

// Remind offsets (in days) of each deadline id of a workflow.
std::map<std::string, int> RemindWindows(const std::string& workflow_path) {
  std::map<std::string, int> out;
  auto chart = model::LoadChart(workflow_path);
  if (!chart.ok()) return out;
  for (const auto* d : (*chart)->Deadlines()) {
    int w = 0;
    for (const auto& r : d->remind) w = std::max(w, OffsetDays(r));
    out[d->id] = std::max(out[d->id], w);
  }
  return out;
}


void Report(const InstanceView& v, TimeMs at, const std::map<std::string, int>& windows,
            std::ostream& out, DemoSummary& sum) {
  Date today = WarsawDate(at);
  out << "  -- " << today.ToString() << ": otwarte terminy --\n";
  int open = 0;
  std::vector<std::string> reminders;
  for (const auto& d : v.deadlines) {
    if (d.state != "open") continue;
    ++open;
    auto due = Date::Parse(d.due_date);
    int left = due.ok() ? DaysBetween(today, *due) : 0;
    out << "     " << d.due_date << "  " << d.title << "  (" << d.owner_state << ")";
    if (left < 0) out << "  – po terminie " << -left << " dni";
    out << "\n";
    auto w = windows.find(d.id);
    int window = w == windows.end() ? 0 : w->second;
    std::string kind;
    if (left < 0) kind = "po terminie";
    else if (left == 0) kind = "termin dziś";
    else if (left <= window) kind = "przypomnienie";
    if (!kind.empty()) {
      // DESIGN §10: only the case number, the task and the date.
      reminders.push_back(kind + ": sprawa nr " + v.instance_id + " – " + d.title + " – termin " +
                          d.due_date);
    }
  }
  if (open == 0) out << "     (brak)\n";
  out << "  -- przypomnienia do wysłania --\n";
  for (const auto& r : reminders) out << "     " << r << "\n";
  if (reminders.empty()) out << "     (brak)\n";
  sum.deadlines_open += open;
  sum.reminders += static_cast<int>(reminders.size());
}

Status RunScript(Engine& engine, const demo::Script& s, const DemoOptions& o, std::ostream& out,
                 DemoSummary& sum) {
  std::string stem = fs::path(s.file).stem().string();
  auto wf = pack::FindWorkflowFile(o.workflows_dir, s.workflow);
  if (!wf.ok()) return wf.status();
  auto windows = RemindWindows(*wf);
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
      Report(*view, step.at, windows, out, sum);
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
      out << "     pakiet „" << pack->title << "”: " << pack->documents.size()
          << " dok. → " << dir << "\n";
      sum.documents += static_cast<int>(pack->documents.size());
    }
  }
  return Status::Ok();
}

}  // namespace

Result<DemoSummary> RunDemo(const DemoOptions& o, std::ostream& out) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) return Status::IoError(o.out_dir + ": " + ec.message());
  fs::path db = fs::path(o.out_dir) / "demo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix, ec);
  EngineOptions eo;
  eo.db_uri = db.string();
  eo.workflows_dir = o.workflows_dir;
  eo.municipalities_dir = o.samples_dir;
  eo.actor = "demo";
  auto engine = Engine::Open(eo);
  if (!engine.ok()) return engine.status();
  std::vector<fs::path> scripts;
  fs::path dir = fs::path(o.samples_dir) / "scripts";
  if (!fs::is_directory(dir)) return Status::NoInput(dir.string() + ": no sample scripts");
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".json") scripts.push_back(e.path());
  }
  std::sort(scripts.begin(), scripts.end());
  DemoSummary sum;
  out << "Kooperacja – demonstracja na danych przykładowych (baza: " << db.string() << ")\n";
  for (const auto& p : scripts) {
    auto s = demo::LoadScript(p.string());
    if (!s.ok()) return s.status();
    KOOP_RETURN_IF_ERROR(RunScript(**engine, *s, o, out, sum));
    ++sum.scripts;
  }
  out << "\nPodsumowanie: " << sum.scripts << " scenariusze, " << sum.events << " zdarzeń, "
      << sum.documents << " dokumentów w " << o.out_dir << ", " << sum.reminders
      << " przypomnień.\n";
  return sum;
}

}  // namespace koop
