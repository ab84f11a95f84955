// Instances: the current projection of each instance's event log (the interpreter's snapshot),
// the definition version it runs on, and its municipality binding. Updates are guarded by
// last_seq so two writers can never both append the same event number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "store/transaction.h"

namespace koop::store {

struct InstanceRow {
  std::string instance_id;
  std::string workflow_id;
  std::string workflow_version;
  std::string municipality_id;
  std::string municipality;  // JSON: the binding the instance started with (see docs/storage.md)
  std::string status;        // "active", "finished"
  std::int64_t last_seq = 0;
  TimeMs last_event_at = 0;             // `at` of event last_seq (events come in time order)
  std::string snapshot;                 // JSON from the interpreter
  std::optional<TimeMs> next_timer_at;  // earliest pending delayed event, if any
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

Status InsertInstance(Transaction& tx, const InstanceRow& row);
// Writes the new projection (status, last_seq, last_event_at, snapshot, next_timer_at,
// updated_at); kInternal (a conflict) unless the stored last_seq is `expected_last_seq`.
Status UpdateInstance(Transaction& tx, const InstanceRow& row, std::int64_t expected_last_seq);
// With `lock` the row stays locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite's
// write transaction already excludes other writers).
Result<std::optional<InstanceRow>> FindInstance(Transaction& tx, const std::string& instance_id,
                                                bool lock = false);
// All instances, oldest first, without their snapshots (left empty).
Result<std::vector<InstanceRow>> ListInstances(Transaction& tx);
// Ids of instances with a delayed event due at or before `until`, earliest first.
Result<std::vector<std::string>> InstancesWithTimersDue(Transaction& tx, TimeMs until,
                                                        int limit = 100);

}  // namespace koop::store
