// `koop audit [INSTANCE] [--who USER] [--json]` — the access log of personal data (who saw which
// personal fields of which instance, when, in answer to which request) and, for an instance, the
// authors of its events: a person's "who saw my data" request in one command (DESIGN.md §12).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"
#include "koop/accounts.h"

namespace koop::runner {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
  return out;
}

int Run(Invocation& inv) {
  const std::string instance = inv.positional.empty() ? "" : inv.positional[0];
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, false);
  if (!db.ok()) return inv.Fail(db.status());
  Result<std::vector<AccessRecord>> log = (*db)->accounts().AccessLog(instance, inv.Get("who"));
  if (!log.ok()) return inv.Fail(log.status());
  std::vector<HistoryEntry> history;
  if (!instance.empty()) {
    Result<InstanceView> view = (*db)->instances().Show(instance);
    if (!view.ok()) return inv.Fail(view.status());
    for (const HistoryEntry& h : view->history) {
      if (!inv.Has("who") || h.actor == inv.Get("who")) history.push_back(h);
    }
  }
  if (inv.Has("json")) {
    Poco::JSON::Object root;
    Poco::JSON::Array::Ptr reads = new Poco::JSON::Array;
    for (const AccessRecord& r : *log) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
      o->set("at", FormatInstantUtc(r.at));
      o->set("who", r.login);
      o->set("instance", r.instance_id);
      Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
      for (const std::string& f : r.fields) fields->add(f);
      o->set("fields", fields);
      o->set("request", r.request_id);
      o->set("purpose", r.purpose);
      reads->add(o);
    }
    root.set("reads", reads);
    Poco::JSON::Array::Ptr events = new Poco::JSON::Array;
    for (const HistoryEntry& h : history) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
      o->set("seq", h.seq);
      o->set("at", FormatInstantUtc(h.at));
      o->set("who", h.actor);
      o->set("event", h.event);
      events->add(o);
    }
    root.set("events", events);
    root.stringify(*inv.out);
    *inv.out << '\n';
    return 0;
  }
  *inv.out << "Personal data read:\n";
  if (log->empty()) *inv.out << "  (none)\n";
  for (const AccessRecord& r : *log) {
    *inv.out << "  " << FormatInstantUtc(r.at) << "  " << r.login << "  " << r.instance_id << "  "
             << Join(r.fields) << "  " << r.purpose << "  request " << r.request_id << '\n';
  }
  if (!instance.empty()) {
    *inv.out << "Events recorded:\n";
    if (history.empty()) *inv.out << "  (none)\n";
    for (const HistoryEntry& h : history) {
      *inv.out << "  #" << h.seq << "  " << FormatInstantUtc(h.at) << "  " << h.actor << "  "
               << h.event << '\n';
    }
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(Option("who", "", "only this account's reads and events").argument("USER"));
  options.addOption(Option("json", "", "print JSON: {reads: [...], events: [...]}"));
}

}  // namespace

extern const CommandSpec kAuditCommand = {"audit",
                                          "[INSTANCE] [--who USER] [--json]",
                                          "the access log of personal data and the event authors",
                                          Define,
                                          Run,
                                          0,
                                          1};

}  // namespace koop::runner
