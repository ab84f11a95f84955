#include "time/recurrence.h"

namespace koop {

Result<Recurrence> Recurrence::Start(const Duration& every, const Date& start) {
  if (every.HasTime() || every.IsWorkingDays()) {
    return Status::DataError(
        "a recurring obligation needs a period in days, weeks, months or "
        "years, not '" +
        every.ToString() + "'");
  }
  if (every.TotalMonths() == 0 && every.weeks == 0 && every.days == 0) {
    return Status::DataError("a recurring obligation needs a period longer than zero");
  }
  return Recurrence(every, start, 0);
}

Recurrence Recurrence::Restore(const Duration& every, const Date& anchor, int count) {
  return Recurrence(every, anchor, count);
}

Date Recurrence::Occurrence(int n) const {
  return anchor_.AddMonths(every_.TotalMonths() * n).AddDays((every_.weeks * 7 + every_.days) * n);
}

void Recurrence::Satisfied(const Date& date) {
  if (date == NextDue()) {
    ++count_;
  } else {
    anchor_ = date;
    count_ = 0;
  }
}

}  // namespace koop
