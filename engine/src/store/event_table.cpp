#include "store/event_table.h"

namespace koop::store {

Status AppendEvent(Transaction& tx, const EventRow& row) {
  return tx
      .Exec(
          "INSERT INTO events (instance_id, seq, name, data, at, actor, outcome, recorded_at, "
          "errors, once_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {row.instance_id, row.seq, row.name, row.data, row.at, row.actor, row.outcome,
           row.recorded_at, row.errors,
           row.once_key.empty() ? SqlValue(SqlNull{}) : SqlValue(row.once_key)})
      .status();
}

Result<std::optional<std::int64_t>> FindOnceEvent(Transaction& tx, const std::string& instance_id,
                                                  const std::string& once_key) {
  Result<SqlRows> rows = tx.Query("SELECT seq FROM events WHERE instance_id = ? AND once_key = ?",
                                  {instance_id, once_key});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().Int(0));
}

Result<std::vector<EventRow>> ReadEvents(Transaction& tx, const std::string& instance_id) {
  Result<SqlRows> rows = tx.Query(
      "SELECT instance_id, seq, name, data, at, actor, outcome, recorded_at, errors, once_key "
      "FROM events "
      "WHERE instance_id = ? ORDER BY seq",
      {instance_id});
  if (!rows.ok()) return rows.status();
  std::vector<EventRow> out;
  out.reserve(rows->size());
  for (const SqlRow& r : *rows) {
    out.push_back(EventRow{r.Text(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Text(5),
                           r.Text(6), r.Int(7), r.Text(8), r.Text(9)});
  }
  return out;
}

}  // namespace koop::store
