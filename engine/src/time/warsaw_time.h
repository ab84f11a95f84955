// Europe/Warsaw local time: CET (UTC+1) and CEST (UTC+2) as the tz database has them from 1970:
// Poland's own summer time 1977-1995, the EU rule (last Sunday of March 01:00 UTC to the last
// Sunday of October 01:00 UTC) from 1996. koop::ParseInstant reads local times with it too.
#pragma once

#include "koop/calendar.h"
#include "koop/clock.h"

namespace koop {

constexpr TimeMs kMinuteMs = 60 * 1000;
constexpr TimeMs kDayMs = 24 * 60 * kMinuteMs;

// Offset of Warsaw time from UTC at an instant, in minutes (60 or 120).
int WarsawOffsetMinutes(TimeMs utc);
// The local calendar day of an instant.
Date WarsawDate(TimeMs utc);
// Minutes after local midnight of an instant (0..1439).
int WarsawMinuteOfDay(TimeMs utc);
// The instant of a local wall-clock time given as milliseconds since 1970-01-01 00:00 local. In the
// spring gap the time is read as winter time; in the autumn overlap the first (summer) occurrence
// is taken.
TimeMs WarsawLocalToUtc(TimeMs local);
// The instant of a local wall-clock time. In the spring gap the time is read as winter time (02:30
// becomes 03:30 CEST); in the autumn overlap the first (summer) occurrence is taken.
TimeMs WarsawToUtc(const Date& date, int minute_of_day);
// The instant a local day begins (its 00:00).
inline TimeMs WarsawStartOfDay(const Date& date) { return WarsawToUtc(date, 0); }
// A deadline "ends when its last day is over": the instant of the next local midnight.
inline TimeMs WarsawEndOfDay(const Date& date) { return WarsawStartOfDay(date.AddDays(1)); }

}  // namespace koop
