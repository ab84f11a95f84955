// OpenDatabase: checks the target before Poco touches it (so a bad path creates nothing), opens
// the session and sets per-connection options. Schema work is the Store's (store.cpp).
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <unistd.h>

#include <filesystem>
#include <mutex>

#include "store/database.h"
#include "store/postgres_database.h"
#include "store/sqlite_database.h"

namespace koop::store {
namespace {

namespace fs = std::filesystem;

void RegisterConnectors() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
}

// An existing file must look like a SQLite database before SQLite sees it: SQLite itself would
// take a 0-byte file for a new, empty database (and `init` or a migration would then write a
// fresh schema over what was a case register). Only stat(2) is used — opening and closing the
// file would drop the POSIX locks this process's other connections hold on it (see below): a
// 0-byte file, or a length that is no whole number of 512-byte units (every SQLite page size is
// a multiple of 512), is kDataError naming the file; nothing is opened or written. A foreign
// file of a plausible length is refused at the first query ("file is not a database", 65).
Status CheckSqliteSize(const std::string& path) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return Status::IoError(path + ": cannot read the database file: " + ec.message());
  const std::string restore =
      "; restore it from a backup (a new register is made with `koop init` on a path that does "
      "not exist)";
  if (size == 0) {
    return Status::DataError(path + ": the database file is empty (0 bytes), not a koop database" +
                             restore);
  }
  if (size % 512 != 0) {
    return Status::DataError(path + ": not a SQLite database, or a truncated one (" +
                             std::to_string(size) +
                             " bytes is not a whole number of 512-byte units)" + restore);
  }
  return Status::Ok();
}

Status CheckSqlitePath(const std::string& path, bool create_if_missing) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (fs::exists(st)) {
    if (fs::is_directory(st))
      return Status::IoError(path + ": is a directory, not a database file");
    // access(), not open(): closing any descriptor of the file would drop every POSIX lock this
    // process holds on it through its other connections, and another process could then
    // checkpoint and delete the WAL under them (their later commits become invisible).
    if (::access(path.c_str(), R_OK) != 0) {
      return Status::IoError(path + ": cannot read the database file");
    }
    return CheckSqliteSize(path);
  }
  if (!create_if_missing) {
    return Status::NoInput(path + ": no such database (create it with `koop init`)");
  }
  fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) parent = ".";
  if (!fs::is_directory(parent, ec)) {
    return Status::IoError(path + ": cannot create the database: directory '" + parent.string() +
                           "' does not exist");
  }
  return Status::Ok();
}

Result<std::unique_ptr<Database>> OpenSqlite(const DbUri& uri, const OpenOptions& options) {
  KOOP_RETURN_IF_ERROR(CheckSqlitePath(uri.sqlite_path, options.create_if_missing));
  Result<std::unique_ptr<SqliteDatabase>> db =
      SqliteDatabase::Open(uri.sqlite_path, options.create_if_missing, uri.display);
  if (!db.ok()) return db.status();
  // Connection settings only; none of these writes to the file.
  KOOP_RETURN_IF_ERROR(
      (*db)->Exec("PRAGMA busy_timeout = " + std::to_string(options.busy_timeout_ms)).status());
  KOOP_RETURN_IF_ERROR((*db)->Exec("PRAGMA foreign_keys = ON").status());
  // FULL: each commit is on disk before Commit() returns (WAL is fsynced per commit).
  KOOP_RETURN_IF_ERROR((*db)->Exec("PRAGMA synchronous = FULL").status());
  return std::unique_ptr<Database>(std::move(*db));
}

Result<std::unique_ptr<Database>> OpenPostgres(const DbUri& uri) {
  try {
    Poco::Data::Session session("postgresql", uri.connection_string);
    auto db = std::make_unique<PostgresDatabase>(std::move(session), uri.display);
    KOOP_RETURN_IF_ERROR(db->Exec("SET client_min_messages TO warning").status());
    return std::unique_ptr<Database>(std::move(db));
  } catch (const Poco::Exception& e) {
    std::string text = e.displayText();
    if (auto nl = text.find('\n'); nl != std::string::npos) text.erase(nl);
    return Status::IoError(uri.display + ": cannot connect: " + text);
  }
}

}  // namespace

Result<std::unique_ptr<Database>> OpenDatabase(const DbUri& uri, const OpenOptions& options) {
  RegisterConnectors();
  if (uri.kind == DbUri::Kind::kPostgres) return OpenPostgres(uri);
  return OpenSqlite(uri, options);
}

}  // namespace koop::store
