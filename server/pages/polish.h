// Polish words the pages show: role names, dates ("3 lutego 2027 r."), local times
// ("3 lutego 2027, 10:00", Europe/Warsaw), weekday and month names, outcome and state labels.
#pragma once

#include <string>

#include "koop/accounts.h"
#include "koop/calendar.h"
#include "koop/clock.h"
#include "koop/local_time.h"

namespace koop::server::pages {

std::string RoleLabel(Role role);
std::string MonthName(int month);          // "styczeń" (nominative, for a month heading)
std::string WeekdayName(int iso_weekday);  // 1 = "poniedziałek"
std::string DateLabel(const Date& date);   // "3 lutego 2027 r."
// "YYYY-MM-DD" as DateLabel; the text itself when it is not a date.
std::string DateLabel(const std::string& iso_date);
std::string LocalTimeLabel(TimeMs utc);                    // "3 lutego 2027, 10:00" (Europe/Warsaw)
std::string DeadlineStateLabel(const std::string& state);  // open → "otwarty", ...
// "P3M" → "3 miesiące", "P7D" → "7 dni", "P5WD" → "5 dni roboczych"; the text when unknown.
std::string PeriodLabel(const std::string& iso);
// What values a parameter of this declared type takes ("liczba dni roboczych", ...).
std::string ParamAllowed(const std::string& type);

}  // namespace koop::server::pages
