#include "store/reminder_queries.h"

namespace koop::store {
namespace {

std::string PlannedColumns() {
  return DeadlineColumns("d.") +
         ", d.next_action_at, d.actions_done, i.workflow_id, i.workflow_version, i.municipality";
}

constexpr const char* kOutboxColumns =
    "message_id, instance_id, deadline_id, occurrence, kind, channel, recipient, subject, body, "
    "due_at, created_at, attempts";

std::string LockClause(const Transaction& tx) {
  return tx.dialect() == Dialect::kPostgres ? " FOR UPDATE OF d SKIP LOCKED" : "";
}

Status AppendPlanned(Transaction& tx, const std::string& where, const SqlParams& params,
                     std::vector<PlannedDeadline>& out) {
  Result<SqlRows> rows = tx.Query("SELECT " + PlannedColumns() +
                                      " FROM deadlines d JOIN instances i ON i.instance_id = "
                                      "d.instance_id " +
                                      where + LockClause(tx),
                                  params);
  if (!rows.ok()) return rows.status();
  for (const SqlRow& r : *rows) {
    PlannedDeadline p;
    constexpr std::size_t k = kDeadlineColumnCount;
    p.row = ReadDeadline(r);
    p.next_action_at = r.OptInt(k);
    p.actions_done = r.Int(k + 1);
    p.workflow_id = r.Text(k + 2);
    p.workflow_version = r.Text(k + 3);
    p.municipality_json = r.Text(k + 4);
    out.push_back(std::move(p));
  }
  return Status::Ok();
}

OutboxRow ReadOutbox(const SqlRow& r) {
  return OutboxRow{r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Text(4), r.Text(5),
                   r.Text(6), r.Text(7), r.Text(8), r.Int(9), r.Int(10), r.Int(11)};
}

Result<TimeMs> MinOrNever(Transaction& tx, const std::string& sql) {
  Result<SqlRows> rows = tx.Query(sql);
  if (!rows.ok()) return rows.status();
  if (rows->empty() || rows->front().IsNull(0)) return kNeverMs;
  return rows->front().Int(0);
}

}  // namespace

Result<std::vector<PlannedDeadline>> DeadlinesNeedingAction(Transaction& tx, TimeMs now,
                                                            int limit) {
  std::vector<PlannedDeadline> out;
  KOOP_RETURN_IF_ERROR(AppendPlanned(
      // No ORDER BY: both conditions are equalities on the (state, next_action_at) index, so the
      // lookup touches only the unplanned rows (ordering them by due_at would scan them all).
      tx, "WHERE d.state = 'open' AND d.next_action_at IS NULL LIMIT ?", {std::int64_t{limit}},
      out));
  int left = limit - static_cast<int>(out.size());
  if (left > 0) {
    KOOP_RETURN_IF_ERROR(AppendPlanned(tx,
                                       "WHERE d.state = 'open' AND d.next_action_at <= ? "
                                       "ORDER BY d.next_action_at LIMIT ?",
                                       {now, std::int64_t{left}}, out));
  }
  return out;
}

Status UpdateDeadlinePlan(Transaction& tx, const DeadlineRow& row, TimeMs next_action_at,
                          std::int64_t actions_done) {
  return tx
      .Exec(
          "UPDATE deadlines SET next_action_at = ?, actions_done = ? WHERE instance_id = ? AND "
          "deadline_id = ? AND occurrence = ?",
          {next_action_at, actions_done, row.instance_id, row.deadline_id, row.occurrence})
      .status();
}

Result<TimeMs> NextDeadlineAction(Transaction& tx) {
  // ORDER BY ... LIMIT 1 walks the (state, next_action_at) index from its start.
  return MinOrNever(tx,
                    "SELECT next_action_at FROM deadlines WHERE state = 'open' AND "
                    "next_action_at IS NOT NULL ORDER BY next_action_at LIMIT 1");
}

Result<bool> InsertOutbox(Transaction& tx, const OutboxRow& row) {
  Result<std::int64_t> n = tx.Exec(
      "INSERT INTO outbox (message_id, instance_id, deadline_id, occurrence, kind, channel, "
      "recipient, subject, body, due_at, created_at, attempts) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (message_id) DO NOTHING",
      {row.message_id, row.instance_id, row.deadline_id, row.occurrence, row.kind, row.channel,
       row.recipient, row.subject, row.body, row.due_at, row.created_at});
  if (!n.ok()) return n.status();
  return *n > 0;
}

std::string DbClockMs(Dialect dialect) {
  // Milliseconds since the epoch on the database's own clock: the server's for PostgreSQL, the
  // host's for SQLite (every writer of a SQLite file runs on the host that holds it).
  return dialect == Dialect::kPostgres
             ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"
             : "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
}

Result<ClaimedOutbox> ClaimOutbox(Transaction& tx, const std::string& worker, TimeMs now,
                                  TimeMs lease_ms, int limit) {
  // Due by the caller's `now` (its simulated time decides what is due); free when never leased
  // or when the lease ran out on the database's clock (a caller's clock minutes ahead cannot
  // take a live worker's rows).
  const std::string clock = DbClockMs(tx.dialect());
  std::string sql = std::string("SELECT ") + kOutboxColumns +
                    ", state FROM outbox WHERE sent_at IS NULL AND due_at <= ? AND "
                    "(claimed_until IS NULL OR claimed_until < ?) AND (lease_expires IS NULL OR "
                    "lease_expires < " +
                    clock + ") ORDER BY due_at LIMIT ?";
  if (tx.dialect() == Dialect::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
  Result<SqlRows> rows = tx.Query(sql, {now, now, std::int64_t{limit}});
  if (!rows.ok()) return rows.status();
  ClaimedOutbox out;
  for (const SqlRow& r : *rows) {
    out.rows.push_back(ReadOutbox(r));
    // A row left 'sending' was being handed to a channel when its worker stopped renewing: the
    // channel may have accepted it. Counted, since it is the one way a repeat can happen.
    const bool takeover = r.Text(12) == "sending";
    if (takeover) ++out.takeovers;
    KOOP_RETURN_IF_ERROR(
        tx.Exec("UPDATE outbox SET claimed_by = ?, lease_expires = " + clock +
                    " + ?, state = 'queued', attempts = attempts + 1, takeovers = takeovers + ? "
                    "WHERE message_id = ?",
                {worker, lease_ms, std::int64_t{takeover ? 1 : 0}, out.rows.back().message_id})
            .status());
  }
  return out;
}

Result<bool> BeginSending(Transaction& tx, const std::string& message_id, const std::string& worker,
                          TimeMs lease_ms) {
  Result<std::int64_t> n = tx.Exec(
      "UPDATE outbox SET state = 'sending', lease_expires = " + DbClockMs(tx.dialect()) +
          " + ? WHERE message_id = ? AND claimed_by = ? AND state = 'queued' AND sent_at IS NULL",
      {lease_ms, message_id, worker});
  if (!n.ok()) return n.status();
  return *n == 1;
}

Result<bool> MarkOutboxSent(Transaction& tx, const std::string& message_id,
                            const std::string& worker, TimeMs at) {
  Result<std::int64_t> n = tx.Exec(
      "UPDATE outbox SET sent_at = ?, state = 'sent', lease_expires = NULL, last_error = NULL "
      "WHERE message_id = ? AND claimed_by = ? AND state = 'sending' AND sent_at IS NULL",
      {at, message_id, worker});
  if (!n.ok()) return n.status();
  return *n == 1;
}

Result<bool> MarkOutboxFailed(Transaction& tx, const std::string& message_id,
                              const std::string& worker, const std::string& error,
                              TimeMs retry_at) {
  Result<std::int64_t> n = tx.Exec(
      "UPDATE outbox SET state = 'queued', claimed_until = ?, lease_expires = NULL, last_error = "
      "? WHERE message_id = ? AND claimed_by = ? AND state = 'sending' AND sent_at IS NULL",
      {retry_at, error, message_id, worker});
  if (!n.ok()) return n.status();
  return *n == 1;
}

Result<std::string> DeadlineState(Transaction& tx, const std::string& instance_id,
                                  const std::string& deadline_id, std::int64_t occurrence) {
  Result<SqlRows> rows = tx.Query(
      "SELECT state FROM deadlines WHERE instance_id = ? AND deadline_id = ? AND occurrence = ?",
      {instance_id, deadline_id, occurrence});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? std::string() : rows->front().Text(0);
}

Result<TimeMs> NextOutboxDue(Transaction& tx) {
  // A row can be taken again once its retry delay (claimed_until, the caller's time) and its
  // lease (lease_expires, the database's clock, which a daemon's wall clock follows) run out.
  return MinOrNever(tx,
                    "SELECT MIN(CASE WHEN lease_expires IS NOT NULL AND lease_expires > due_at AND "
                    "lease_expires > COALESCE(claimed_until, 0) THEN lease_expires WHEN "
                    "claimed_until IS NOT NULL AND claimed_until > due_at THEN claimed_until ELSE "
                    "due_at END) FROM outbox WHERE sent_at IS NULL");
}

Result<std::vector<DeadlineRow>> OpenDeadlinesUntil(Transaction& tx, const std::string& until) {
  std::string sql = "SELECT " + DeadlineColumns("") + " FROM deadlines WHERE state = 'open'";
  SqlParams params;
  if (!until.empty()) {
    sql += " AND due_date <= ?";
    params.push_back(until);
  }
  sql += " ORDER BY due_at, instance_id, deadline_id, occurrence";
  Result<SqlRows> rows = tx.Query(sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<DeadlineRow> out;
  for (const SqlRow& r : *rows) out.push_back(ReadDeadline(r));
  return out;
}

}  // namespace koop::store
