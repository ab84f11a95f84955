#include "store/instance_table.h"

namespace koop::store {
namespace {

constexpr const char* kSelect =
    "SELECT instance_id, workflow_id, workflow_version, municipality_id, municipality, status, "
    "last_seq, last_event_at, snapshot, next_timer_at, created_at, updated_at FROM instances ";

InstanceRow FromRow(const SqlRow& r) {
  return InstanceRow{r.Text(0), r.Text(1), r.Text(2), r.Text(3),   r.Text(4), r.Text(5),
                     r.Int(6),  r.Int(7),  r.Text(8), r.OptInt(9), r.Int(10), r.Int(11)};
}

}  // namespace

Status InsertInstance(Transaction& tx, const InstanceRow& row) {
  return tx
      .Exec(
          "INSERT INTO instances (instance_id, workflow_id, workflow_version, municipality_id, "
          "municipality, status, last_seq, last_event_at, snapshot, next_timer_at, created_at, "
          "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {row.instance_id, row.workflow_id, row.workflow_version, row.municipality_id,
           row.municipality, row.status, row.last_seq, row.last_event_at, row.snapshot,
           NullableInt(row.next_timer_at), row.created_at, row.updated_at})
      .status();
}

Status UpdateInstance(Transaction& tx, const InstanceRow& row, std::int64_t expected_last_seq) {
  Result<std::int64_t> changed = tx.Exec(
      "UPDATE instances SET status = ?, last_seq = ?, last_event_at = ?, snapshot = ?, "
      "next_timer_at = ?, updated_at = ? WHERE instance_id = ? AND last_seq = ?",
      {row.status, row.last_seq, row.last_event_at, row.snapshot, NullableInt(row.next_timer_at),
       row.updated_at, row.instance_id, expected_last_seq});
  if (!changed.ok()) return changed.status();
  if (*changed != 1) {
    return Status::Internal("instance " + row.instance_id +
                            " was changed concurrently (expected event " +
                            std::to_string(expected_last_seq) + ")");
  }
  return Status::Ok();
}

Result<std::optional<InstanceRow>> FindInstance(Transaction& tx, const std::string& instance_id,
                                                bool lock) {
  static const std::string kById = std::string(kSelect) + "WHERE instance_id = ?";
  static const std::string kByIdLocked = kById + " FOR UPDATE";
  const bool for_update = lock && tx.dialect() == Dialect::kPostgres;
  Result<SqlRows> rows = tx.Query(for_update ? kByIdLocked : kById, {instance_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<InstanceRow>();
  return std::optional<InstanceRow>(FromRow(rows->front()));
}

Result<std::vector<InstanceRow>> ListInstances(Transaction& tx) {
  Result<SqlRows> rows = tx.Query(
      "SELECT instance_id, workflow_id, workflow_version, municipality_id, municipality, status, "
      "last_seq, last_event_at, '', next_timer_at, created_at, updated_at FROM instances "
      "ORDER BY created_at, instance_id");
  if (!rows.ok()) return rows.status();
  std::vector<InstanceRow> out;
  for (const SqlRow& r : *rows) out.push_back(FromRow(r));
  return out;
}

Result<std::vector<std::string>> InstancesWithTimersDue(Transaction& tx, TimeMs until, int limit) {
  Result<SqlRows> rows = tx.Query(
      "SELECT instance_id FROM instances WHERE next_timer_at IS NOT NULL AND next_timer_at <= ? "
      "ORDER BY next_timer_at, instance_id LIMIT ?",
      {until, static_cast<std::int64_t>(limit)});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> out;
  for (const SqlRow& r : *rows) out.push_back(r.Text(0));
  return out;
}

}  // namespace koop::store
