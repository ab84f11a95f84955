#include "server/backends.h"

namespace koop::server {

BackendPool::Lease::~Lease() {
  if (pool_ && backend_ && !discard_) pool_->Return(std::move(backend_));
}

Result<BackendPool::Lease> BackendPool::Borrow() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Backend> b = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(b));
    }
  }
  auto backend = std::make_unique<Backend>();
  DatabaseOptions database_options = options_.database;
  database_options.create_if_missing = false;
  Result<std::unique_ptr<Database>> database = Database::Open(database_options);
  if (!database.ok()) return database.status();
  backend->database = std::move(*database);
  backend->engine = &backend->database->instances();
  backend->accounts = &backend->database->accounts();
  backend->directory = &backend->database->directory();
  return Lease(this, std::move(backend));
}

void BackendPool::Return(std::unique_ptr<Backend> backend) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(backend));
}

}  // namespace koop::server
