// InstanceFacts: what the directory needs from an instance's snapshot (case number, active
// states, team) and municipality document (name, TERYT) to list it and decide whether a tenant
// scope includes it. Parsing a snapshot is the costly part of a listing, so facts are kept in a
// process-wide cache shared by every Directory of the same database (the server opens one per
// worker thread): an entry is valid while the instance is at the same event (last_seq: every
// change of a snapshot records an event). Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace koop::catalog {

struct InstanceFacts {
  std::string case_number;
  std::vector<std::string> states;
  std::vector<std::string> team;
  std::string municipality_name;
  std::string teryt;
};

// The instance as a listing row names it: its id, team field, and the version columns.
struct FactsKey {
  std::string instance_id;
  std::string team_field;  // the workflow's team field ("" = none)
  std::int64_t last_seq = 0;
};

// Reads the facts from the documents; a malformed document gives empty facts (shown by id,
// matching no team).
InstanceFacts ReadFacts(const std::string& instance_id, const std::string& snapshot,
                        const std::string& municipality_json, const std::string& team_field);

// The facts of each key, in order: from the cache, the misses read with one query per 64 of
// them (snapshot and municipality only for those) inside `tx`.
Result<std::vector<std::shared_ptr<const InstanceFacts>>> LoadFacts(
    store::Transaction& tx, const std::string& database, const std::vector<FactsKey>& keys);

}  // namespace koop::catalog
