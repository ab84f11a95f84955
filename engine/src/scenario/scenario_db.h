// The fresh database a scenario runs on: a SQLite file in a new temporary folder, or a new schema
// in a PostgreSQL database (its URI gets `options=-csearch_path=SCHEMA`). Removed (folder) or
// dropped (schema) when the object goes away.
#pragma once

#include <memory>
#include <string>

#include "koop/status.h"

namespace koop::scenario {

class FreshDatabase {
 public:
  // postgres_uri "" = SQLite. kUsage for a malformed URI, kIoError when it cannot be created.
  // sqlite_path: use that file (kept afterwards) instead of one in the temporary folder.
  static Result<std::unique_ptr<FreshDatabase>> Create(const std::string& postgres_uri,
                                                       const std::string& sqlite_path = "");
  ~FreshDatabase();
  FreshDatabase(const FreshDatabase&) = delete;
  FreshDatabase& operator=(const FreshDatabase&) = delete;

  const std::string& uri() const { return uri_; }
  const std::string& temp_dir() const { return temp_dir_; }  // always created, for scratch files

 private:
  FreshDatabase() = default;
  std::string uri_;
  std::string temp_dir_;
  std::string admin_uri_;  // PostgreSQL: the given URI, for dropping the schema
  std::string schema_;
};

}  // namespace koop::scenario
