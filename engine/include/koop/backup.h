// Consistent copies of a database while it is in use (`koop backup`, `koop restore`; DESIGN §13).
// SQLite files are copied page by page through SQLite's online backup API inside one read
// transaction, so writers (koop serve, koop remind) go on and the copy holds exactly the commits
// made before it started. PostgreSQL is backed up with pg_dump (docs/operations.md): both calls
// answer a PostgreSQL URI with kUsage naming the command to use.
#pragma once

#include <cstdint>
#include <string>

#include "koop/status.h"

namespace koop {

struct BackupReport {
  std::int64_t pages = 0;  // database pages copied
  int schema_version = 0;  // of the copied database
};

// Copies the database `db_uri` into the new file `out_path` (written beside it under a temporary
// name, checked with PRAGMA integrity_check, then renamed: a failure leaves nothing at out_path).
// out_path must not exist or be a regular file (replaced); never the database itself.
Result<BackupReport> BackupDatabase(const std::string& db_uri, const std::string& out_path);

// Copies the backup `backup_path` into the database `db_uri` (created when missing) in one
// transaction, after checking that the backup is a sound koop database no newer than this build.
// A target that already holds instances is refused unless `replace` is true: kUsage
// "TARGET: already holds N instances; " + kRestoreOnlyToReplace (a command line adds its flag).
// Stop `koop serve` and the reminder timer first; run `koop init` (migrations) and `koop verify`
// after.
inline constexpr char kRestoreOnlyToReplace[] = "restore over it only to replace them";
Result<BackupReport> RestoreDatabase(const std::string& backup_path, const std::string& db_uri,
                                     bool replace);

}  // namespace koop
