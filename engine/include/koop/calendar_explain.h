// Explanations of the calendar for people: why a deadline falls where it does, and the act behind
// a statutory day off of the built-in Polish data. Polish text; the arithmetic is
// koop/calendar.h's.
#pragma once

#include <string>
#include <vector>

#include "koop/calendar.h"

namespace koop {

// The same end as KpaDeadline (or, with `before`, LatestDateBefore) and one Polish line each for
// the start, the counting rule and every day the count or the end moved past with its reason
// (Saturday, Sunday, the holiday by name, the office's closure day), then the end.
struct DeadlineExplanation {
  Date end;
  std::vector<std::string> lines;
};
Result<DeadlineExplanation> ExplainDeadline(const Calendar& calendar, const Date& start,
                                            const Duration& duration, bool before);

// The act that makes `date` a statutory day off in the built-in Polish data
// (engine/src/time/holidays_pl.inc), or "" when it is none.
std::string PolishHolidaySource(const Date& date);

}  // namespace koop
