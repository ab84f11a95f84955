// PocoDatabase: the Database implementation on Poco::Data, shared by the SQLite and PostgreSQL
// backends; they differ only in how they open, start transactions and name placeholders.
#pragma once

#include <Poco/Data/Session.h>

#include <string>

#include "store/database.h"

namespace koop::store {

class PocoDatabase final : public Database {
 public:
  PocoDatabase(Dialect dialect, Poco::Data::Session session, std::string display_name);

  Dialect dialect() const override { return dialect_; }
  const std::string& display_name() const override { return display_name_; }
  Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params = {}) override;
  Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {}) override;
  Status Begin(bool write) override;
  Status Commit() override;
  Status Rollback() override;
  bool InTransaction() const override { return in_transaction_; }

 private:
  Status FromException(const std::string& what, const std::exception& e) const;

  Dialect dialect_;
  Poco::Data::Session session_;
  std::string display_name_;
  bool in_transaction_ = false;
};

}  // namespace koop::store
