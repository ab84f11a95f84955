// Workflow definitions: one row per (workflow id, version), with the content hash and the source
// text, so an instance can always be re-run on exactly the definition it started with.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "koop/clock.h"
#include "store/transaction.h"

namespace koop::store {

struct DefinitionRow {
  std::string workflow_id;
  std::string version;
  std::string hash;         // hex SHA-256 of the source and the rule files it includes
  std::string source;       // the XML text
  std::string source_name;  // path it was registered from (for messages and relative src)
  TimeMs created_at = 0;
};

Status InsertDefinition(Transaction& tx, const DefinitionRow& row);
Result<std::optional<DefinitionRow>> FindDefinition(Transaction& tx, const std::string& workflow_id,
                                                    const std::string& version);
Result<std::optional<DefinitionRow>> FindDefinitionByHash(Transaction& tx,
                                                          const std::string& workflow_id,
                                                          const std::string& hash);

// Migration 10: the files a definition includes (name = src as written -> text), stored with it.
Status InsertDefinitionFiles(Transaction& tx, const std::string& workflow_id,
                             const std::string& version,
                             const std::map<std::string, std::string>& files);
// Empty for a definition registered before migration 10 (or one that includes no file).
Result<std::map<std::string, std::string>> FindDefinitionFiles(Transaction& tx,
                                                               const std::string& workflow_id,
                                                               const std::string& version);

}  // namespace koop::store
