// `koop calendar deadline DATE DURATION` — the end of a time limit under KPA art. 57, or with
// --before the latest working day that is at least DURATION before DATE. --working-days reads a
// day count as working days (the same as writing PnWD). --explain adds, in Polish, the start, the
// counting rule and every day the deadline moved past (ExplainDeadline).
#include <Poco/Util/Option.h>

#include <ostream>

#include "calendar_options.h"
#include "koop/calendar_explain.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  Result<Date> date = Date::Parse(inv.positional[0]);
  if (!date.ok()) return inv.Fail(Status::Usage(date.status().message()));
  Result<Duration> duration = Duration::Parse(inv.positional[1]);
  if (!duration.ok()) {
    return inv.Fail(Status::Usage(duration.status().message() +
                                  " (expected whole days like P7D, P2W, P3M, P1Y or P5WD)"));
  }
  if (inv.Has("working-days")) {
    const Duration& d = *duration;
    if (d.years || d.months || d.weeks || d.HasTime() || d.days == 0) {
      return inv.Fail(Status::Usage("--working-days needs a duration in days only, like P5D"));
    }
    Duration working;
    working.working_days = d.days;
    duration = working;
  }
  if (duration->HasTime()) {
    return inv.Fail(
        Status::Usage("a deadline counts whole days; '" + inv.positional[1] + "' has a time part"));
  }
  Result<std::shared_ptr<Calendar>> calendar = CalendarFromOptions(inv);
  if (!calendar.ok()) return inv.Fail(calendar.status());
  if (inv.Has("explain")) {
    Result<DeadlineExplanation> why =
        ExplainDeadline(**calendar, *date, *duration, inv.Has("before"));
    if (!why.ok()) return inv.Fail(why.status());
    *inv.out << why->end.ToString() << '\n';
    for (const std::string& line : why->lines) *inv.out << "  " << line << '\n';
    return 0;
  }
  Result<Date> end = inv.Has("before") ? LatestDateBefore(**calendar, *date, *duration)
                                       : KpaDeadline(**calendar, *date, *duration);
  if (!end.ok()) return inv.Fail(end.status());
  *inv.out << end->ToString() << '\n';
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("before", "", "latest working day at least DURATION before DATE"));
  options.addOption(Poco::Util::Option("working-days", "", "count the days as working days"));
  options.addOption(Poco::Util::Option(
      "explain", "", "after the date, why it falls there (start, rule, each day moved past)"));
  DefineCalendarOptions(options);
}

}  // namespace

extern const CommandSpec kCalendarDeadlineCommand = {
    "calendar deadline",
    "DATE DURATION [--before] [--working-days] [--explain] [--closed DATE]...",
    "deadline under KPA art. 57",
    Define,
    Run,
    2,
    2};

}  // namespace koop::runner
