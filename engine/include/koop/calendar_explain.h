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

// "środa, 3 marca 2027 r."
std::string PolishDayName(const Date& date);
// "3 miesiące", "1 tydzień i 2 dni", "5 dni roboczych": a duration in Polish words.
std::string PolishDurationWords(const Duration& duration);
// Why the office does not work on `date`, in Polish ("sobota, dzień wolny od pracy", "Święto
// Niepodległości (dzień ustawowo wolny od pracy)", "ośrodek nieczynny – …"); "" on a working day.
std::string DayOffReason(const Calendar& calendar, const Date& date);

// The act that makes `date` a statutory day off in the built-in Polish data
// (engine/src/time/holidays_pl.inc), or "" when it is none.
std::string PolishHolidaySource(const Date& date);

}  // namespace koop
