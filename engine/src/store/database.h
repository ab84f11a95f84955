// Database: one connection to a SQLite file or a PostgreSQL server, behind a backend-neutral
// interface. Poco Data opens the connection; statements run on its native handle
// (sqlite_database.h, postgres_database.h) and are prepared once per connection, keyed by their
// SQL text. All SQL is written once with `?` placeholders; the PostgreSQL backend rewrites them to
// `$1, $2, ...`. Errors become Statuses: constraint violations are kDataError, everything else
// kIoError. Not thread-safe: one thread uses a Database at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "koop/status.h"
#include "store/db_uri.h"
#include "store/sql_value.h"

namespace koop::store {

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  virtual ~Database() = default;

  virtual Dialect dialect() const = 0;
  // The URI without secrets, for messages.
  virtual const std::string& display_name() const = 0;

  // Runs one statement (one per call); returns the number of rows it changed.
  virtual Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params = {}) = 0;
  // Runs one query and returns all its rows.
  virtual Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) = 0;

  // Starts a transaction. A write transaction takes the write lock at once (SQLite: BEGIN
  // IMMEDIATE), so two writers never deadlock upgrading a read lock.
  virtual Status Begin(bool write) = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  virtual bool InTransaction() const = 0;

  // How many statements this connection holds prepared (for tests).
  virtual std::size_t prepared_statements() const = 0;
};

struct OpenOptions {
  // When false, a missing SQLite file is kNoInput (nothing is created).
  bool create_if_missing = true;
  // SQLite: milliseconds a writer waits for another writer's lock before failing.
  int busy_timeout_ms = 10000;
};

// Opens a connection; never creates or changes schema objects.
Result<std::unique_ptr<Database>> OpenDatabase(const DbUri& uri, const OpenOptions& options);

// Rewrites `?` placeholders (outside quotes) to `$1, $2, ...`. Exposed for tests.
std::string RewritePlaceholders(std::string_view sql);

}  // namespace koop::store
