#include "store/deadline_table.h"

namespace koop::store {
namespace {

constexpr const char* kSelect =
    "SELECT instance_id, deadline_id, occurrence, title, due_date, due_at, state, owner_state, "
    "remind, recipients, created_at, updated_at FROM deadlines ";

Result<std::vector<DeadlineRow>> Select(Transaction& tx, const std::string& where,
                                        const SqlParams& params) {
  Result<SqlRows> rows = tx.Query(std::string(kSelect) + where, params);
  if (!rows.ok()) return rows.status();
  std::vector<DeadlineRow> out;
  for (const SqlRow& r : *rows) {
    out.push_back(DeadlineRow{r.Text(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5),
                              r.Text(6), r.Text(7), r.Text(8), r.Text(9), r.Int(10), r.Int(11)});
  }
  return out;
}

}  // namespace

Status InsertDeadline(Transaction& tx, const DeadlineRow& row) {
  return tx
      .Exec(
          "INSERT INTO deadlines (instance_id, deadline_id, occurrence, title, due_date, due_at, "
          "state, owner_state, remind, recipients, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {row.instance_id, row.deadline_id, row.occurrence, row.title, row.due_date, row.due_at,
           row.state, row.owner_state, row.remind, row.recipients, row.created_at, row.updated_at})
      .status();
}

Result<std::int64_t> NextDeadlineOccurrence(Transaction& tx, const std::string& instance_id,
                                            const std::string& deadline_id) {
  Result<SqlRows> rows = tx.Query(
      "SELECT COALESCE(MAX(occurrence), 0) FROM deadlines WHERE instance_id = ? AND "
      "deadline_id = ?",
      {instance_id, deadline_id});
  if (!rows.ok()) return rows.status();
  return rows->front().Int(0) + 1;
}

Result<std::int64_t> CloseDeadline(Transaction& tx, const std::string& instance_id,
                                   const std::string& deadline_id, const std::string& state,
                                   TimeMs at) {
  return tx.Exec(
      "UPDATE deadlines SET state = ?, updated_at = ? WHERE instance_id = ? AND deadline_id = ? "
      "AND state = 'open'",
      {state, at, instance_id, deadline_id});
}

Result<std::vector<DeadlineRow>> OpenDeadlines(Transaction& tx, const std::string& instance_id) {
  return Select(tx, "WHERE instance_id = ? AND state = 'open' ORDER BY due_at, deadline_id",
                {instance_id});
}

Result<std::vector<DeadlineRow>> AllDeadlines(Transaction& tx, const std::string& instance_id) {
  return Select(tx, "WHERE instance_id = ? ORDER BY due_at, deadline_id, occurrence",
                {instance_id});
}

}  // namespace koop::store
