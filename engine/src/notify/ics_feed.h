// The iCalendar feed of open deadlines (`koop deadlines --ics`), RFC 5545: CRLF line ends, lines
// folded at 75 octets (never inside a UTF-8 sequence), text escaped. Each deadline is an all-day
// event on its due date (a deadline "ends when its last day is over"), with a stable UID so a
// calendar that subscribes to the feed updates events instead of duplicating them; DTSTAMP is the
// row's last change, in UTC, so the same data gives the same bytes. A VTIMEZONE for Europe/Warsaw
// is included for clients that want one (X-WR-TIMEZONE). Like reminders, entries carry the case
// number, task, stage and date only.
#pragma once

#include <string>
#include <vector>

#include "koop/calendar.h"
#include "koop/clock.h"

namespace koop::notify {

struct FeedEntry {
  std::string uid;  // stable: "<instance>-<deadline>-<occurrence>@kooperacja"
  std::string case_number;
  std::string task;
  std::string stage;
  Date due_date;
  TimeMs stamp = 0;    // DTSTAMP (UTC)
  int alarm_days = 0;  // > 0: a VALARM that many days before
};

std::string BuildIcsFeed(const std::vector<FeedEntry>& entries);

// Folds one content line (without its CRLF) at 75 octets and appends it with CRLF.
void AppendFolded(std::string& out, const std::string& line);
// Escapes TEXT values: backslash, semicolon, comma, newline.
std::string EscapeIcsText(const std::string& text);
// "<instance>-<deadline>-<occurrence>@kooperacja" with characters outside [A-Za-z0-9.-]
// hex-escaped.
std::string StableUid(const std::string& instance_id, const std::string& deadline_id,
                      long long occurrence);

}  // namespace koop::notify
