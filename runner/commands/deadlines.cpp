// `koop deadlines [--until DATE] [--json|--ics]` — open deadlines across instances: text lines,
// stable JSON, or an RFC 5545 feed a calendar can subscribe to.
#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"
#include "engine_options.h"
#include "koop/calendar.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  if (inv.Has("json") && inv.Has("ics"))
    return inv.Fail(Status::Usage("--json and --ics exclude each other"));
  DeadlineFormat format = inv.Has("json")  ? DeadlineFormat::kJson
                          : inv.Has("ics") ? DeadlineFormat::kIcs
                                           : DeadlineFormat::kText;
  if (inv.Has("until")) {
    Result<Date> until = Date::Parse(inv.Get("until"));
    if (!until.ok()) return inv.Fail(Status::Usage("--until: " + until.status().message()));
  }
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  Result<std::string> text = (*db)->Deadlines(inv.Get("until"), format);
  if (!text.ok()) return inv.Fail(text.status());
  *inv.out << *text;
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("until", "", "only deadlines due on or before DATE").argument("DATE"));
  options.addOption(Poco::Util::Option("json", "", "JSON output"));
  options.addOption(Poco::Util::Option("ics", "", "iCalendar (RFC 5545) output"));
}

}  // namespace

extern const CommandSpec kDeadlinesCommand = {"deadlines",
                                              "[--until DATE] [--json|--ics]",
                                              "open deadlines across instances",
                                              Define,
                                              Run,
                                              0,
                                              0};

}  // namespace koop::runner
