// The Polish calendar the engine counts deadlines with: civil dates, ISO 8601 durations, statutory
// days off (loaded from data, see engine/src/time/holidays_pl.inc), a municipality's own closure
// days and office hours, and deadline arithmetic under the Administrative Procedure Code (KPA
// art. 57). Dates here are calendar days in Europe/Warsaw; no time zone is involved.
//
// Thread safety: a Calendar may be read from several threads once it is configured (the holiday
// cache is guarded); configuring it (AddClosureDay, SetOfficeHours) is not thread-safe.
#pragma once

#include <compare>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "koop/status.h"

namespace koop {

// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Strict "YYYY-MM-DD" (four-digit year 0001..9999); DataError naming the text otherwise.
  static Result<Date> Parse(const std::string& text);
  static Date FromDays(int days_since_epoch);  // 0 = 1970-01-01
  int ToDays() const;
  std::string ToString() const;  // "2025-12-29"
  int Weekday() const;           // ISO: 1 = Monday … 7 = Sunday
  Date AddDays(int n) const { return FromDays(ToDays() + n); }
  // Adds calendar months; a day that does not exist in the target month becomes that month's last
  // day (31 Jan + 1 month = 28/29 Feb; 29 Feb + 12 months = 28 Feb).
  Date AddMonths(int n) const;
  bool IsLastDayOfMonth() const;
  static int DaysInMonth(int year, int month);

  friend auto operator<=>(const Date&, const Date&) = default;
};

// An ISO 8601 duration by component, e.g. P1Y2M3W4DT5H6M7S. Years and months stay calendar units.
// Koop extension: "PnWD" is n working days (alone, no other component); see docs/calendar.md.
struct Duration {
  int years = 0, months = 0, weeks = 0, days = 0;
  int working_days = 0;
  int hours = 0, minutes = 0, seconds = 0;

  // Strict parse: upper-case designators in order, non-negative integers, at least one component,
  // "T" followed by a time component. DataError with the offending text and position otherwise.
  static Result<Duration> Parse(const std::string& text);
  std::string ToString() const;  // canonical ISO form ("P1M2D", "P5WD", "PT2H")
  bool HasTime() const { return hours != 0 || minutes != 0 || seconds != 0; }
  bool IsWorkingDays() const { return working_days != 0; }
  int TotalMonths() const { return years * 12 + months; }
  long long TimeSeconds() const { return hours * 3600LL + minutes * 60LL + seconds; }

  friend bool operator==(const Duration&, const Duration&) = default;
};

struct Holiday {
  Date date;
  std::string name;  // official Polish name
};

// Opening hours of an office on one weekday, minutes after local midnight; open == close = closed.
struct OfficeHours {
  int open_minute = 0;
  int close_minute = 0;
  bool IsOpen() const { return close_minute > open_minute; }
};

class Calendar {
 public:
  // The Polish statutory calendar from the embedded rule data, with office hours Monday–Friday
  // 7:30–15:30 and no closure days.
  static std::shared_ptr<Calendar> Polish();
  // The same from a rule file (same format as the embedded data); DataError naming file:line.
  static Result<std::shared_ptr<Calendar>> FromRuleFile(const std::string& path);
  static Result<std::shared_ptr<Calendar>> FromRuleText(const std::string& text,
                                                        const std::string& source_name);
  ~Calendar();

  // Named statutory days off of a year in date order (Sundays are days off by rule and are not
  // listed unless named, like Easter Sunday). DataError outside the years the data covers.
  Result<std::vector<Holiday>> Holidays(int year) const;
  // The holiday on that date, or empty.
  std::string HolidayName(const Date& date) const;

  bool IsStatutoryDayOff(const Date& date) const;  // Sunday or a named statutory day off
  // KPA art. 57 §4: a deadline cannot end on a statutory day off or a Saturday.
  bool IsKpaNonWorking(const Date& date) const;
  // A day the office works: not Saturday, not a statutory day off, not a closure day, and the
  // office is open on that weekday.
  bool IsWorkingDay(const Date& date) const;

  // The municipality's own closure days (e.g. the day given back for a holiday on a Saturday).
  void AddClosureDay(const Date& date, const std::string& reason);
  bool IsClosureDay(const Date& date) const;
  const std::map<Date, std::string>& closure_days() const { return closure_days_; }

  void SetOfficeHours(int weekday, OfficeHours hours);  // weekday 1 = Monday … 7 = Sunday
  OfficeHours GetOfficeHours(int weekday) const;

  int first_year() const;  // the range of years the rule data covers
  int last_year() const;

  struct Rules;  // parsed rule data (engine/src/time/holiday_rules.h)

 private:
  explicit Calendar(std::shared_ptr<const Rules> rules);
  const std::set<int>& DaysOffOfYear(int year) const;

  std::shared_ptr<const Rules> rules_;
  std::map<Date, std::string> closure_days_;
  OfficeHours hours_[7];
  struct Cache;
  std::unique_ptr<Cache> cache_;
};

// KPA art. 57: the end of a time limit counted from an event on `start`. Days count from the
// next day; weeks end on the same weekday; months (and years, as 12 months) on the same day of
// the month or the month's last day; combined durations apply years and months first, then weeks
// and days. An end on a Saturday or statutory day off moves to the next day that is neither.
// Working days (PnWD) count days on which the office works. DataError for a duration with a time
// part.
Result<Date> KpaDeadline(const Calendar& calendar, const Date& start, const Duration& duration);

// The n-th working day after `start` (n >= 0; n == 0 gives `start` itself).
Date AddWorkingDays(const Calendar& calendar, const Date& start, int n);

// "At least `duration` before `event`": counts backwards from the event (the event day is not
// counted) and, if that lands on a day the office does not work, moves earlier to the nearest
// working day. Working days (PnWD) count only working days.
Result<Date> LatestDateBefore(const Calendar& calendar, const Date& event,
                              const Duration& duration);

}  // namespace koop
