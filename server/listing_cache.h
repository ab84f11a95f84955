// ListingCache: answers of the task and deadline lists (GET /api/v1/tasks, /api/v1/deadlines)
// kept while they are certainly still the answer, so that a person reloading a list costs one
// small query instead of a page of rows (docs/server.md, "The listing cache").
//
// An entry is found by its key (the list, the account's whole scope and the query text) and is
// served only
//  - at the same listing version (Directory::ListingVersion: a counter per municipality the
//    database bumps in the transaction of every change of an instance or deadline, by whichever
//    process writes: another `koop serve` on the same PostgreSQL, the CLI, the reminder run);
//  - at a time no earlier than it was made and before `valid_until`: when the first listed
//    deadline turns overdue, or when the moving window of a list without `until` would take in
//    one more deadline.
// Bounded by the bytes of its answers (everything is dropped when a new one would not fit).
// Thread-safe; one per server process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "koop/clock.h"

namespace koop::server {

class ListingCache {
 public:
  // max_bytes 0: the cache is off (Find never finds, Store keeps nothing).
  explicit ListingCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  bool enabled() const { return max_bytes_ > 0; }

  struct Entry {
    std::int64_t version = 0;
    TimeMs made_at = 0;
    TimeMs valid_until = 0;  // exclusive
    std::shared_ptr<const std::string> body;
  };

  // The answer stored under `key` if it is valid at `version` and `now`, else null.
  std::shared_ptr<const std::string> Find(const std::string& key, std::int64_t version, TimeMs now);
  void Store(const std::string& key, Entry entry);

 private:
  const std::size_t max_bytes_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t bytes_ = 0;
};

}  // namespace koop::server
