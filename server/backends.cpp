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
  EngineOptions engine_options = options_.engine;
  engine_options.create_if_missing = false;
  Result<std::unique_ptr<Engine>> engine = Engine::Open(engine_options);
  if (!engine.ok()) return engine.status();
  AccountsOptions accounts_options = options_.accounts;
  accounts_options.create_if_missing = false;
  Result<std::unique_ptr<Accounts>> accounts = Accounts::Open(accounts_options);
  if (!accounts.ok()) return accounts.status();
  Result<std::unique_ptr<Directory>> directory = Directory::Open(options_.engine.db_uri);
  if (!directory.ok()) return directory.status();
  backend->directory = std::move(*directory);
  backend->engine = std::move(*engine);
  backend->accounts = std::move(*accounts);
  return Lease(this, std::move(backend));
}

void BackendPool::Return(std::unique_ptr<Backend> backend) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(backend));
}

}  // namespace koop::server
