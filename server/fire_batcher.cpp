#include "server/fire_batcher.h"

#include <exception>

namespace koop::server {

Result<StepOutcome> FireBatcher::Fire(Engine& engine, const FireRequest& request) {
  Slot slot{&request, std::nullopt};
  std::unique_lock<std::mutex> lock(mutex_);
  waiting_.push_back(&slot);
  for (;;) {
    if (slot.result) return std::move(*slot.result);
    if (!committing_) {
      // This thread commits what is waiting (its own event among them, unless an earlier
      // committer already took it; then it loops until that one is done).
      committing_ = true;
      std::vector<Slot*> batch;
      std::size_t n = std::min(waiting_.size(), max_batch_);
      batch.assign(waiting_.begin(), waiting_.begin() + static_cast<std::ptrdiff_t>(n));
      waiting_.erase(waiting_.begin(), waiting_.begin() + static_cast<std::ptrdiff_t>(n));
      std::vector<FireRequest> requests;
      requests.reserve(batch.size());
      for (Slot* s : batch) requests.push_back(*s->request);
      lock.unlock();
      std::vector<Result<StepOutcome>> results = CommitBatch(engine, requests);
      lock.lock();
      // Written under the lock: a waiting owner reads its slot only while holding it.
      for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(results[i]);
      committing_ = false;
      done_.notify_all();
      continue;
    }
    done_.wait(lock);
  }
}

std::vector<Result<StepOutcome>> FireBatcher::CommitBatch(
    Engine& engine, const std::vector<FireRequest>& requests) {
  std::vector<Result<StepOutcome>> out;
  try {
    if (requests.size() == 1) {
      out.push_back(engine.Fire(requests[0]));
      return out;
    }
    out = engine.FireBatch(requests);
    out.resize(requests.size(), Result<StepOutcome>(Status::Internal("no outcome")));
    for (std::size_t i = 0; i < requests.size(); ++i) {
      // A conflict with another writer (another server on the same database): alone, with
      // Fire's own retries.
      if (!out[i].ok() && out[i].status().code() == Code::kTempFail)
        out[i] = engine.Fire(requests[i]);
    }
  } catch (const std::exception& e) {
    // Every waiting request gets an answer, whatever happened to the batch.
    out.assign(requests.size(), Result<StepOutcome>(Status::Internal(e.what())));
  }
  return out;
}

}  // namespace koop::server
