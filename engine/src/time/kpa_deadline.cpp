// Deadline arithmetic under KPA art. 57 and its backwards mirror ("at least N days before X").
#include "koop/calendar.h"

namespace koop {
namespace {

constexpr int kMaxDays = 3'000'000;  // keeps every result inside years 1..9999

Status CheckWholeDays(const Duration& d) {
  if (d.HasTime()) {
    return Status::DataError("a deadline counts whole days; '" + d.ToString() +
                             "' has a time part");
  }
  long long days = d.weeks * 7LL + d.days + d.working_days * 2LL + d.TotalMonths() * 31LL;
  if (days > kMaxDays) return Status::DataError("duration '" + d.ToString() + "' is too long");
  return Status::Ok();
}

Status CheckRange(const Date& d) {
  if (d.year < 1 || d.year > 9999) {
    return Status::DataError("the deadline falls outside years 1-9999");
  }
  return Status::Ok();
}

// The holiday data is complete only for the years it covers: a deadline that starts or ends
// outside them cannot be counted (it would silently miss the days off).
Status CheckCovered(const Calendar& calendar, const Date& d) {
  if (d.year < calendar.first_year() || d.year > calendar.last_year()) {
    return Status::DataError("no holiday data for year " + std::to_string(d.year) +
                             " (the calendar covers " + std::to_string(calendar.first_year()) +
                             "-" + std::to_string(calendar.last_year()) + ")");
  }
  return Status::Ok();
}

}  // namespace

Result<Date> KpaDeadline(const Calendar& calendar, const Date& start, const Duration& duration) {
  KOOP_RETURN_IF_ERROR(CheckWholeDays(duration));
  KOOP_RETURN_IF_ERROR(CheckCovered(calendar, start));
  Date end = start;
  if (duration.IsWorkingDays()) {
    end = AddWorkingDays(calendar, start, duration.working_days);
  } else {
    // §3/§3a: months and years end on the same day of the month, or the month's last day;
    // §1/§2: days count from the next day, weeks end on the same weekday.
    end = start.AddMonths(duration.TotalMonths()).AddDays(duration.weeks * 7 + duration.days);
  }
  KOOP_RETURN_IF_ERROR(CheckRange(end));
  KOOP_RETURN_IF_ERROR(CheckCovered(calendar, end));
  // §4: an end on a statutory day off or a Saturday moves to the next day that is neither.
  while (calendar.IsKpaNonWorking(end)) end = end.AddDays(1);
  return end;
}

Date AddWorkingDays(const Calendar& calendar, const Date& start, int n) {
  Date d = start;
  int step = n >= 0 ? 1 : -1;
  int idle = 0;  // an office open on no weekday would never reach a working day
  for (int left = n >= 0 ? n : -n; left > 0 && idle < 400;) {
    d = d.AddDays(step);
    if (calendar.IsWorkingDay(d)) {
      --left;
      idle = 0;
    } else {
      ++idle;
    }
  }
  return d;
}

Result<Date> LatestDateBefore(const Calendar& calendar, const Date& event,
                              const Duration& duration) {
  KOOP_RETURN_IF_ERROR(CheckWholeDays(duration));
  KOOP_RETURN_IF_ERROR(CheckCovered(calendar, event));
  Date d = event;
  if (duration.IsWorkingDays()) {
    d = AddWorkingDays(calendar, event, -duration.working_days);
  } else {
    d = event.AddMonths(-duration.TotalMonths()).AddDays(-(duration.weeks * 7 + duration.days));
    for (int idle = 0; !calendar.IsWorkingDay(d) && idle < 400; ++idle) d = d.AddDays(-1);
  }
  KOOP_RETURN_IF_ERROR(CheckRange(d));
  KOOP_RETURN_IF_ERROR(CheckCovered(calendar, d));
  return d;
}

}  // namespace koop
