#include "store/poco_database.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

namespace koop::store {
namespace {

using Poco::Data::Keywords::bind;

void BindAll(Poco::Data::Statement& stmt, const SqlParams& params) {
  for (const SqlValue& v : params) {
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      stmt.addBind(bind(static_cast<Poco::Int64>(*n)));
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      stmt.addBind(bind(*s));
    } else {
      stmt.addBind(bind(Poco::Nullable<std::string>()));
    }
  }
}

// Constraint violations are bad data (a duplicate id, a dangling reference), not I/O failures.
bool IsConstraintViolation(const std::string& text) {
  static const char* const kMarkers[] = {"constraint failed",
                                         "UNIQUE constraint",
                                         "FOREIGN KEY constraint",
                                         "violates unique constraint",
                                         "violates foreign key constraint",
                                         "duplicate key",
                                         "violates not-null constraint",
                                         "NOT NULL constraint"};
  for (const char* marker : kMarkers) {
    if (text.find(marker) != std::string::npos) return true;
  }
  return false;
}

std::string Shorten(std::string_view sql) {
  std::string s(sql.substr(0, 60));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return sql.size() > 60 ? s + "..." : s;
}

}  // namespace

PocoDatabase::PocoDatabase(Dialect dialect, Poco::Data::Session session, std::string display_name)
    : dialect_(dialect), session_(std::move(session)), display_name_(std::move(display_name)) {}

Status PocoDatabase::FromException(const std::string& what, const std::exception& e) const {
  std::string text;
  if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e)) {
    text = poco->displayText();
  } else {
    text = e.what();
  }
  // libpq and SQLite messages span lines and repeat the statement; keep the first line.
  if (auto nl = text.find('\n'); nl != std::string::npos) text.erase(nl);
  std::string msg = display_name_ + ": " + what + ": " + text;
  return IsConstraintViolation(text) ? Status::DataError(msg) : Status::IoError(msg);
}

Result<std::int64_t> PocoDatabase::Exec(std::string_view sql, const SqlParams& params) {
  try {
    Poco::Data::Statement stmt(session_);
    stmt << (dialect_ == Dialect::kPostgres ? RewritePlaceholders(sql) : std::string(sql));
    BindAll(stmt, params);
    return static_cast<std::int64_t>(stmt.execute());
  } catch (const std::exception& e) {
    return FromException(Shorten(sql), e);
  }
}

Result<SqlRows> PocoDatabase::Query(std::string_view sql, const SqlParams& params) {
  try {
    Poco::Data::Statement stmt(session_);
    stmt << (dialect_ == Dialect::kPostgres ? RewritePlaceholders(sql) : std::string(sql));
    BindAll(stmt, params);
    stmt.execute();
    Poco::Data::RecordSet rs(stmt);
    SqlRows rows;
    rows.reserve(rs.rowCount());
    const std::size_t columns = rs.columnCount();
    for (std::size_t r = 0; r < rs.rowCount(); ++r) {
      std::vector<SqlValue> cells;
      cells.reserve(columns);
      for (std::size_t c = 0; c < columns; ++c) {
        const Poco::Dynamic::Var& v = rs.value(c, r);
        if (v.isEmpty()) {
          cells.emplace_back(SqlNull{});
        } else if (v.isInteger()) {
          cells.emplace_back(static_cast<std::int64_t>(v.convert<Poco::Int64>()));
        } else {
          cells.emplace_back(v.convert<std::string>());
        }
      }
      rows.emplace_back(std::move(cells));
    }
    return rows;
  } catch (const std::exception& e) {
    return FromException(Shorten(sql), e);
  }
}

Status PocoDatabase::Begin(bool write) {
  try {
    if (dialect_ == Dialect::kSqlite) {
      session_ << (write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"), Poco::Data::Keywords::now;
    } else {
      session_.begin();
    }
    in_transaction_ = true;
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromException(write ? "begin write transaction" : "begin transaction", e);
  }
}

Status PocoDatabase::Commit() {
  try {
    in_transaction_ = false;
    if (dialect_ == Dialect::kSqlite) {
      session_ << "COMMIT", Poco::Data::Keywords::now;
    } else {
      session_.commit();
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    Status s = FromException("commit", e);
    (void)Rollback();
    return s;
  }
}

Status PocoDatabase::Rollback() {
  try {
    in_transaction_ = false;
    if (dialect_ == Dialect::kSqlite) {
      session_ << "ROLLBACK", Poco::Data::Keywords::now;
    } else {
      session_.rollback();
    }
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromException("rollback", e);
  }
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
