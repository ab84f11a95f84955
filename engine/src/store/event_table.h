// The event log: append-only (the schema refuses updates and deletes), one row per external event
// of an instance, numbered from 1 (seq 0 is the start). It is the source of truth: replaying an
// instance's rows against its definition reproduces its snapshot.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "store/transaction.h"

namespace koop::store {

struct EventRow {
  std::string instance_id;
  std::int64_t seq = 0;
  std::string name;           // event name; "koop.start" for seq 0
  std::string data;           // JSON
  TimeMs at = 0;              // the event's time (--at), which the macrostep ran at
  std::string actor;          // who recorded it ("cli:<user>", "scheduler")
  std::string outcome;        // "started", "handled", "ignored", "finished"
  TimeMs recorded_at = 0;     // when it was written (system clock)
  std::string errors = "[]";  // JSON array of the macrostep's error.execution messages
  std::string once_key = "";  // "" or a key recorded at most once per instance (unique index)
};

Status AppendEvent(Transaction& tx, const EventRow& row);
// The seq of the instance's event recorded with `once_key`, if there is one.
Result<std::optional<std::int64_t>> FindOnceEvent(Transaction& tx, const std::string& instance_id,
                                                  const std::string& once_key);
// The instance's events in sequence order.
Result<std::vector<EventRow>> ReadEvents(Transaction& tx, const std::string& instance_id);

}  // namespace koop::store
