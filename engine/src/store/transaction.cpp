#include "store/transaction.h"

namespace koop::store {

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), write_(other.write_), active_(other.active_), poisoned_(other.poisoned_) {
  other.active_ = false;
}

Transaction::~Transaction() {
  if (active_) (void)db_->Rollback();
}

namespace {
const char* const kPoisoned = "the transaction was aborted by an earlier error";
}  // namespace

Result<std::int64_t> Transaction::Exec(std::string_view sql, const SqlParams& params) {
  if (!active_) return Status::Internal("statement outside a transaction");
  if (poisoned_) return Status::Internal(kPoisoned);
  Result<std::int64_t> r = db_->Exec(sql, params);
  if (!r.ok()) poisoned_ = true;
  return r;
}

Result<SqlRows> Transaction::Query(std::string_view sql, const SqlParams& params) {
  if (!active_) return Status::Internal("query outside a transaction");
  if (poisoned_) return Status::Internal(kPoisoned);
  Result<SqlRows> r = db_->Query(sql, params);
  if (!r.ok()) poisoned_ = true;
  return r;
}

Status Transaction::Savepoint(const std::string& name) {
  return Exec("SAVEPOINT " + name).status();
}

Status Transaction::ReleaseSavepoint(const std::string& name) {
  return Exec("RELEASE SAVEPOINT " + name).status();
}

Status Transaction::RollbackToSavepoint(const std::string& name) {
  poisoned_ = false;
  KOOP_RETURN_IF_ERROR(Exec("ROLLBACK TO SAVEPOINT " + name).status());
  return Exec("RELEASE SAVEPOINT " + name).status();
}

Status Transaction::Commit() {
  if (!active_) return Status::Internal("commit outside a transaction");
  if (poisoned_) {
    (void)Rollback();
    return Status::Internal(std::string("commit refused: ") + kPoisoned);
  }
  active_ = false;
  return db_->Commit();
}

Status Transaction::Rollback() {
  if (!active_) return Status::Ok();
  active_ = false;
  return db_->Rollback();
}

}  // namespace koop::store
