#include "store/deadline_table.h"

namespace koop::store {
namespace {

constexpr const char* kColumns[kDeadlineColumnCount] = {
    "instance_id",  "deadline_id", "occurrence",  "title",       "due_date",
    "due_at",       "state",       "owner_state", "remind",      "recipients",
    "created_at",   "updated_at",  "escalate",    "escalate_to", "recur_every",
    "recur_anchor", "recur_count", "case_number", "stage_title", "explanation"};

Result<std::vector<DeadlineRow>> Select(Transaction& tx, const std::string& where,
                                        const SqlParams& params) {
  Result<SqlRows> rows =
      tx.Query("SELECT " + DeadlineColumns("") + " FROM deadlines " + where, params);
  if (!rows.ok()) return rows.status();
  std::vector<DeadlineRow> out;
  for (const SqlRow& r : *rows) out.push_back(ReadDeadline(r));
  return out;
}

}  // namespace

std::string DeadlineColumns(const std::string& alias) {
  std::string out;
  for (const char* c : kColumns) out += (out.empty() ? "" : ", ") + alias + c;
  return out;
}

DeadlineRow ReadDeadline(const SqlRow& r, int first) {
  auto i = [first](int n) { return static_cast<std::size_t>(first + n); };
  DeadlineRow d;
  d.instance_id = r.Text(i(0));
  d.deadline_id = r.Text(i(1));
  d.occurrence = r.Int(i(2));
  d.title = r.Text(i(3));
  d.due_date = r.Text(i(4));
  d.due_at = r.Int(i(5));
  d.state = r.Text(i(6));
  d.owner_state = r.Text(i(7));
  d.remind = r.Text(i(8));
  d.recipients = r.Text(i(9));
  d.created_at = r.Int(i(10));
  d.updated_at = r.Int(i(11));
  d.escalate = r.Text(i(12));
  d.escalate_to = r.IsNull(i(13)) ? "[]" : r.Text(i(13));
  d.recur_every = r.Text(i(14));
  d.recur_anchor = r.Text(i(15));
  d.recur_count = r.OptInt(i(16)).value_or(0);
  d.case_number = r.Text(i(17));
  d.stage_title = r.Text(i(18));
  d.explanation = r.Text(i(19));
  return d;
}

Status InsertDeadline(Transaction& tx, const DeadlineRow& row) {
  bool recurring = row.IsRecurring();
  return tx
      .Exec("INSERT INTO deadlines (" + DeadlineColumns("") +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {row.instance_id,
             row.deadline_id,
             row.occurrence,
             row.title,
             row.due_date,
             row.due_at,
             row.state,
             row.owner_state,
             row.remind,
             row.recipients,
             row.created_at,
             row.updated_at,
             row.escalate,
             row.escalate_to,
             recurring ? SqlValue(row.recur_every) : SqlValue(SqlNull{}),
             recurring ? SqlValue(row.recur_anchor) : SqlValue(SqlNull{}),
             recurring ? SqlValue(row.recur_count) : SqlValue(SqlNull{}),
             row.case_number,
             row.stage_title,
             row.explanation})
      .status();
}

Result<std::optional<DeadlineRow>> OpenDeadline(Transaction& tx, const std::string& instance_id,
                                                const std::string& deadline_id) {
  Result<std::vector<DeadlineRow>> rows = Select(
      tx, "WHERE instance_id = ? AND deadline_id = ? AND state = 'open' ORDER BY occurrence DESC",
      {instance_id, deadline_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<DeadlineRow>();
  return std::optional<DeadlineRow>(std::move(rows->front()));
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
