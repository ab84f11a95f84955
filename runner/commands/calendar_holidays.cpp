// `koop calendar holidays YEAR` — the named Polish statutory days off of a year, one
// "YYYY-MM-DD name" a line. Sundays are days off by rule and are not listed.
#include <ostream>
#include <string>

#include "calendar_options.h"
#include "koop/calendar_explain.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  const std::string& text = inv.positional[0];
  bool digits = !text.empty() && text.size() <= 4;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoi(text) < 1) {
    return inv.Fail(Status::Usage("invalid year '" + text + "': expected 1-9999"));
  }
  Result<std::shared_ptr<Calendar>> calendar = CalendarFromOptions(inv);
  if (!calendar.ok()) return inv.Fail(calendar.status());
  Result<std::vector<Holiday>> holidays = (*calendar)->Holidays(std::stoi(text));
  if (!holidays.ok()) return inv.Fail(holidays.status());
  for (const Holiday& h : *holidays) {
    *inv.out << h.date.ToString() << ' ' << h.name;
    std::string source = inv.Has("rules") ? "" : PolishHolidaySource(h.date);
    if (inv.Has("sources") && !source.empty()) *inv.out << " (" << source << ')';
    *inv.out << '\n';
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("rules", "", "holiday rule file instead of the built-in one")
                        .argument("FILE"));
  options.addOption(Poco::Util::Option("sources", "", "name the act behind each day off"));
}

}  // namespace

extern const CommandSpec kCalendarHolidaysCommand = {"calendar holidays",
                                                     "YEAR [--rules FILE] [--sources]",
                                                     "Polish statutory days off of a year",
                                                     Define,
                                                     Run,
                                                     1,
                                                     1};

}  // namespace koop::runner
