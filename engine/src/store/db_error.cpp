#include "store/db_error.h"

namespace koop::store {

Status DatabaseError(const std::string& database, std::string_view what, std::string text,
                     DbErrorKind kind) {
  // libpq and SQLite messages may span lines and repeat the statement; keep the first line.
  if (auto nl = text.find('\n'); nl != std::string::npos) text.erase(nl);
  std::string msg = database + ": " + std::string(what) + ": " + text;
  switch (kind) {
    case DbErrorKind::kConstraint:
      return Status::DataError(msg);
    case DbErrorKind::kConflict:
      return Status::TempFail(msg + " (a concurrent change; try again)");
    case DbErrorKind::kOther:
      break;
  }
  return Status::IoError(msg);
}

std::string ShortenSql(std::string_view sql) {
  std::string s(sql.substr(0, 60));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return sql.size() > 60 ? s + "..." : s;
}

}  // namespace koop::store
