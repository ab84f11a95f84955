// Reminder: everything the notify layer may say about a deadline. RODO (DESIGN.md §10): reminders,
// e-mails, .ics feeds and logs carry the case number, the task, the stage and the date only. This
// struct is the whitelist — channels, templates and the feed receive nothing else, so no field of
// an instance's data model (declared personal or not) can reach them. Templates can only name the
// placeholders listed in reminder_template.h.
#pragma once

#include <string>

#include "koop/calendar.h"
#include "time/deadline_actions.h"

namespace koop::notify {

// The kinds are the deadline actions' (time/deadline_actions.h): a reminder before the due date,
// the due day, overdue, the escalation.
using ReminderKind = DeadlineActionKind;

const char* ReminderKindName(ReminderKind kind);  // "reminder", "due", "overdue", "escalation"
bool ParseReminderKind(const std::string& name, ReminderKind* kind);

struct Reminder {
  ReminderKind kind = ReminderKind::kBefore;
  std::string case_number;  // the case's own number ("MOPS/2027/003"), never a person's name
  std::string task;         // the deadline's title from the workflow definition
  std::string stage;        // the Polish title of the state that owns the deadline
  Date due_date;            // the deadline's last day
  int days = 0;             // days left (before) or days late (overdue/escalation)
  std::string role;         // the role reminded ("coordinator")
  std::string message_id;   // stable; the same reminder always has the same id (see message_id.h)
};

}  // namespace koop::notify
