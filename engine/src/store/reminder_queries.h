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
// Claims up to `limit` unsent rows due by `now` whose claim is free or expired: sets claimed_by
// and claimed_until = now + lease. Returns them in due order.
Result<std::vector<OutboxRow>> ClaimOutbox(Transaction& tx, const std::string& worker, TimeMs now,
                                           TimeMs lease_ms, int limit);
// Marks a claimed row sent (only while `worker` holds the claim); returns whether it did.
Result<bool> MarkOutboxSent(Transaction& tx, const std::string& message_id,
                            const std::string& worker, TimeMs at);
// Records a failed attempt and frees the row for a retry at `retry_at`.
Status MarkOutboxFailed(Transaction& tx, const std::string& message_id, const std::string& error,
                        TimeMs retry_at);
// The state of the deadline an outbox row belongs to ("open", ...; "" when unknown).
Result<std::string> DeadlineState(Transaction& tx, const std::string& instance_id,
                                  const std::string& deadline_id, std::int64_t occurrence);
// Earliest moment an unsent outbox row can be delivered (kNeverMs when none).
Result<TimeMs> NextOutboxDue(Transaction& tx);

// Open deadlines across instances with a due date on or before `until_date` (all when empty), by
// due time, for `koop deadlines`.
Result<std::vector<DeadlineRow>> OpenDeadlinesUntil(Transaction& tx, const std::string& until_date);

}  // namespace koop::store
