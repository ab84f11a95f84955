// Backends: the engine handles a request works with. A Database (its instances, packs, accounts
// and directory) is one database connection used by one thread at a time, so the server keeps a
// pool: a request borrows one for its duration (Lease) and gives it back; the pool opens at most
// as many as the server has worker threads.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "koop/accounts.h"
#include "koop/database.h"
#include "koop/directory.h"
#include "koop/engine.h"
#include "server/fire_batcher.h"
#include "server/listing_cache.h"
#include "server/workflow_catalog.h"

namespace koop::server {

struct BackendOptions {
  DatabaseOptions database;  // its `accounts` sets sessions and the sign-in throttle
  std::string templates_dir = "doc-templates";
  // Where rendered packs are kept: DIR/INSTANCE/PACK/ (created on demand).
  std::string packs_dir = "packs";
  // The bytes of task and deadline list answers kept (listing_cache.h); 0 turns the cache off.
  std::size_t listing_cache_bytes = std::size_t{64} << 20;
};

struct Backend {
  std::unique_ptr<Database> database;
  Engine* engine = nullptr;        // database->instances()
  Accounts* accounts = nullptr;    // database->accounts()
  Directory* directory = nullptr;  // database->directory()
};

class BackendPool {
 public:
  explicit BackendPool(BackendOptions options)
      : options_(std::move(options)),
        catalog_(WorkflowCatalog::Load(options_.database.workflows_dir)),
        listings_(options_.listing_cache_bytes) {}
  const BackendOptions& options() const { return options_; }
  const WorkflowCatalog& catalog() const { return *catalog_; }
  // Events fired through the API are committed in groups (fire_batcher.h).
  FireBatcher& fires() { return fires_; }
  // Answers of the task and deadline lists (listing_cache.h).
  ListingCache& listings() { return listings_; }

  // A borrowed pair; returned to the pool when destroyed. A pair whose database failed is
  // dropped instead (Discard), so the next request reconnects.
  class Lease {
   public:
    Lease(BackendPool* pool, std::unique_ptr<Backend> backend)
        : pool_(pool), backend_(std::move(backend)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Backend* operator->() { return backend_.get(); }
    void Discard() { discard_ = true; }

   private:
    BackendPool* pool_;
    std::unique_ptr<Backend> backend_;
    bool discard_ = false;
  };

  // kIoError when the database cannot be opened.
  Result<Lease> Borrow();

 private:
  void Return(std::unique_ptr<Backend> backend);

  BackendOptions options_;
  std::shared_ptr<const WorkflowCatalog> catalog_;
  FireBatcher fires_;
  ListingCache listings_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Backend>> idle_;
};

}  // namespace koop::server
