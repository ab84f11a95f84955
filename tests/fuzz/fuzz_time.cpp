// Fuzzes the time parsers: the ISO 8601 duration parser, the civil-date parser, the instant parser
// (--at), the reminder/escalation period check, the <k:deadline due> and <k:recurring every>
// expressions and the holiday rule files (`koop calendar --rules`). Any text parses or fails with
// a Status; a duration or date that parses formats and parses back the same; holiday rules that
// parse can be evaluated for a year they cover.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "koop/calendar.h"
#include "koop/clock.h"
#include "model/due_parser.h"
#include "time/holiday_rules.h"
#include "time/period.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string text(reinterpret_cast<const char*>(bytes), size);
  auto duration = koop::Duration::Parse(text);
  if (duration.ok()) {
    auto again = koop::Duration::Parse(duration->ToString());
    if (!again.ok() || !(*again == *duration)) std::abort();
  }
  auto date = koop::Date::Parse(text);
  if (date.ok()) {
    auto again = koop::Date::Parse(date->ToString());
    if (!again.ok() || !(*again == *date)) std::abort();
  }
  auto at = koop::ParseInstant(text);
  if (at.ok()) (void)koop::FormatInstantUtc(*at);
  (void)koop::ParsePeriod(text);
  (void)koop::model::ParseDue(text);
  (void)koop::model::ParseEvery(text);
  auto rules = koop::ParseHolidayRules(text, "fuzz.rules");
  if (rules.ok()) {
    int year = std::clamp(2026, rules->first_year, rules->last_year);
    (void)koop::EvaluateHolidayRules(*rules, year);
  }
  return 0;
}
