// The actions of one deadline in time order: a reminder at each `remind` offset before the due
// date, the due day ("due": the event deadline.<id>.due and a message), the end of the due day
// ("overdue": the event deadline.<id>.overdue and a message) and, when the deadline has one, the
// escalation `escalate` after the due date (a message to the escalation roles). Messages go out at
// `send_minute` local time of their day; the overdue action fires when the due day is over (local
// midnight). The calendar is the instance's municipality calendar: a reminder day the office does
// not work (Saturday, Sunday, statutory day off, closure day, a weekday without office hours)
// moves back to the working day before it, so the reminder arrives while the office can still act
// on it (as "at least N days before X" does); an escalation day moves forward to the next working
// day. Computed from the deadline row and the municipality alone, so any scheduler computes the
// same list.
#pragma once

#include <string>
#include <vector>

#include "koop/calendar.h"
#include "koop/clock.h"

namespace koop {

// What an action does; the notify layer calls it the reminder kind (notify/reminder.h).
enum class DeadlineActionKind {
  kBefore,      // "reminder": an offset before the due date
  kDue,         // "due": the due date has come
  kOverdue,     // "overdue": the due date is over
  kEscalation,  // "escalation": still not done some time after the due date
};

struct DeadlineAction {
  TimeMs at = 0;
  DeadlineActionKind kind = DeadlineActionKind::kBefore;
  std::string offset;         // "P2D" for reminders and escalations, "" otherwise
  Date day;                   // the local day of the action
  bool raises_event = false;  // due and overdue raise deadline.<id>.due / .overdue
};

// `remind` holds the row's ISO durations ("P2D", "P1D"; the caller reads the row's JSON list with
// json::ParseStrings, naming the deadline when it is unreadable); an entry ParsePeriod refuses is
// ignored (the loader refused it with the same check, time/period.h). Reminder days that
// fall on or after the due date are dropped; the list is sorted by time and has no two actions at
// one instant of the same kind. `escalate` ("P7D"; "" = none) is counted from the due date as KPA
// counts (the due day not counted); its day is always after the due date.
std::vector<DeadlineAction> DeadlineActions(const Date& due_date,
                                            const std::vector<std::string>& remind, int send_minute,
                                            const Calendar& calendar,
                                            const std::string& escalate = "");

}  // namespace koop
