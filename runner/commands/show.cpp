// `koop show INSTANCE [--json] [--verify] [--personal]` — stage (with its Polish title), fields,
// deadlines, pending timers and history of an instance. --json prints the stable document
// described in docs/storage.md; --verify also replays the event log and fails (65) unless it
// reproduces the stored state. The fields the workflow declares personal are left out (and named)
// unless --personal is given; then the read is recorded in the access log under the actor, as
// the server records its readers' (koop audit lists both).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/Option.h>
#include <unistd.h>

#include <ostream>
#include <sstream>

#include "engine_options.h"
#include "koop/accounts.h"

namespace koop::runner {
namespace {

// The personal fields of the view that hold a value; with `remove`, they are also taken out of
// the view's data.
Result<std::vector<std::string>> PersonalHeld(InstanceView& v, bool remove) {
  std::vector<std::string> held;
  if (v.personal_fields.empty()) return held;
  Poco::JSON::Object::Ptr data;
  try {
    data = Poco::JSON::Parser().parse(v.data_json).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception& e) {
    return Status::Internal("instance " + v.instance_id + ": unreadable data: " + e.displayText());
  }
  for (const std::string& field : v.personal_fields) {
    if (!data->has(field) || data->isNull(field)) continue;
    held.push_back(field);
    if (remove) data->remove(field);
  }
  if (remove && !held.empty()) {
    std::ostringstream out;
    data->stringify(out);
    v.data_json = out.str();
  }
  return held;
}

void PrintText(const InstanceView& v, const std::vector<std::string>& hidden, std::ostream& out) {
  if (!v.case_number.empty()) out << "Case:         " << v.case_number << '\n';
  out << "Instance:     " << v.instance_id << '\n';
  out << "Workflow:     " << v.workflow_id << " v" << v.workflow_version;
  if (!v.workflow_title.empty()) out << " — " << v.workflow_title;
  out << '\n';
  out << "Municipality: " << v.municipality_id;
  if (!v.municipality_name.empty()) out << " — " << v.municipality_name;
  out << '\n';
  out << "Status:       " << v.status << " (" << v.last_seq << " events after the start)\n";
  for (const StageView& s : v.stages) {
    out << "Stage:        " << s.id;
    if (!s.title.empty()) out << " — " << s.title;
    out << '\n';
  }
  out << "Fields:       " << v.data_json << '\n';
  if (!hidden.empty()) {
    out << "Personal:     ";
    for (std::size_t i = 0; i < hidden.size(); ++i) out << (i ? ", " : "") << hidden[i];
    out << " (not shown; --personal shows them and records the read in the access log)\n";
  }
  out << "Deadlines:\n";
  if (v.deadlines.empty()) out << "  (none)\n";
  for (const DeadlineView& d : v.deadlines) {
    out << "  " << d.due_date << "  " << d.id << "  " << d.state;
    if (!d.title.empty()) out << "  " << d.title;
    out << '\n';
    if (!d.recur_every.empty()) {
      out << "              recurring every " << d.recur_every << " from " << d.recur_anchor
          << " (period " << d.recur_count + 1 << " of the series)\n";
    }
    if (!d.escalate.empty()) {
      out << "              escalation " << d.escalate << " after the due date to ";
      for (std::size_t i = 0; i < d.escalate_to.size(); ++i)
        out << (i ? ", " : "") << d.escalate_to[i];
      if (d.escalate_to.empty()) out << "(no role)";
      if (!d.escalation_date.empty()) out << " on " << d.escalation_date;
      out << '\n';
    }
    if (!d.stage_title.empty()) out << "              stage: " << d.stage_title << '\n';
    for (const std::string& line : d.explanation) out << "              why: " << line << '\n';
  }
  out << "Pending timers:\n";
  if (v.timers.empty()) out << "  (none)\n";
  for (const TimerView& t : v.timers)
    out << "  " << FormatInstantUtc(t.due_at) << "  " << t.event << '\n';
  out << "History:\n";
  for (const HistoryEntry& h : v.history) {
    out << "  #" << h.seq << "  " << FormatInstantUtc(h.at) << "  " << h.event;
    if (!h.event_title.empty()) out << " (" << h.event_title << ")";
    out << "  " << h.outcome << "  by " << h.actor << '\n';
    for (const std::string& e : h.errors) out << "      error.execution: " << e << '\n';
  }
}

int Run(Invocation& inv) {
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  Engine& engine = (*db)->instances();
  if (inv.Has("verify")) {
    Result<std::string> replayed = engine.Replay(inv.positional[0]);
    if (!replayed.ok()) return inv.Fail(replayed.status());
  }
  Result<InstanceView> view = engine.Show(inv.positional[0]);
  if (!view.ok()) return inv.Fail(view.status());
  const bool personal = inv.Has("personal");
  Result<std::vector<std::string>> held = PersonalHeld(*view, /*remove=*/!personal);
  if (!held.ok()) return inv.Fail(held.status());
  std::vector<std::string> hidden;
  if (personal) {
    if (!held->empty()) {
      // Recorded before anything is printed: a read that cannot be recorded does not happen.
      Result<TimeMs> now = inv.Now();
      if (!now.ok()) return inv.Fail(now.status());
      Status logged = (*db)->accounts().RecordAccess(
          {inv.Get("actor", OsUser()), *now, view->instance_id, *held,
           "cli-" + std::to_string(::getpid()), "koop show --personal"});
      if (!logged.ok()) return inv.Fail(logged);
    }
  } else {
    hidden = *held;
  }
  if (inv.Has("json")) {
    *inv.out << InstanceViewToJson(*view) << '\n';
  } else {
    PrintText(*view, hidden, *inv.out);
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("json", "", "print the stable JSON document"));
  options.addOption(Poco::Util::Option("verify", "", "replay the event log and check the state"));
  options.addOption(Poco::Util::Option(
      "personal", "", "also print the fields declared personal (recorded in the access log)"));
  options.addOption(
      Poco::Util::Option("actor", "",
                         "who the access log names as the reader (default: the OS user)")
          .argument("NAME"));
}

}  // namespace

extern const CommandSpec kShowCommand = {"show",
                                         "INSTANCE [--json] [--verify] [--personal]",
                                         "stage, fields, open deadlines, history",
                                         Define,
                                         Run,
                                         1,
                                         1};

}  // namespace koop::runner
