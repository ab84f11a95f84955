// Shared by `koop remind` and `koop daemon`: reminder settings from the config file (smtp.* and
// reminders.* keys, see koop/reminders.h) and --templates.
#pragma once

#include "command.h"
#include "koop/reminders.h"

namespace koop::runner {

ReminderOptions ReminderOptionsFrom(const Invocation& inv);
// "reminders: planned 3, queued 2 messages and 2 events, sent 2, events 2, failed 0, dropped 0"
std::string DescribeTick(const ReminderTickReport& r);
// Logs each note of a tick as a warning of `source`, with the row's message id as the line's
// context (koop/log_context.h): which reminder or deadline event failed, never its content.
void LogTickNotes(const char* source, const ReminderTickReport& r);

}  // namespace koop::runner
