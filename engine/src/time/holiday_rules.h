// Holiday rule data: parsing the rule text (format in holidays_pl.inc) and evaluating it for a
// year. The Polish rules are embedded in the library: holidays_pl.inc is the data, wrapped in a raw
// string literal so it compiles in as-is (an administrator may load another file instead).
#pragma once

#include <string>
#include <vector>

#include "koop/calendar.h"

namespace koop {

struct HolidayRule {
  int from_year = 0;
  int to_year = 9999;
  bool easter_based = false;
  int month = 0, day = 0;  // fixed date
  int easter_offset = 0;   // days from Easter Sunday
  std::string name;
  std::string source;  // the act (may be empty in an administrator's own file)
};

struct Calendar::Rules {
  int first_year = 1;
  int last_year = 9999;
  std::vector<HolidayRule> rules;
};

// Parses rule text; errors are DataError "source:line: message".
Result<Calendar::Rules> ParseHolidayRules(const std::string& text, const std::string& source);

// Named days off of a year, sorted by date (two rules on one date keep the first name).
std::vector<Holiday> EvaluateHolidayRules(const Calendar::Rules& rules, int year);

// Easter Sunday (Gregorian) of a year.
Date EasterSunday(int year);

// The embedded rule text (holidays_pl.inc).
const std::string& EmbeddedPolishHolidayRules();

}  // namespace koop
