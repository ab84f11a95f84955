// Recurring obligations: "at least every P since the last time this was satisfied" (a monitoring
// meeting at least every P3M, a report every P1M). The next due date is the last satisfaction plus
// P. The series keeps an anchor so that month ends do not drift: an obligation that started on the
// 31st and is satisfied on each due date stays on the 31st (or the month's last day) for ever —
// 31 Jan, 28 Feb, 31 Mar — instead of sliding to the 28th. Plain value type.
#pragma once

#include "koop/calendar.h"

namespace koop {

class Recurrence {
 public:
  // `every` must be whole days, weeks, months or years (no time part, no working days).
  static Result<Recurrence> Start(const Duration& every, const Date& start);

  // The date the obligation must next be satisfied by (inclusive).
  Date NextDue() const { return Occurrence(count_ + 1); }
  // Record that the obligation was satisfied on `date`. Satisfied exactly on the due date, the
  // series keeps its anchor; on any other day (early or late) it restarts from that day.
  void Satisfied(const Date& date);
  // The n-th date of the series counted from the anchor (n = 0 is the anchor itself), computed
  // from the anchor each time, never from the previous occurrence.
  Date Occurrence(int n) const;

  const Date& anchor() const { return anchor_; }
  int count() const { return count_; }
  const Duration& every() const { return every_; }
  // Restores a series from stored values (anchor and count as returned above).
  static Recurrence Restore(const Duration& every, const Date& anchor, int count);

 private:
  Recurrence(const Duration& every, const Date& anchor, int count)
      : every_(every), anchor_(anchor), count_(count) {}
  Duration every_;
  Date anchor_;
  int count_ = 0;
};

}  // namespace koop
