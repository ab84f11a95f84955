#include "store/sqlite_database.h"

#include <charconv>
#include <utility>

#include "store/db_error.h"

namespace koop::store {
namespace {

// Resets a statement when it goes out of scope, whatever happened while it ran.
class ResetGuard {
 public:
  explicit ResetGuard(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~ResetGuard() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  ResetGuard(const ResetGuard&) = delete;
  ResetGuard& operator=(const ResetGuard&) = delete;

 private:
  sqlite3_stmt* stmt_;
};

SqlValue Cell(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL:
      return SqlNull{};
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT: {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, sqlite3_column_double(stmt, column));
      return std::string(buf, ec == std::errc() ? end : buf);
    }
    default: {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
      return std::string(text != nullptr ? text : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, column)));
    }
  }
}

}  // namespace

Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::Open(const std::string& path, bool create,
                                                             std::string display_name) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Status::IoError(display_name + ": cannot open the database: " + why);
  }
  return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db, std::move(display_name)));
}

SqliteDatabase::SqliteDatabase(sqlite3* db, std::string display_name)
    : db_(db), display_name_(std::move(display_name)) {}

SqliteDatabase::~SqliteDatabase() {
  ClearCache();
  sqlite3_close_v2(db_);
}

void SqliteDatabase::ClearCache() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  statements_.clear();
}

Status SqliteDatabase::Error(std::string_view what, int rc) const {
  // Writers are serialized by the write lock, so a constraint violation is bad data; a lock still
  // held by another writer after busy_timeout is a conflict.
  const int primary = rc & 0xff;
  return DatabaseError(
      display_name_, what, sqlite3_errmsg(db_),
      // A file that is no database (or damaged) is bad data, like a 0-byte one.
      primary == SQLITE_CONSTRAINT || primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT
          ? DbErrorKind::kConstraint
      : primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? DbErrorKind::kConflict
                                                           : DbErrorKind::kOther);
}

Result<sqlite3_stmt*> SqliteDatabase::Prepare(std::string_view sql, const SqlParams& params,
                                              std::string_view what) {
  sqlite3_stmt* stmt = nullptr;
  if (auto it = statements_.find(sql); it != statements_.end()) {
    stmt = it->second;
  } else {
    if (statements_.size() >= kMaxCachedStatements && !in_transaction_) ClearCache();
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) return Error(what, rc);
    if (stmt == nullptr) return Status::Internal("empty SQL statement");
    std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
    if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
      sqlite3_finalize(stmt);
      return Status::Internal("one SQL statement per call: " + ShortenSql(sql));
    }
    statements_.emplace(std::string(sql), stmt);
  }
  if (static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt)) != params.size()) {
    return Status::Internal(
        "statement takes " + std::to_string(sqlite3_bind_parameter_count(stmt)) +
        " parameters, given " + std::to_string(params.size()) + ": " + ShortenSql(sql));
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    int rc = SQLITE_OK;
    if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
      rc = sqlite3_bind_int64(stmt, index, *n);
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      // The parameters outlive the statement's run (it is reset before Exec/Query return).
      rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else {
      rc = sqlite3_bind_null(stmt, index);
    }
    if (rc != SQLITE_OK) {
      Status s = Error(what, rc);
      sqlite3_clear_bindings(stmt);
      return s;
    }
  }
  return stmt;
}

Result<std::int64_t> SqliteDatabase::Exec(std::string_view sql, const SqlParams& params) {
  return Run(sql, params, ShortenSql(sql));
}

Result<std::int64_t> SqliteDatabase::Run(std::string_view sql, const SqlParams& params,
                                         std::string_view what) {
  Result<sqlite3_stmt*> stmt = Prepare(sql, params, what);
  if (!stmt.ok()) return stmt.status();
  ResetGuard reset(*stmt);
  int rc = SQLITE_ROW;
  while (rc == SQLITE_ROW) rc = sqlite3_step(*stmt);
  if (rc != SQLITE_DONE) return Error(what, rc);
  return static_cast<std::int64_t>(sqlite3_changes(db_));
}

Result<SqlRows> SqliteDatabase::Query(std::string_view sql, const SqlParams& params) {
  Result<sqlite3_stmt*> stmt = Prepare(sql, params, ShortenSql(sql));
  if (!stmt.ok()) return stmt.status();
  ResetGuard reset(*stmt);
  const int columns = sqlite3_column_count(*stmt);
  SqlRows rows;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(*stmt)) == SQLITE_ROW) {
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) cells.push_back(Cell(*stmt, c));
    rows.emplace_back(std::move(cells));
  }
  if (rc != SQLITE_DONE) return Error(ShortenSql(sql), rc);
  return rows;
}

Status SqliteDatabase::Begin(bool write) {
  Result<std::int64_t> r = write ? Run("BEGIN IMMEDIATE", {}, "begin write transaction")
                                 : Run("BEGIN DEFERRED", {}, "begin transaction");
  if (!r.ok()) return r.status();
  in_transaction_ = true;
  return Status::Ok();
}

Status SqliteDatabase::Commit() {
  in_transaction_ = false;
  Result<std::int64_t> r = Run("COMMIT", {}, "commit");
  if (r.ok()) return Status::Ok();
  (void)Rollback();
  return r.status();
}

Status SqliteDatabase::Rollback() {
  in_transaction_ = false;
  // After some errors SQLite has already rolled back; then there is nothing left to undo.
  if (sqlite3_get_autocommit(db_) != 0) return Status::Ok();
  return Run("ROLLBACK", {}, "rollback").status();
}

}  // namespace koop::store
