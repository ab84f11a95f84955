// Parses and evaluates holiday rule data.
#include "time/holiday_rules.h"

#include <algorithm>
#include <sstream>

namespace koop {
namespace {

Status LineError(const std::string& source, int line, const std::string& message) {
  return Status::DataError(source + ":" + std::to_string(line) + ": " + message);
}

bool ParseInt(const std::string& s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  *out = std::stoi(s);
  return true;
}

bool ParseYear(const std::string& s, int* out) {
  return ParseInt(s, out) && *out >= 1 && *out <= 9999;
}

}  // namespace

Date EasterSunday(int year) {
  // The anonymous Gregorian computus (Meeus/Jones/Butcher).
  int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, month, day};
}

Result<Calendar::Rules> ParseHolidayRules(const std::string& text, const std::string& source) {
  Calendar::Rules rules;
  bool covers = false;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    std::istringstream fields(line);
    std::string a, b, c;
    fields >> a >> b >> c;
    if (a == "covers") {
      if (!ParseYear(b, &rules.first_year) || !ParseYear(c, &rules.last_year) ||
          rules.first_year > rules.last_year) {
        return LineError(source, number, "expected 'covers FIRST_YEAR LAST_YEAR'");
      }
      covers = true;
      continue;
    }
    HolidayRule rule;
    if (!ParseYear(a, &rule.from_year))
      return LineError(source, number, "bad FROM year '" + a + "'");
    if (b != "-" && !ParseYear(b, &rule.to_year)) {
      return LineError(source, number, "bad TO year '" + b + "' (a year or '-')");
    }
    if (rule.to_year < rule.from_year) return LineError(source, number, "TO year before FROM year");
    if (c.rfind("easter", 0) == 0) {
      rule.easter_based = true;
      std::string rest = c.substr(6);
      int offset = 0;
      if (!rest.empty()) {
        if ((rest[0] != '+' && rest[0] != '-') || !ParseInt(rest.substr(1), &offset)) {
          return LineError(source, number, "bad Easter offset '" + c + "' (easter+N or easter-N)");
        }
        if (rest[0] == '-') offset = -offset;
      }
      rule.easter_offset = offset;
    } else {
      if (c.size() != 5 || c[2] != '-' || !ParseInt(c.substr(0, 2), &rule.month) ||
          !ParseInt(c.substr(3, 2), &rule.day) || rule.month < 1 || rule.month > 12 ||
          rule.day < 1 || rule.day > Date::DaysInMonth(2000, rule.month)) {
        return LineError(source, number, "bad date '" + c + "' (MM-DD or easter+N)");
      }
    }
    std::getline(fields, rule.name);
    // "NAME | SOURCE": the act behind the day off (optional in a file of one's own).
    if (size_t bar = rule.name.find(" | "); bar != std::string::npos) {
      rule.source = rule.name.substr(bar + 3);
      rule.name.erase(bar);
      size_t s = rule.source.find_first_not_of(" \t");
      rule.source = s == std::string::npos ? "" : rule.source.substr(s);
      while (!rule.source.empty() && (rule.source.back() == ' ' || rule.source.back() == '\t')) {
        rule.source.pop_back();
      }
      if (rule.source.empty()) return LineError(source, number, "empty source after '|'");
    }
    size_t name_start = rule.name.find_first_not_of(" \t");
    if (name_start == std::string::npos) return LineError(source, number, "missing holiday name");
    rule.name = rule.name.substr(name_start);
    while (!rule.name.empty() && (rule.name.back() == ' ' || rule.name.back() == '\t')) {
      rule.name.pop_back();
    }
    rules.rules.push_back(std::move(rule));
  }
  if (!covers) return LineError(source, number, "missing 'covers FIRST_YEAR LAST_YEAR' line");
  return rules;
}

std::vector<Holiday> EvaluateHolidayRules(const Calendar::Rules& rules, int year) {
  std::vector<Holiday> out;
  Date easter = EasterSunday(year);
  for (const HolidayRule& rule : rules.rules) {
    if (year < rule.from_year || year > rule.to_year) continue;
    Date date;
    if (rule.easter_based) {
      date = easter.AddDays(rule.easter_offset);
      if (date.year != year) continue;
    } else {
      if (rule.month == 2 && rule.day == 29 && Date::DaysInMonth(year, 2) < 29) continue;
      date = Date{year, rule.month, rule.day};
    }
    out.push_back(Holiday{date, rule.name});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Holiday& x, const Holiday& y) { return x.date < y.date; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const Holiday& x, const Holiday& y) { return x.date == y.date; }),
            out.end());
  return out;
}

}  // namespace koop
