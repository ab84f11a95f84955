// Local time for people: the Europe/Warsaw wall-clock day and minute of an instant (the web pages'
// timeline and lists), by the same time-zone rule as ParseInstant (engine/src/time/warsaw_time).
#pragma once

#include <optional>
#include <string>

#include "koop/calendar.h"
#include "koop/clock.h"

namespace koop {

struct WarsawTime {
  Date date;
  int minute_of_day = 0;  // 0..1439
};
WarsawTime ToWarsawTime(TimeMs utc);

// "HH:MM" (00:00-23:59, two digits each) as a minute of the day; nullopt for anything else. The
// one parser of a time of day (office hours, reminders.send_time).
std::optional<int> ParseTimeOfDay(const std::string& text);

}  // namespace koop
