#include "store/definition_table.h"

namespace koop::store {
namespace {

constexpr const char* kColumns =
    "SELECT workflow_id, version, hash, source, source_name, created_at FROM workflow_definitions ";

Result<std::optional<DefinitionRow>> FindOne(Transaction& tx, const std::string& where,
                                             const SqlParams& params) {
  Result<SqlRows> rows = tx.Query(std::string(kColumns) + where, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<DefinitionRow>();
  const SqlRow& r = rows->front();
  return std::optional<DefinitionRow>(
      DefinitionRow{r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)});
}

}  // namespace

Status InsertDefinition(Transaction& tx, const DefinitionRow& row) {
  return tx
      .Exec(
          "INSERT INTO workflow_definitions (workflow_id, version, hash, source, source_name, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?)",
          {row.workflow_id, row.version, row.hash, row.source, row.source_name, row.created_at})
      .status();
}

Result<std::optional<DefinitionRow>> FindDefinition(Transaction& tx, const std::string& workflow_id,
                                                    const std::string& version) {
  return FindOne(tx, "WHERE workflow_id = ? AND version = ?", {workflow_id, version});
}

Result<std::optional<DefinitionRow>> FindDefinitionByHash(Transaction& tx,
                                                          const std::string& workflow_id,
                                                          const std::string& hash) {
  return FindOne(tx, "WHERE workflow_id = ? AND hash = ?", {workflow_id, hash});
}

Status InsertDefinitionFiles(Transaction& tx, const std::string& workflow_id,
                             const std::string& version,
                             const std::map<std::string, std::string>& files) {
  for (const auto& [name, content] : files) {
    KOOP_RETURN_IF_ERROR(tx.Exec("INSERT INTO workflow_definition_files (workflow_id, version, "
                                 "name, content) VALUES (?, ?, ?, ?)",
                                 {workflow_id, version, name, content})
                             .status());
  }
  return Status::Ok();
}

Result<std::map<std::string, std::string>> FindDefinitionFiles(Transaction& tx,
                                                               const std::string& workflow_id,
                                                               const std::string& version) {
  Result<SqlRows> rows = tx.Query(
      "SELECT name, content FROM workflow_definition_files WHERE workflow_id = ? AND version = ?",
      {workflow_id, version});
  if (!rows.ok()) return rows.status();
  std::map<std::string, std::string> files;
  for (const SqlRow& r : *rows) files.emplace(r.Text(0), r.Text(1));
  return files;
}

}  // namespace koop::store
