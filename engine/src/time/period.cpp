#include "time/period.h"

namespace koop {

Result<Duration> ParsePeriod(const std::string& text) {
  Result<Duration> parsed = Duration::Parse(text);
  if (!parsed.ok()) return parsed.status();
  const Duration& d = *parsed;
  auto refuse = [&](const std::string& why) { return Status::DataError("'" + text + "' " + why); };
  if (d.IsWorkingDays()) {
    return refuse("is in working days; reminders and escalations count calendar days");
  }
  if (d.HasTime()) return refuse("has a time part; a period counts whole days");
  const long long days = d.TotalMonths() * 31LL + d.weeks * 7LL + d.days;
  if (days == 0) return refuse("is zero; the reminder on the due date is sent anyway");
  if (days > kMaxPeriodDays) {
    return refuse("is longer than " + std::to_string(kMaxPeriodDays) +
                  " days (P10Y, a month counted as 31 days); a reminder or escalation is at "
                  "most that far from its due date");
  }
  return d;
}

}  // namespace koop
