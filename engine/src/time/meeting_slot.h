// Meeting-slot checks from the handbook, as warnings (the coordinator decides): meetings on
// Tuesday–Thursday, around noon, inside office hours, not on days off, at most 2 hours for
// partnership meetings and 45 minutes with local authorities.
#pragma once

#include <string>
#include <vector>

#include "koop/calendar.h"

namespace koop {

enum class MeetingKind {
  kPartnership,     // meetings of the partnership / GGK: at most 2 h
  kLocalAuthority,  // with the municipality's authorities: at most 45 min
  kOther,           // no length limit
};

struct MeetingWarning {
  std::string code;  // stable: "day-off", "closure-day", "monday-friday", "outside-office-hours",
                     // "not-around-noon", "too-long"
  std::string message;  // Polish, for the coordinator
};

// Checks a meeting starting at `start_minute` after local midnight of `date` and lasting
// `length_minutes`. An empty result means no objection.
std::vector<MeetingWarning> CheckMeetingSlot(const Calendar& calendar, const Date& date,
                                             int start_minute, int length_minutes,
                                             MeetingKind kind);

}  // namespace koop
