// Store: the engine's durable state in one SQLite file or one PostgreSQL database. Open() parses
// the URI, opens the connection, checks the schema version and applies the missing migrations
// (migrations.h). A database written by a newer koop is refused (kDataError) and a database path
// that cannot be read or created is kIoError; in both cases nothing is created or changed.
// A Store is one connection: use it from one thread at a time; open one Store per worker.
#pragma once

#include <memory>
#include <string>

#include "koop/status.h"
#include "store/database.h"
#include "store/db_uri.h"
#include "store/transaction.h"

namespace koop::store {

class Store {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& uri,
                                             const OpenOptions& options = {});

  Dialect dialect() const { return db_->dialect(); }
  const std::string& display_name() const { return db_->display_name(); }
  int schema_version() const { return schema_version_; }
  // How many migrations Open() applied (0 when the schema was already current).
  int applied_migrations() const { return applied_migrations_; }

  // Starts a write transaction (holds the write lock until Commit/Rollback) or a read one.
  Result<Transaction> BeginWrite();
  Result<Transaction> BeginRead();

 private:
  explicit Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Status Migrate();
  // The number of migrations applied when it made the file (0: it existed or another won).
  static Result<int> CreateSqliteAtomically(const DbUri& uri, const OpenOptions& options);

  std::unique_ptr<Database> db_;
  int schema_version_ = 0;
  int applied_migrations_ = 0;
};

}  // namespace koop::store
