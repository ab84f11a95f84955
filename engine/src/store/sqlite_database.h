// SqliteDatabase: the Database on a SQLite file, on the C API: the connection is opened in
// SQLite's multi-thread mode (SQLITE_OPEN_NOMUTEX: no mutex taken by every call), which is
// correct because a Database is used by one thread at a time (the server lends each connection
// to one request at a time: server/backends.h). Statements are compiled once per connection
// (statement_cache.h) and reset after every use, so no statement holds a read snapshot open.
#pragma once

#include <sqlite3.h>

#include <string>

#include "store/database.h"
#include "store/statement_cache.h"

namespace koop::store {

class SqliteDatabase final : public Database {
 public:
  // Opens (or, with `create`, creates) the file; kIoError naming it when SQLite cannot.
  static Result<std::unique_ptr<SqliteDatabase>> Open(const std::string& path, bool create,
                                                      std::string display_name);
  ~SqliteDatabase() override;  // finalizes the statements, then closes the connection
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& display_name() const override { return display_name_; }
  Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params = {}) override;
  Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) override;
  Status Begin(bool write) override;
  Status Commit() override;
  Status Rollback() override;
  bool InTransaction() const override { return in_transaction_; }
  std::size_t prepared_statements() const override { return statements_.size(); }

 private:
  // The cached statement for `sql` with `params` bound, ready to step. `what` names the
  // statement in messages.
  Result<sqlite3_stmt*> Prepare(std::string_view sql, const SqlParams& params,
                                std::string_view what);
  Result<std::int64_t> Run(std::string_view sql, const SqlParams& params, std::string_view what);
  Status Error(std::string_view what, int rc) const;
  void ClearCache();

  SqliteDatabase(sqlite3* db, std::string display_name);

  sqlite3* db_;
  std::string display_name_;
  StatementCache<sqlite3_stmt*> statements_;
  bool in_transaction_ = false;
};

}  // namespace koop::store
