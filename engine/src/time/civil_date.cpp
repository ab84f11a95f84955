// koop::Date: civil-date arithmetic on top of Howard Hinnant's date library.
#include <date/date.h>

#include <cstdio>

#include "koop/calendar.h"

namespace koop {
namespace {

date::year_month_day ToYmd(const Date& d) {
  return date::year(d.year) / date::month(static_cast<unsigned>(d.month)) /
         date::day(static_cast<unsigned>(d.day));
}

bool AllDigits(const std::string& s, size_t from, size_t n) {
  for (size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

Result<Date> Date::Parse(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !AllDigits(text, 0, 4) ||
      !AllDigits(text, 5, 2) || !AllDigits(text, 8, 2)) {
    return Status::DataError("invalid date '" + text + "': expected YYYY-MM-DD");
  }
  Date d{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2))};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month)) {
    return Status::DataError("invalid date '" + text + "': no such day");
  }
  return d;
}

Date Date::FromDays(int days_since_epoch) {
  date::year_month_day ymd{date::sys_days{date::days{days_since_epoch}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int Date::ToDays() const {
  return static_cast<int>(date::sys_days{ToYmd(*this)}.time_since_epoch().count());
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int Date::Weekday() const {
  return static_cast<int>(date::weekday{date::sys_days{ToYmd(*this)}}.iso_encoding());
}

Date Date::AddMonths(int n) const {
  int index = year * 12 + (month - 1) + n;
  int y = index >= 0 ? index / 12 : (index - 11) / 12;
  int m = index - y * 12 + 1;
  int last = DaysInMonth(y, m);
  return Date{y, m, day > last ? last : day};
}

bool Date::IsLastDayOfMonth() const { return day == DaysInMonth(year, month); }

int Date::DaysInMonth(int y, int m) {
  auto last = date::year(y) / date::month(static_cast<unsigned>(m)) / date::last;
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

}  // namespace koop
