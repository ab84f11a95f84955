// Deadlines: one row per occurrence of a <k:deadline> (or of a recurring obligation's period).
// The instance service writes them in the event's transaction; the time engine reads the open ones
// (the index deadlines_next_due serves "what falls due next") and schedules reminders. Extra
// queries belong in their own file next to this one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "store/transaction.h"

namespace koop::store {

inline constexpr const char* kDeadlineOpen = "open";
inline constexpr const char* kDeadlineSatisfied = "satisfied";
inline constexpr const char* kDeadlineCancelled = "cancelled";

struct DeadlineRow {
  std::string instance_id;
  std::string deadline_id;
  std::int64_t occurrence = 1;  // 1, 2, ... when the same deadline is set again
  std::string title;            // Polish title from the definition (no personal data)
  std::string due_date;         // "2026-12-01", the last day (Europe/Warsaw)
  TimeMs due_at = 0;            // the end of that day, UTC
  std::string state = kDeadlineOpen;
  std::string owner_state;  // the state whose content set it
  std::string remind;       // JSON array of ISO durations before the due date: ["P2D"]
  std::string recipients;   // JSON array of roles: ["coordinator"]
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
  // Migration 3. Escalation: that long after the due date ("P7D"; "" = none), to these roles.
  std::string escalate;
  std::string escalate_to = "[]";  // JSON array of roles: ["director"]
  // A recurring obligation's series (time/recurrence.h): its period ("P1M"), anchor date and
  // count; empty/0 for a one-off deadline. The row's due date is the series' next due date.
  std::string recur_every;
  std::string recur_anchor;
  std::int64_t recur_count = 0;
  // Migration 9. What people read instead of ids: the case's own number, the owner state's
  // Polish title, and the explanation of the due date (a JSON array of Polish lines, "" = none).
  std::string case_number;
  std::string stage_title;
  std::string explanation;

  bool IsRecurring() const { return !recur_every.empty(); }
};

// The deadline columns in DeadlineRow order, each prefixed with `alias` ("d." or ""), and the
// reader of a row selected with them starting at column `first`.
std::string DeadlineColumns(const std::string& alias);
inline constexpr int kDeadlineColumnCount = 20;
DeadlineRow ReadDeadline(const SqlRow& row, int first = 0);

Status InsertDeadline(Transaction& tx, const DeadlineRow& row);
// The open occurrence of `deadline_id` (the latest, should there be several), if any.
Result<std::optional<DeadlineRow>> OpenDeadline(Transaction& tx, const std::string& instance_id,
                                                const std::string& deadline_id);
// The next free occurrence number of `deadline_id` in the instance.
Result<std::int64_t> NextDeadlineOccurrence(Transaction& tx, const std::string& instance_id,
                                            const std::string& deadline_id);
// Moves every open occurrence of `deadline_id` to `state`; returns how many changed.
Result<std::int64_t> CloseDeadline(Transaction& tx, const std::string& instance_id,
                                   const std::string& deadline_id, const std::string& state,
                                   TimeMs at);
// Open deadlines of one instance, by due time.
Result<std::vector<DeadlineRow>> OpenDeadlines(Transaction& tx, const std::string& instance_id);
// All deadlines of one instance (any state), by due time.
Result<std::vector<DeadlineRow>> AllDeadlines(Transaction& tx, const std::string& instance_id);

}  // namespace koop::store
