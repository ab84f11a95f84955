#include "store/store.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/migrations.h"

namespace koop::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMetaTable = "koop_meta";

Result<std::vector<std::string>> ListTables(Database& db) {
  const char* sql = db.dialect() == Dialect::kSqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                        : "SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = current_schema()";
  Result<SqlRows> rows = db.Query(sql);
  if (!rows.ok()) return rows.status();
  std::vector<std::string> names;
  for (const SqlRow& row : *rows) names.push_back(row.Text(0));
  return names;
}

// The schema version recorded in the database: 0 for an empty database. Refuses a database that
// holds other tables but no koop_meta (not ours) and one from a newer koop.
Result<int> ReadSchemaVersion(Database& db) {
  Result<std::vector<std::string>> tables = ListTables(db);
  if (!tables.ok()) return tables.status();
  bool has_meta = std::find(tables->begin(), tables->end(), kMetaTable) != tables->end();
  if (!has_meta) {
    if (!tables->empty()) {
      return Status::DataError(db.display_name() +
                               ": not a koop database (it has tables but no koop_meta table)");
    }
    return 0;
  }
  Result<SqlRows> rows = db.Query("SELECT value FROM koop_meta WHERE key = 'schema_version'");
  if (!rows.ok()) return rows.status();
  if (rows->empty())
    return Status::DataError(db.display_name() + ": koop_meta has no schema_version");
  int version = static_cast<int>(rows->front().Int(0));
  if (version > LatestSchemaVersion()) {
    return Status::DataError(db.display_name() + ": database schema version " +
                             std::to_string(version) + " is newer than this koop supports (" +
                             std::to_string(LatestSchemaVersion()) +
                             "); use a newer koop (nothing was changed)");
  }
  return version;
}

void RemoveSqliteFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& uri, const OpenOptions& options) {
  Result<DbUri> parsed = ParseDbUri(uri);
  if (!parsed.ok()) return parsed.status();
  int created = 0;  // migrations applied to a file made just now
  if (parsed->kind == DbUri::Kind::kSqlite && options.create_if_missing) {
    Result<int> made = CreateSqliteAtomically(*parsed, options);
    if (!made.ok()) return made.status();
    created = *made;
  }
  Result<std::unique_ptr<Database>> db = OpenDatabase(*parsed, options);
  if (!db.ok()) return db.status();
  std::unique_ptr<Store> store(new Store(std::move(*db)));
  KOOP_RETURN_IF_ERROR(store->Migrate());
  if (store->applied_migrations_ == 0) store->applied_migrations_ = created;
  return store;
}

Result<int> Store::CreateSqliteAtomically(const DbUri& uri, const OpenOptions& options) {
  // A new SQLite file appears complete or not at all: SQLite would create the file empty and
  // write its header only at the first commit, and in between a second process would find a
  // 0-byte file, which every command refuses (open_database.cpp). So the schema is written to a
  // private file beside the target, which is then hard-linked into place (link(2) never
  // replaces: when another process won the race, its file is kept and used).
  std::error_code ec;
  if (fs::exists(fs::symlink_status(uri.sqlite_path, ec))) return 0;
  fs::path parent = fs::path(uri.sqlite_path).parent_path();
  // A missing folder is reported by OpenDatabase on the target's own name.
  if (!fs::is_directory(parent.empty() ? fs::path(".") : parent, ec)) return 0;
  DbUri tmp = uri;
  static std::atomic<int> serial{0};  // several Stores of one process may race too
  tmp.sqlite_path = uri.sqlite_path + ".new-" + std::to_string(::getpid()) + "-" +
                    std::to_string(serial.fetch_add(1));
  tmp.display = tmp.sqlite_path;
  fs::remove(tmp.sqlite_path, ec);
  int applied = 0;
  {
    Result<std::unique_ptr<Database>> db = OpenDatabase(tmp, options);
    if (!db.ok()) return db.status().WithContext(uri.display);
    Store fresh(std::move(*db));
    Status s = fresh.Migrate();
    if (!s.ok()) {
      fresh.db_.reset();
      RemoveSqliteFiles(tmp.sqlite_path);
      return s;
    }
    applied = fresh.applied_migrations_;
  }  // closed: SQLite checkpoints and removes the -wal and -shm files
  const int linked = ::link(tmp.sqlite_path.c_str(), uri.sqlite_path.c_str());
  const int link_errno = errno;
  RemoveSqliteFiles(tmp.sqlite_path);
  if (linked != 0 && link_errno != EEXIST) {
    return Status::IoError(uri.display +
                           ": cannot create the database: " + std::strerror(link_errno));
  }
  return linked == 0 ? applied : 0;
}

Status Store::Migrate() {
  // Read-only checks first: a foreign or newer database is left exactly as it was.
  Result<int> version = ReadSchemaVersion(*db_);
  if (!version.ok()) return version.status();
  if (db_->dialect() == Dialect::kSqlite) {
    // Persistent, and cannot be changed inside a transaction.
    KOOP_RETURN_IF_ERROR(db_->Exec("PRAGMA journal_mode = WAL").status());
  }
  schema_version_ = *version;
  if (*version == LatestSchemaVersion()) return Status::Ok();

  Result<Transaction> tx = BeginWrite();
  if (!tx.ok()) return tx.status();
  if (db_->dialect() == Dialect::kPostgres) {
    // Serializes concurrent migrators (SQLite's BEGIN IMMEDIATE already does).
    KOOP_RETURN_IF_ERROR(tx->Query("SELECT pg_advisory_xact_lock(7460315)").status());
  }
  version = ReadSchemaVersion(*db_);  // another process may have migrated meanwhile
  if (!version.ok()) return version.status();
  if (*version == 0) {
    KOOP_RETURN_IF_ERROR(
        tx->Exec("CREATE TABLE koop_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)").status());
    KOOP_RETURN_IF_ERROR(
        tx->Exec("INSERT INTO koop_meta (key, value) VALUES ('schema_version', '0')").status());
  }
  int applied = 0;
  for (const Migration& m : Migrations()) {
    if (m.version <= *version) continue;
    const auto& own = db_->dialect() == Dialect::kSqlite ? m.sqlite : m.postgres;
    for (const auto* list : {&m.common, &own}) {
      for (const char* sql : *list) {
        Status s = tx->Exec(sql).status();
        if (!s.ok()) {
          return s.WithContext("migration " + std::to_string(m.version) + " (" + m.description +
                               ")");
        }
      }
    }
    ++applied;
  }
  KOOP_RETURN_IF_ERROR(tx->Exec("UPDATE koop_meta SET value = ? WHERE key = 'schema_version'",
                                {std::to_string(LatestSchemaVersion())})
                           .status());
  KOOP_RETURN_IF_ERROR(tx->Commit());
  schema_version_ = LatestSchemaVersion();
  applied_migrations_ = applied;
  return Status::Ok();
}

Result<Transaction> Store::BeginWrite() {
  if (db_->InTransaction()) return Status::Internal("nested transaction on one Store");
  KOOP_RETURN_IF_ERROR(db_->Begin(/*write=*/true));
  return Transaction(db_.get(), true);
}

Result<Transaction> Store::BeginRead() {
  if (db_->InTransaction()) return Status::Internal("nested transaction on one Store");
  KOOP_RETURN_IF_ERROR(db_->Begin(/*write=*/false));
  return Transaction(db_.get(), false);
}

}  // namespace koop::store
