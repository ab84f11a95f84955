// `koop list [--case NUMBER] [--workflow W] [--stage S] [--overdue] [--json]` — find instances
// (DESIGN.md §9). A case is found by its own number (the `numer` of its `sprawa` field, e.g.
// MOPS/2027/003) as well as by id. Text: one line per instance, "ID  CASE  WORKFLOW  STAGES
// NEXT-DEADLINE"; --json: {"instances": [...]} in the API's shape (docs/api/openapi.yaml).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"
#include "koop/directory.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, false);
  if (!db.ok()) return inv.Fail(db.status());
  Directory& directory = (*db)->directory();
  Result<TimeMs> now = inv.Now();
  if (!now.ok()) return inv.Fail(now.status());
  InstanceQuery q;
  q.case_number = inv.Get("case");
  q.workflow = inv.Get("workflow");
  q.stage = inv.Get("stage");
  q.overdue_only = inv.Has("overdue");
  q.now = *now;
  q.limit = 100000;
  Result<std::vector<InstanceListing>> found = directory.FindInstances(q);
  if (!found.ok()) return inv.Fail(found.status());
  if (inv.Has("json")) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const InstanceListing& l : *found) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
      o->set("id", l.instance_id);
      o->set("case", l.case_number);
      o->set("workflow", l.workflow_id);
      o->set("municipality", l.municipality_id);
      o->set("status", l.status);
      Poco::JSON::Array::Ptr states = new Poco::JSON::Array;
      for (const std::string& s : l.states) states->add(s);
      o->set("states", states);
      o->set("nextDueDate",
             l.next_due_date.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(l.next_due_date));
      o->set("nextDueTitle", l.next_due_title);
      o->set("overdue", l.overdue);
      items->add(o);
    }
    Poco::JSON::Object root;
    root.set("instances", items);
    root.stringify(*inv.out);
    *inv.out << '\n';
    return 0;
  }
  for (const InstanceListing& l : *found) {
    std::string states;
    for (const std::string& s : l.states) states += (states.empty() ? "" : ",") + s;
    *inv.out << l.instance_id << "  " << l.case_number << "  " << l.workflow_id << "  " << l.status
             << "  " << states;
    if (!l.next_due_date.empty()) {
      *inv.out << "  next " << l.next_due_date << (l.overdue ? " (overdue)" : "") << " "
               << l.next_due_title;
    }
    *inv.out << '\n';
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(Option("case", "", "a case number or instance id").argument("NUMBER"));
  options.addOption(Option("workflow", "", "a workflow id").argument("W"));
  options.addOption(Option("stage", "", "an active state id").argument("S"));
  options.addOption(Option("overdue", "", "only instances with an overdue deadline"));
  options.addOption(Option("json", "", "print JSON"));
}

}  // namespace

extern const CommandSpec kListCommand = {
    "list",
    "[--case NUMBER] [--workflow W] [--stage S] [--overdue] [--json]",
    "find instances",
    Define,
    Run,
    0,
    0};

}  // namespace koop::runner
