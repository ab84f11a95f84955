// Local time for people: the Europe/Warsaw wall-clock day and minute of an instant (the web pages'
// timeline and lists), by the same time-zone rule as ParseInstant (engine/src/time/warsaw_time).
#pragma once

#include "koop/calendar.h"
#include "koop/clock.h"

namespace koop {

struct WarsawTime {
  Date date;
  int minute_of_day = 0;  // 0..1439
};
WarsawTime ToWarsawTime(TimeMs utc);

}  // namespace koop
