// `koop backup FILE` — a consistent copy of the SQLite database while koop serve and the reminder
// timer keep writing (SQLite's online backup API). `koop restore FILE [--replace]` copies a backup
// into --db. PostgreSQL: pg_dump / pg_restore (docs/operations.md).
#include "koop/backup.h"

#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"

namespace koop::runner {
namespace {

int RunBackup(Invocation& inv) {
  Result<BackupReport> report = BackupDatabase(inv.db_uri, inv.positional[0]);
  if (!report.ok()) return inv.Fail(report.status());
  *inv.out << inv.positional[0] << ": " << report->pages << " pages, schema version "
           << report->schema_version << '\n';
  return 0;
}

int RunRestore(Invocation& inv) {
  Result<BackupReport> report = RestoreDatabase(inv.positional[0], inv.db_uri, inv.Has("replace"));
  if (!report.ok() && report.status().message().ends_with(kRestoreOnlyToReplace)) {
    return inv.Fail(Status(report.status().code(), report.status().message() + " (--replace)"));
  }
  if (!report.ok()) return inv.Fail(report.status());
  *inv.out << inv.db_uri << ": restored " << report->pages << " pages from " << inv.positional[0]
           << " (schema version " << report->schema_version
           << "); now run `koop init` and `koop verify`\n";
  return 0;
}

void DefineRestore(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("replace", "", "restore over a database holding instances"));
}

}  // namespace

extern const CommandSpec kBackupCommand = {
    "backup", "FILE", "a consistent copy of the database while it is in use", nullptr, RunBackup,
    1,        1};
extern const CommandSpec kRestoreCommand = {"restore",
                                            "FILE [--replace]",
                                            "copy a backup into the database (services stopped)",
                                            DefineRestore,
                                            RunRestore,
                                            1,
                                            1};

}  // namespace koop::runner
