// FireBatcher: group commit of the events fired through the API. SQLite (and PostgreSQL) make
// each commit durable with an fsync, and writers take turns; one commit per event caps the
// server at one event per fsync. Requests that arrive while a commit is running wait; the first
// of them then commits all waiting events in one transaction (Engine::FireBatch: each event its
// own savepoint, so a refused or failing event is rolled back alone) on its own engine handle,
// and hands every request its own outcome. Nothing is answered before the commit is durable.
// An event whose slot failed with a writer conflict (75) is retried alone (Engine::Fire).
// Thread-safe; one per server.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <vector>

#include "koop/engine.h"

namespace koop::server {

class FireBatcher {
 public:
  explicit FireBatcher(std::size_t max_batch = 64) : max_batch_(max_batch) {}
  // Applies `request` (refuse_unhandled is honoured), possibly with others in one commit made
  // on `engine` (the caller's handle, used only by the calling thread).
  Result<StepOutcome> Fire(Engine& engine, const FireRequest& request);

 private:
  struct Slot {
    const FireRequest* request;
    std::optional<Result<StepOutcome>> result;
  };
  // The outcomes of the batch's requests, in order (run without the lock held).
  static std::vector<Result<StepOutcome>> CommitBatch(Engine& engine,
                                                      const std::vector<FireRequest>& requests);

  const std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable done_;
  std::vector<Slot*> waiting_;
  bool committing_ = false;
};

}  // namespace koop::server
