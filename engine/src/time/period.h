// A reminder or escalation period: how long before its due date a reminder goes out
// (remind="P2D,P1D") or how long after it an escalation does (escalate="P7D"). One check, used by
// the workflow loader when it reads the attributes and by the scheduler when it computes a
// deadline's actions, so every period the loader accepts is one the scheduler uses.
#pragma once

#include <string>

#include "koop/calendar.h"

namespace koop {

// The longest period, in days with a month counted as 31 (P10Y = 120 months = 3720 days). The
// holiday data starts in 1951, so a reminder a century before a due date could never be counted;
// ten years keeps every period usable for any due date from 1962 to 9988.
inline constexpr long long kMaxPeriodDays = 3720;

// The period `text` as a Duration, or a DataError saying why the scheduler could not use it:
// malformed ISO 8601, a time part, working days (reminders and escalations count calendar days),
// zero, or longer than kMaxPeriodDays.
Result<Duration> ParsePeriod(const std::string& text);

}  // namespace koop
