// Transaction: a unit of work on the Store. Begin it with Store::BeginWrite()/BeginRead(); it rolls
// back on destruction unless Commit() succeeded, so an early `return status;` never leaves a
// half-applied change. Typed operations on the tables are free functions in the *_table.h headers
// (definition_table.h, instance_table.h, event_table.h, deadline_table.h, ...), each taking a
// Transaction&; add a new file there rather than growing this class.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "koop/status.h"
#include "store/database.h"
#include "store/sql_value.h"

namespace koop::store {

class Transaction {
 public:
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Dialect dialect() const { return db_->dialect(); }
  bool write() const { return write_; }

  Result<std::int64_t> Exec(std::string_view sql, const SqlParams& params = {});
  Result<SqlRows> Query(std::string_view sql, const SqlParams& params = {});

  // A failed statement poisons the transaction (PostgreSQL aborts it; SQLite is made to behave
  // the same): later statements and Commit fail until RollbackToSavepoint() to a savepoint taken
  // before the failure. Nested units (e.g. one event of a batch) use savepoints so a failed unit
  // is undone while the others stay.
  Status Savepoint(const std::string& name);
  Status ReleaseSavepoint(const std::string& name);
  Status RollbackToSavepoint(const std::string& name);

  // Makes the changes durable. After a failed Commit the transaction is rolled back.
  Status Commit();
  // Discards the changes (also done by the destructor).
  Status Rollback();

 private:
  friend class Store;
  Transaction(Database* db, bool write) : db_(db), write_(write) {}

  Database* db_;
  bool write_;
  bool active_ = true;
  bool poisoned_ = false;
};

}  // namespace koop::store
