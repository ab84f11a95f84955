// Europe/Warsaw local time, the tz database's zone written out: no summer time 1970-1976, Poland's
// own summer time 1977-1995 (a table), the EU rule from 1996 (the zone's current rule, the TZif
// footer "CET-1CEST,M3.5.0,M10.5.0/3"). Written out rather than read from the system's tz files
// through Howard Hinnant's tz (measured reasons in docs/calendar.md): Debian's libdate-tz ignores
// the footer and keeps winter time all year from 2038, and the result must not depend on the
// tzdata a machine has installed (rules replay with it). tests/unit/time/warsaw_tz_test.cpp
// compares every transition 1970-2100 with the system's tz database.
#include "time/warsaw_time.h"

#include "koop/local_time.h"

namespace koop {
namespace {

// Summer time in Poland before the EU rule (tz "Rule Poland" and zone Europe/Warsaw): the UTC day
// and hour it began and ended each year.
struct PolishSummer {
  int year, start_month, start_day, start_hour, end_month, end_day, end_hour;
};
constexpr PolishSummer kBefore1996[] = {
    {1977, 4, 3, 0, 9, 25, 0},  {1978, 4, 2, 0, 10, 1, 0},  {1979, 4, 1, 0, 9, 30, 0},
    {1980, 4, 6, 0, 9, 28, 0},  {1981, 3, 29, 0, 9, 27, 0}, {1982, 3, 28, 0, 9, 26, 0},
    {1983, 3, 27, 0, 9, 25, 0}, {1984, 3, 25, 0, 9, 30, 0}, {1985, 3, 31, 0, 9, 29, 0},
    {1986, 3, 30, 0, 9, 28, 0}, {1987, 3, 29, 0, 9, 27, 0}, {1988, 3, 27, 1, 9, 25, 1},
    {1989, 3, 26, 1, 9, 24, 1}, {1990, 3, 25, 1, 9, 30, 1}, {1991, 3, 31, 1, 9, 29, 1},
    {1992, 3, 29, 1, 9, 27, 1}, {1993, 3, 28, 1, 9, 26, 1}, {1994, 3, 27, 1, 9, 25, 1},
    {1995, 3, 26, 1, 9, 24, 1}};
constexpr int kEuRuleFrom = 1996;

constexpr TimeMs kHourMs = 60 * kMinuteMs;

TimeMs UtcAt(int year, int month, int day, int hour) {
  return Date{year, month, day}.ToDays() * kDayMs + hour * kHourMs;
}

Date LastSunday(int year, int month) {
  Date d{year, month, Date::DaysInMonth(year, month)};
  return d.AddDays(-(d.Weekday() % 7));
}

// Whether `utc`, an instant of UTC year `year`, is in Warsaw summer time. Every transition is in
// March-October, so the UTC year and the local year agree around them.
bool IsSummerTime(TimeMs utc, int year) {
  if (year >= kEuRuleFrom) {
    TimeMs start = LastSunday(year, 3).ToDays() * kDayMs + kHourMs;
    TimeMs end = LastSunday(year, 10).ToDays() * kDayMs + kHourMs;
    return utc >= start && utc < end;
  }
  for (const PolishSummer& s : kBefore1996) {
    if (s.year == year) {
      return utc >= UtcAt(year, s.start_month, s.start_day, s.start_hour) &&
             utc < UtcAt(year, s.end_month, s.end_day, s.end_hour);
    }
  }
  return false;  // 1970-1976 (and earlier years, which the engine does not model): winter time
}

TimeMs FloorDays(TimeMs t) { return t >= 0 ? t / kDayMs : (t - kDayMs + 1) / kDayMs; }

int YearOf(TimeMs t) { return Date::FromDays(static_cast<int>(FloorDays(t))).year; }

}  // namespace

int WarsawOffsetMinutes(TimeMs utc) { return IsSummerTime(utc, YearOf(utc)) ? 120 : 60; }

Date WarsawDate(TimeMs utc) {
  return Date::FromDays(static_cast<int>(FloorDays(utc + WarsawOffsetMinutes(utc) * kMinuteMs)));
}

int WarsawMinuteOfDay(TimeMs utc) {
  TimeMs local = utc + WarsawOffsetMinutes(utc) * kMinuteMs;
  return static_cast<int>((local - FloorDays(local) * kDayMs) / kMinuteMs);
}

TimeMs WarsawLocalToUtc(TimeMs local) {
  // Summer time if the instant read as summer time is in summer time: in the autumn overlap that
  // is the first occurrence; in the spring gap it is not, so the time is read as winter time.
  TimeMs as_summer = local - 2 * kHourMs;
  if (IsSummerTime(as_summer, YearOf(as_summer))) return as_summer;
  return local - kHourMs;
}

TimeMs WarsawToUtc(const Date& date, int minute_of_day) {
  return WarsawLocalToUtc(static_cast<TimeMs>(date.ToDays()) * kDayMs + minute_of_day * kMinuteMs);
}

std::optional<int> ParseTimeOfDay(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  int hours = (text[0] - '0') * 10 + (text[1] - '0'),
      minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

WarsawTime ToWarsawTime(TimeMs utc) { return WarsawTime{WarsawDate(utc), WarsawMinuteOfDay(utc)}; }

}  // namespace koop
