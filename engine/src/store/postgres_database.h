// PostgresDatabase: the Database on a PostgreSQL server. Poco Data opens and owns the connection;
// the statements run on its libpq connection as named prepared statements, each prepared once per
// connection (statement_cache.h), so running one costs one round trip (PQexecPrepared) instead of
// a prepare, a describe and an execute.
#pragma once

#include <Poco/Data/Session.h>
#include <libpq-fe.h>

#include <cstdint>
#include <string>

#include "store/database.h"
#include "store/statement_cache.h"

namespace koop::store {

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(Poco::Data::Session session, std::string display_name);
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  const std::string& display_name() const override { return display_name_; }
  Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params = {}) override;
  Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) override;
  Status Begin(bool write) override;
  Status Commit() override;
  Status Rollback() override;
  bool InTransaction() const override { return in_transaction_; }
  std::size_t prepared_statements() const override { return statements_.size(); }

 private:
  // Runs the prepared statement for `sql`; the result is owned by the caller (PQclear).
  Result<PGresult*> Run(std::string_view sql, const SqlParams& params, std::string_view what);
  Result<const std::string*> Prepare(std::string_view sql, std::string_view what);
  Status Error(std::string_view what, const PGresult* result) const;

  Poco::Data::Session session_;
  PGconn* conn_;
  std::string display_name_;
  StatementCache<std::string> statements_;  // SQL text -> server-side statement name
  std::uint64_t next_name_ = 0;
  bool in_transaction_ = false;
};

}  // namespace koop::store
