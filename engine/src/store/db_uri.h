// DbUri: what `--db URI` names. A plain path (or `sqlite:PATH`) is a SQLite file; a
// `postgresql://user[:password]@host[:port]/db[?param=value...]` URI is a PostgreSQL server, turned
// into a libpq keyword/value connection string so that Poco's connector needs no URI support.
#pragma once

#include <string>

#include "koop/status.h"

namespace koop::store {

struct DbUri {
  enum class Kind { kSqlite, kPostgres };
  Kind kind = Kind::kSqlite;
  std::string sqlite_path;        // kSqlite: the file
  std::string connection_string;  // kPostgres: "host='h' port='5432' user='u' dbname='d'"
  std::string display;            // for messages: the URI without its password
};

// Parses `text`; an empty text, a malformed PostgreSQL URI or an unknown scheme is a usage error.
Result<DbUri> ParseDbUri(const std::string& text);

}  // namespace koop::store
