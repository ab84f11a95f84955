// Queries of the reminder scheduler (engine/src/notify/scheduler.h) on the deadlines and outbox
// tables (migrations 1 and 2). "Due work" is found through indexes only: deadlines by
// (state, next_action_at), the outbox by (sent_at, due_at). On PostgreSQL the selects that hand out
// work lock what they return with FOR UPDATE SKIP LOCKED, so schedulers on several machines never
// take the same row; on SQLite the write transaction already serialises them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "store/deadline_table.h"
#include "store/transaction.h"

namespace koop::store {

// "No further action": the next_action_at of a deadline whose actions are all done.
inline constexpr TimeMs kNeverMs = 253402300800000;  // 10000-01-01T00:00:00Z

struct PlannedDeadline {
  DeadlineRow row;
  std::optional<TimeMs> next_action_at;
  std::int64_t actions_done = 0;
  std::string workflow_id;
  std::string workflow_version;
  std::string municipality_json;  // the instance's copy of its municipality
};

// Open deadlines not planned yet (next_action_at IS NULL) or with an action due by `now`, oldest
// first, at most `limit`, locked on PostgreSQL.
Result<std::vector<PlannedDeadline>> DeadlinesNeedingAction(Transaction& tx, TimeMs now, int limit);
Status UpdateDeadlinePlan(Transaction& tx, const DeadlineRow& row, TimeMs next_action_at,
                          std::int64_t actions_done);

// The earliest next_action_at of an open deadline (kNeverMs when none): "what falls due next".
Result<TimeMs> NextDeadlineAction(Transaction& tx);

struct OutboxRow {
  std::string message_id;
  std::string instance_id;
  std::string deadline_id;
  std::int64_t occurrence = 0;
  std::string kind;       // reminder kind ("reminder", "due", ...) or "event"
  std::string channel;    // "smtp", "log" or "event"
  std::string recipient;  // e-mail address, role (log) or event name (event)
  std::string subject;
  std::string body;
  TimeMs due_at = 0;
  TimeMs created_at = 0;
  std::int64_t attempts = 0;
};

// Inserts unless a row with the same message_id exists; returns whether it inserted.
Result<bool> InsertOutbox(Transaction& tx, const OutboxRow& row);
// The outbox's delivery protocol (docs/reminders.md, "Exactly once"). Leases run on the
// database's clock; `now` only decides what is due.
//  1. ClaimOutbox: up to `limit` unsent rows due by `now` whose lease is free or ran out; each gets
//     claimed_by = worker and a lease of `lease_ms`. A row taken while 'sending' is a takeover.
//  2. BeginSending, in its own committed transaction right before the channel is called: the row
//     must still be this worker's and 'queued'; it becomes 'sending' with a renewed lease. False:
//     another worker took it (skip it).
//  3. MarkOutboxSent / MarkOutboxFailed: only while the row is still this worker's and 'sending'.
//     False: the lease ran out during the send and another worker took the row (a possible repeat).
struct ClaimedOutbox {
  std::vector<OutboxRow> rows;
  int takeovers = 0;  // rows taken from a worker that stopped while sending them
};
Result<ClaimedOutbox> ClaimOutbox(Transaction& tx, const std::string& worker, TimeMs now,
                                  TimeMs lease_ms, int limit);
Result<bool> BeginSending(Transaction& tx, const std::string& message_id, const std::string& worker,
                          TimeMs lease_ms);
Result<bool> MarkOutboxSent(Transaction& tx, const std::string& message_id,
                            const std::string& worker, TimeMs at);
// Records a failed attempt and frees the row for a retry at `retry_at` (the caller's time).
Result<bool> MarkOutboxFailed(Transaction& tx, const std::string& message_id,
                              const std::string& worker, const std::string& error, TimeMs retry_at);
// SQL for "now" in milliseconds on the database's own clock.
std::string DbClockMs(Dialect dialect);
// The state of the deadline an outbox row belongs to ("open", ...; "" when unknown).
Result<std::string> DeadlineState(Transaction& tx, const std::string& instance_id,
                                  const std::string& deadline_id, std::int64_t occurrence);
// Earliest moment an unsent outbox row can be delivered (kNeverMs when none).
Result<TimeMs> NextOutboxDue(Transaction& tx);

// Open deadlines across instances with a due date on or before `until_date` (all when empty), by
// due time, for `koop deadlines`.
Result<std::vector<DeadlineRow>> OpenDeadlinesUntil(Transaction& tx, const std::string& until_date);

}  // namespace koop::store
