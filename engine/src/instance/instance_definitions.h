// InstanceDefinitions: workflow definitions as the durable layer keeps them. Registering reads a
// definition file, loads and checks it, hashes its text together with the rule files it includes,
// and stores it by (workflow id, version, hash). Instances are re-run from the stored text, never
// from the file on disk, so an instance stays on the definition it started with. Loaded charts
// are cached per (id, version). Not thread-safe (one per Engine).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "koop/engine.h"
#include "model/chart.h"
#include "store/definition_table.h"
#include "store/transaction.h"

namespace koop::exec {

struct LoadedDefinition {
  store::DefinitionRow row;
  std::shared_ptr<const model::Chart> chart;
};

class InstanceDefinitions {
 public:
  // Loads the file, stores it if new (in `tx`), and returns it. The same id and version with
  // other content is a kDataError.
  Result<LoadedDefinition> Register(store::Transaction& tx, const std::string& path, TimeMs now,
                                    bool* newly_registered = nullptr);
  // The stored definition (id, version), loaded from its stored text.
  Result<LoadedDefinition> Get(store::Transaction& tx, const std::string& workflow_id,
                               const std::string& version);

 private:
  std::map<std::pair<std::string, std::string>, LoadedDefinition> cache_;
};

// The workflow id of a chart (<scxml name>, else the file name without extension) and its
// version (k:version, else "1").
std::string WorkflowIdOf(const model::Chart& chart);
std::string WorkflowVersionOf(const model::Chart& chart);

// Hex SHA-256 of the definition text and the text of every other file its code comes from.
Result<std::string> DefinitionHash(const std::string& source, const model::Chart& chart);

}  // namespace koop::exec
