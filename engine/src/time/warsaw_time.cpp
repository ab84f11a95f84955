#include "time/warsaw_time.h"

#include "koop/local_time.h"

namespace koop {
namespace {

Date LastSunday(int year, int month) {
  Date d{year, month, Date::DaysInMonth(year, month)};
  return d.AddDays(-(d.Weekday() % 7));
}

bool IsSummerTime(TimeMs utc, int year) {
  TimeMs start = LastSunday(year, 3).ToDays() * kDayMs + 60 * kMinuteMs;
  TimeMs end = LastSunday(year, 10).ToDays() * kDayMs + 60 * kMinuteMs;
  return utc >= start && utc < end;
}

int FloorDays(TimeMs t) {
  return static_cast<int>(t >= 0 ? t / kDayMs : (t - kDayMs + 1) / kDayMs);
}

}  // namespace

int WarsawOffsetMinutes(TimeMs utc) {
  int year = Date::FromDays(FloorDays(utc)).year;
  return IsSummerTime(utc, year) ? 120 : 60;
}

Date WarsawDate(TimeMs utc) {
  return Date::FromDays(FloorDays(utc + WarsawOffsetMinutes(utc) * kMinuteMs));
}

int WarsawMinuteOfDay(TimeMs utc) {
  TimeMs local = utc + WarsawOffsetMinutes(utc) * kMinuteMs;
  return static_cast<int>((local - static_cast<TimeMs>(FloorDays(local)) * kDayMs) / kMinuteMs);
}

TimeMs WarsawToUtc(const Date& date, int minute_of_day) {
  TimeMs local = static_cast<TimeMs>(date.ToDays()) * kDayMs + minute_of_day * kMinuteMs;
  TimeMs as_summer = local - 120 * kMinuteMs;
  if (IsSummerTime(as_summer, date.year)) return as_summer;
  return local - 60 * kMinuteMs;
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
