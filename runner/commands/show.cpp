// `koop show INSTANCE [--json] [--verify]` — stage (with its Polish title), fields, deadlines,
// pending timers and history of an instance. --json prints the stable document described in
// docs/storage.md; --verify also replays the event log and fails (65) unless it reproduces the
// stored state.
#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"

namespace koop::runner {
namespace {

void PrintText(const InstanceView& v, std::ostream& out) {
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
  if (inv.Has("json")) {
    *inv.out << InstanceViewToJson(*view) << '\n';
  } else {
    PrintText(*view, *inv.out);
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("json", "", "print the stable JSON document"));
  options.addOption(Poco::Util::Option("verify", "", "replay the event log and check the state"));
}

}  // namespace

extern const CommandSpec kShowCommand = {"show",
                                         "INSTANCE [--json] [--verify]",
                                         "stage, fields, open deadlines, history",
                                         Define,
                                         Run,
                                         1,
                                         1};

}  // namespace koop::runner
