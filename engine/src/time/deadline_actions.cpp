#include "time/deadline_actions.h"

#include <algorithm>

#include "time/period.h"
#include "time/warsaw_time.h"

namespace koop {

std::vector<DeadlineAction> DeadlineActions(const Date& due_date,
                                            const std::vector<std::string>& remind, int send_minute,
                                            const Calendar& calendar, const std::string& escalate) {
  std::vector<DeadlineAction> out;
  for (const std::string& text : remind) {
    Result<Duration> d = ParsePeriod(text);
    if (!d.ok()) continue;
    Result<Date> day_or = LatestDateBefore(calendar, due_date, *d);
    if (!day_or.ok()) continue;
    Date day = *day_or;
    if (!(day < due_date)) continue;
    out.push_back(
        {WarsawToUtc(day, send_minute), DeadlineActionKind::kBefore, d->ToString(), day, false});
  }
  out.push_back({WarsawToUtc(due_date, send_minute), DeadlineActionKind::kDue, "", due_date, true});
  out.push_back(
      {WarsawEndOfDay(due_date), DeadlineActionKind::kOverdue, "", due_date.AddDays(1), true});
  if (!escalate.empty()) {
    Result<Duration> d = ParsePeriod(escalate);
    Result<Date> day = d.ok() ? KpaDeadline(calendar, due_date, *d) : Result<Date>(d.status());
    if (day.ok()) {
      Date when = std::max(*day, due_date.AddDays(1));
      // KPA moves only off Saturdays and statutory days; nobody reads mail on a closure day.
      for (int guard = 0; !calendar.IsWorkingDay(when) && guard < 366; ++guard) {
        when = when.AddDays(1);
      }
      out.push_back({WarsawToUtc(when, send_minute), DeadlineActionKind::kEscalation, d->ToString(),
                     when, false});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DeadlineAction& a, const DeadlineAction& b) { return a.at < b.at; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const DeadlineAction& a, const DeadlineAction& b) {
                          return a.at == b.at && a.kind == b.kind;
                        }),
            out.end());
  return out;
}

}  // namespace koop
