// BackupDatabase / RestoreDatabase on SQLite's online backup API (sqlite3_backup_*). One
// sqlite3_backup_step(-1) copies every page inside one read transaction of the source: in WAL mode
// writers are not blocked and the copy is the database as of that transaction's start, so an event
// is in the copy whole or not at all.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "koop/backup.h"
#include "koop/file_env.h"
#include "koop/version.h"
#include "store/db_uri.h"

namespace koop {
namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 10000;
constexpr int kBusyRetries = 200;  // × 50 ms between backup steps that found the source locked

// Owns one sqlite3 connection.
class Connection {
 public:
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    if (db_ != nullptr) sqlite3_close_v2(db_);
  }
  Status Open(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      return Status::IoError(path + ": cannot open: " + Message());
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    return Status::Ok();
  }
  sqlite3* get() const { return db_; }
  std::string Message() const { return db_ ? sqlite3_errmsg(db_) : "out of memory"; }
  // The first column of the first row of `sql` as text ("" when no row), or an error.
  Result<std::string> Scalar(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      return Status::DataError(Message());
    }
    std::string value;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      value = text ? reinterpret_cast<const char*>(text) : "";
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Status::DataError(Message());
    return value;
  }

 private:
  sqlite3* db_ = nullptr;
};

Result<std::string> SqlitePath(const std::string& db_uri, const char* what) {
  Result<store::DbUri> uri = store::ParseDbUri(db_uri);
  if (!uri.ok()) return uri.status();
  if (uri->kind == store::DbUri::Kind::kPostgres) {
    return Status::Usage(std::string(what) +
                         " copies SQLite files; for PostgreSQL use pg_dump --format=custom "
                         "--file=FILE and pg_restore (docs/operations.md)");
  }
  return uri->sqlite_path;
}

// Copies every page of `from` into `to` in one step, retrying while the source is locked.
Result<std::int64_t> CopyPages(Connection& from, Connection& to, const std::string& label) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (backup == nullptr) return Status::IoError(label + ": " + to.Message());
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::int64_t pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Status::IoError(label + ": copy failed: " + std::string(sqlite3_errstr(rc)));
  }
  return pages;
}

// A sound koop database: integrity_check passes and koop_meta names a schema this build knows.
Result<int> CheckKoopDatabase(const Connection& db, const std::string& path) {
  Result<std::string> integrity = db.Scalar("PRAGMA integrity_check");
  if (!integrity.ok() || *integrity != "ok") {
    return Status::DataError(path + ": not a sound SQLite database (integrity_check: " +
                             (integrity.ok() ? *integrity : integrity.status().message()) + ")");
  }
  Result<std::string> version =
      db.Scalar("SELECT value FROM koop_meta WHERE key = 'schema_version'");
  if (!version.ok() || version->empty()) {
    return Status::DataError(path + ": not a koop database (no schema version)");
  }
  int v = std::atoi(version->c_str());
  if (v > SchemaVersion()) {
    return Status::DataError(path + ": database schema " + std::to_string(v) +
                             " is newer than this koop (" + std::to_string(SchemaVersion()) +
                             "); use a newer koop");
  }
  return v;
}

Status SyncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? Status::Ok() : Status::IoError(path + ": fsync: " + std::strerror(errno));
}

}  // namespace

Result<BackupReport> BackupDatabase(const std::string& db_uri, const std::string& out_path) {
  Result<std::string> source = SqlitePath(db_uri, "koop backup");
  if (!source.ok()) return source.status();
  std::error_code ec;
  if (!fs::exists(*source, ec)) return Status::NoInput(*source + ": no such database");
  fs::file_status out_status = fs::symlink_status(out_path, ec);
  if (fs::exists(out_status) && !fs::is_regular_file(out_status)) {
    return Status::IoError(out_path + ": exists and is not a regular file; not replaced");
  }
  if (fs::exists(out_status) && fs::equivalent(*source, out_path, ec)) {
    return Status::Usage(out_path + ": is the database itself");
  }
  Connection from;
  KOOP_RETURN_IF_ERROR(from.Open(*source, SQLITE_OPEN_READONLY));
  // SQLite writes the copy in a private folder beside the output (same file system), from
  // where it is moved into place: nobody can plant a link at a guessable temporary name.
  Result<std::string> staging = DefaultFileEnv().MakeTempDir(ParentDir(out_path), ".koop-backup-");
  if (!staging.ok()) return staging.status();
  TempDirGuard staging_guard(DefaultFileEnv(), *staging);
  const std::string temp = *staging + "/backup.db";
  Status failed;
  BackupReport report;
  {
    Connection to;
    Status opened = to.Open(temp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    Result<std::int64_t> pages =
        opened.ok() ? CopyPages(from, to, out_path) : Result<std::int64_t>(opened);
    if (pages.ok()) {
      report.pages = *pages;
      // A backup is one self-contained file, whatever journal mode the live database uses.
      Result<std::string> mode = to.Scalar("PRAGMA journal_mode = DELETE");
      Result<int> version = mode.ok() ? CheckKoopDatabase(to, *source) : Result<int>(mode.status());
      if (version.ok()) report.schema_version = *version;
      failed = version.status();
    } else {
      failed = pages.status();
    }
  }
  if (failed.ok()) failed = SyncFile(temp);
  if (failed.ok()) failed = DefaultFileEnv().MoveIntoPlace(temp, out_path);
  if (!failed.ok()) return failed;
  return report;
}

Result<BackupReport> RestoreDatabase(const std::string& backup_path, const std::string& db_uri,
                                     bool replace) {
  Result<std::string> target = SqlitePath(db_uri, "koop restore");
  if (!target.ok()) return target.status();
  std::error_code ec;
  if (!fs::is_regular_file(backup_path, ec)) {
    return Status::NoInput(backup_path + ": no such backup file");
  }
  Connection from;
  KOOP_RETURN_IF_ERROR(from.Open(backup_path, SQLITE_OPEN_READONLY));
  Result<int> version = CheckKoopDatabase(from, backup_path);
  if (!version.ok()) return version.status();
  Connection to;
  KOOP_RETURN_IF_ERROR(to.Open(*target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  if (!replace) {
    Result<std::string> held =
        to.Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'instances'");
    Result<std::string> rows =
        held.ok() && *held == "1" ? to.Scalar("SELECT count(*) FROM instances") : held;
    if (rows.ok() && held.ok() && *held == "1" && *rows != "0") {
      return Status::Usage(*target + ": already holds " + *rows + " instances; " +
                           kRestoreOnlyToReplace);
    }
  }
  Result<std::int64_t> pages = CopyPages(from, to, *target);
  if (!pages.ok()) return pages.status();
  return BackupReport{*pages, *version};
}

}  // namespace koop
