// SqliteDatabase: the Database on a SQLite file. Poco Data opens and owns the connection; the
// statements run on its sqlite3 handle through the C API, each compiled once per connection
// (statement_cache.h) and reset after every use, so no statement holds a read snapshot open.
#pragma once

#include <Poco/Data/Session.h>
#include <sqlite3.h>

#include <string>

#include "store/database.h"
#include "store/statement_cache.h"

namespace koop::store {

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(Poco::Data::Session session, std::string display_name);
  ~SqliteDatabase() override;  // finalizes the statements before Poco closes the connection
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

  Poco::Data::Session session_;
  sqlite3* db_;
  std::string display_name_;
  StatementCache<sqlite3_stmt*> statements_;
  bool in_transaction_ = false;
};

}  // namespace koop::store
