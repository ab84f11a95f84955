#include "store/postgres_database.h"

#include <Poco/Data/PostgreSQL/SessionImpl.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "store/db_error.h"

namespace koop::store {
namespace {

// Type OIDs of the integer types (pg_type.h); their values are returned as integers.
constexpr Oid kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26;

struct ClearResult {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ClearResult>;

PGconn* ConnectionOf(Poco::Data::Session& session) {
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  return impl != nullptr ? static_cast<PGconn*>(impl->handle()) : nullptr;
}

bool Succeeded(const PGresult* r) {
  if (r == nullptr) return false;
  ExecStatusType status = PQresultStatus(r);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace

PostgresDatabase::PostgresDatabase(Poco::Data::Session session, std::string display_name)
    : session_(std::move(session)),
      conn_(ConnectionOf(session_)),
      display_name_(std::move(display_name)) {}

Status PostgresDatabase::Error(std::string_view what, const PGresult* result) const {
  if (conn_ == nullptr) return Status::Internal("no PostgreSQL connection");
  std::string text = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  if (text.empty()) text = PQerrorMessage(conn_);
  // Class 23: integrity constraint violation (unique, foreign key, not null, check).
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  bool constraint = state != nullptr && std::strncmp(state, "23", 2) == 0;
  // 23505 unique_violation, 40001 serialization_failure, 40P01 deadlock_detected, 55P03
  // lock_not_available: another transaction got there first.
  bool conflict =
      state != nullptr && (std::strcmp(state, "23505") == 0 || std::strcmp(state, "40001") == 0 ||
                           std::strcmp(state, "40P01") == 0 || std::strcmp(state, "55P03") == 0);
  // libpq prefixes the severity ("ERROR:  "); the first line carries the message.
  if (text.starts_with("ERROR:  ")) text.erase(0, 8);
  return DatabaseError(display_name_, what, std::move(text),
                       conflict     ? DbErrorKind::kConflict
                       : constraint ? DbErrorKind::kConstraint
                                    : DbErrorKind::kOther);
}

Result<const std::string*> PostgresDatabase::Prepare(std::string_view sql, std::string_view what) {
  if (auto it = statements_.find(sql); it != statements_.end()) return &it->second;
  if (conn_ == nullptr) return Status::Internal("no PostgreSQL connection");
  if (statements_.size() >= kMaxCachedStatements && !in_transaction_) {
    ResultPtr r(PQexec(conn_, "DEALLOCATE ALL"));
    if (!Succeeded(r.get())) return Error("deallocate statements", r.get());
    statements_.clear();
  }
  std::string name = "koop_" + std::to_string(++next_name_);
  // Parameter types are left to the server to infer from the statement, as before.
  ResultPtr r(PQprepare(conn_, name.c_str(), RewritePlaceholders(sql).c_str(), 0, nullptr));
  if (!Succeeded(r.get())) return Error(what, r.get());
  auto [it, inserted] = statements_.emplace(std::string(sql), std::move(name));
  return &it->second;
}

Result<PGresult*> PostgresDatabase::Run(std::string_view sql, const SqlParams& params,
                                        std::string_view what) {
  Result<const std::string*> name = Prepare(sql, what);
  if (!name.ok()) return name.status();
  // Parameters travel as text; integers are formatted here.
  std::vector<std::string> numbers(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
      numbers[i] = std::to_string(*n);
      values[i] = numbers[i].c_str();
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      values[i] = s->c_str();
    }
  }
  PGresult* r = PQexecPrepared(conn_, (*name)->c_str(), static_cast<int>(params.size()),
                               values.data(), nullptr, nullptr, 0);
  if (!Succeeded(r)) {
    Status s = Error(what, r);
    PQclear(r);
    return s;
  }
  return r;
}

Result<std::int64_t> PostgresDatabase::Exec(std::string_view sql, const SqlParams& params) {
  Result<PGresult*> r = Run(sql, params, ShortenSql(sql));
  if (!r.ok()) return r.status();
  ResultPtr result(*r);
  const char* tuples = PQcmdTuples(result.get());
  return static_cast<std::int64_t>(tuples != nullptr ? std::atoll(tuples) : 0);
}

Result<SqlRows> PostgresDatabase::Query(std::string_view sql, const SqlParams& params) {
  Result<PGresult*> r = Run(sql, params, ShortenSql(sql));
  if (!r.ok()) return r.status();
  ResultPtr result(*r);
  const int rows = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  std::vector<bool> integer(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) {
    Oid type = PQftype(result.get(), c);
    integer[static_cast<std::size_t>(c)] =
        type == kInt8 || type == kInt2 || type == kInt4 || type == kOid;
  }
  SqlRows out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    std::vector<SqlValue> cells;
    cells.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result.get(), row, c) != 0) {
        cells.emplace_back(SqlNull{});
        continue;
      }
      const char* text = PQgetvalue(result.get(), row, c);
      const auto length = static_cast<std::size_t>(PQgetlength(result.get(), row, c));
      std::int64_t n = 0;
      if (integer[static_cast<std::size_t>(c)] &&
          std::from_chars(text, text + length, n).ec == std::errc()) {
        cells.emplace_back(n);
      } else {
        cells.emplace_back(std::string(text, length));
      }
    }
    out.emplace_back(std::move(cells));
  }
  return out;
}

Status PostgresDatabase::Begin(bool write) {
  // Row locks (FOR UPDATE) and the schema's constraints serialize writers; both kinds of
  // transaction start the same way.
  Result<PGresult*> r = Run("BEGIN", {}, write ? "begin write transaction" : "begin transaction");
  if (!r.ok()) return r.status();
  PQclear(*r);
  in_transaction_ = true;
  return Status::Ok();
}

Status PostgresDatabase::Commit() {
  in_transaction_ = false;
  Result<PGresult*> r = Run("COMMIT", {}, "commit");
  if (!r.ok()) {
    (void)Rollback();
    return r.status();
  }
  PQclear(*r);
  return Status::Ok();
}

Status PostgresDatabase::Rollback() {
  in_transaction_ = false;
  Result<PGresult*> r = Run("ROLLBACK", {}, "rollback");
  if (!r.ok()) return r.status();
  PQclear(*r);
  return Status::Ok();
}

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace koop::store
