// Opening databases: migrations, versions, and the bad paths that must change nothing.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "store/migrations.h"
#include "store/store.h"
#include "unit/store/test_backends.h"

namespace koop::store {
namespace {

namespace fs = std::filesystem;
using testing::Backends;
using testing::TempDir;
using testing::TestDatabase;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

BOOST_AUTO_TEST_SUITE(StoreOpen)

BOOST_AUTO_TEST_CASE(CreatesTheLatestSchemaOnEveryBackend) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      auto store = Store::Open(tdb.uri());
      BOOST_REQUIRE_MESSAGE(store.ok(), store.status().message());
      BOOST_TEST((*store)->schema_version() == LatestSchemaVersion());
      BOOST_TEST((*store)->applied_migrations() == LatestSchemaVersion());
      auto tx = (*store)->BeginRead();
      BOOST_REQUIRE(tx.ok());
      for (const char* table :
           {"workflow_definitions", "instances", "events", "deadlines", "outbox", "koop_meta"}) {
        auto rows = tx->Query(std::string("SELECT COUNT(*) FROM ") + table);
        BOOST_TEST(rows.ok(), table << ": " << rows.status().message());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(ReopeningAppliesNothing) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      BOOST_REQUIRE(Store::Open(tdb.uri()).ok());
      auto again = Store::Open(tdb.uri());
      BOOST_REQUIRE_MESSAGE(again.ok(), again.status().message());
      BOOST_TEST((*again)->applied_migrations() == 0);
      BOOST_TEST((*again)->schema_version() == LatestSchemaVersion());
    }
  }
}

BOOST_AUTO_TEST_CASE(SqliteUsesWalAndForeignKeys) {
  TempDir dir;
  auto store = Store::Open(dir.File("k.db"));
  BOOST_REQUIRE(store.ok());
  auto tx = (*store)->BeginRead();
  auto mode = tx->Query("PRAGMA journal_mode");
  BOOST_REQUIRE(mode.ok());
  BOOST_TEST(mode->front().Text(0) == "wal");
  auto fk = tx->Query("PRAGMA foreign_keys");
  BOOST_TEST(fk->front().Int(0) == 1);
}

BOOST_AUTO_TEST_CASE(RefusesANewerSchemaAndChangesNothing) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      {
        auto store = Store::Open(tdb.uri());
        BOOST_REQUIRE(store.ok());
        auto tx = (*store)->BeginWrite();
        BOOST_REQUIRE(
            tx->Exec("UPDATE koop_meta SET value = '999' WHERE key = 'schema_version'").ok());
        BOOST_REQUIRE(tx->Commit().ok());
      }
      std::string before = kind == "sqlite" ? ReadFile(tdb.uri()) : "";
      auto store = Store::Open(tdb.uri());
      BOOST_REQUIRE(!store.ok());
      BOOST_TEST(store.status().exit_code() == 65);
      BOOST_TEST(store.status().message().find("schema version 999 is newer than this koop "
                                               "supports") != std::string::npos,
                 store.status().message());
      if (kind == "sqlite") {
        BOOST_TEST(ReadFile(tdb.uri()) == before);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(MissingDirectoryIsAnIoErrorAndCreatesNothing) {
  TempDir dir;
  std::string path = dir.File("no/such/dir/koop.db");
  auto store = Store::Open(path);
  BOOST_REQUIRE(!store.ok());
  BOOST_TEST(store.status().exit_code() == 74);
  BOOST_TEST(store.status().message() == path + ": cannot create the database: directory '" +
                                             dir.File("no/such/dir") + "' does not exist");
  BOOST_TEST(!fs::exists(dir.File("no")));
}

BOOST_AUTO_TEST_CASE(DirectoryAsDatabaseIsAnIoError) {
  TempDir dir;
  auto store = Store::Open(dir.path().string());
  BOOST_REQUIRE(!store.ok());
  BOOST_TEST(store.status().exit_code() == 74);
  BOOST_TEST(store.status().message().find("is a directory") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(AFileThatIsNoDatabaseIsBadDataAndStaysAsItWas) {
  TempDir dir;
  std::string path = dir.File("notes.txt");
  std::ofstream(path) << std::string(5000, 'x') << "\nnot a database\n";
  std::string before = ReadFile(path);
  auto store = Store::Open(path);
  BOOST_REQUIRE(!store.ok());
  BOOST_TEST(store.status().exit_code() == 65, store.status().message());
  BOOST_TEST(store.status().message() ==
             path +
                 ": not a SQLite database, or a truncated one (5016 bytes is not a whole number "
                 "of 512-byte units); restore it from a backup (a new register is made with `koop "
                 "init` on a path that does not exist)");
  BOOST_TEST(ReadFile(path) == before);
}

BOOST_AUTO_TEST_CASE(AForeignSqliteDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.File("other.db");
  {
    auto db = OpenDatabase(*ParseDbUri(path), {});
    BOOST_REQUIRE(db.ok());
    BOOST_REQUIRE((*db)->Exec("CREATE TABLE customers (id TEXT)").ok());
  }
  std::string before = ReadFile(path);
  auto store = Store::Open(path);
  BOOST_REQUIRE(!store.ok());
  BOOST_TEST(store.status().exit_code() == 65);
  BOOST_TEST(store.status().message() ==
             path + ": not a koop database (it has tables but no koop_meta table)");
  BOOST_TEST(ReadFile(path) == before);
}

BOOST_AUTO_TEST_CASE(WithoutCreateAMissingDatabaseIsNoInput) {
  TempDir dir;
  std::string path = dir.File("absent.db");
  OpenOptions options;
  options.create_if_missing = false;
  auto store = Store::Open(path, options);
  BOOST_REQUIRE(!store.ok());
  BOOST_TEST(store.status().exit_code() == 66);
  BOOST_TEST(!fs::exists(path));
}

BOOST_AUTO_TEST_CASE(UnreachablePostgresIsAnIoError) {
  auto store = Store::Open("postgresql://nobody@127.0.0.1:1/nothing?connect_timeout=2");
  BOOST_REQUIRE(!store.ok());
  BOOST_TEST(store.status().exit_code() == 74);
  BOOST_TEST(store.status().message().rfind("postgresql://nobody@127.0.0.1:1/nothing: cannot "
                                            "connect",
                                            0) == 0,
             store.status().message());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::store

namespace koop::store {
namespace {

BOOST_AUTO_TEST_SUITE(DamagedAndNewFiles)

// Guards against: a 0-byte file (a truncated case register, or `touch koop.db`) being taken for a
// new database: SQLite would migrate a fresh schema into it and every command exited 0. Now it is
// 65 naming the file, for every opening, and the file stays 0 bytes.
BOOST_AUTO_TEST_CASE(ZeroByteFileIsRefusedAndLeftAlone) {
  testing::TempDir dir;
  std::string path = dir.File("koop.db");
  std::ofstream(path).close();
  for (bool create : {true, false}) {
    OpenOptions o;
    o.create_if_missing = create;
    auto store = Store::Open(path, o);
    BOOST_REQUIRE(!store.ok());
    BOOST_TEST(store.status().exit_code() == 65);
    BOOST_TEST(store.status().message() ==
               path +
                   ": the database file is empty (0 bytes), not a koop database; restore it from "
                   "a backup (a new register is made with `koop init` on a path that does not "
                   "exist)");
    BOOST_TEST(fs::file_size(path) == 0u);
    BOOST_TEST(!fs::exists(path + "-wal"));
  }
}

// Guards against: a second process finding the 0-byte file SQLite creates before its first commit
// (and refusing it) when several processes open a new path at once: a new file appears complete.
BOOST_AUTO_TEST_CASE(ConcurrentFirstOpensAllSucceed) {
  testing::TempDir dir;
  std::string path = dir.File("new.db");
  std::vector<Status> results(6);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      auto store = Store::Open(path);
      results[i] = store.ok() ? Status::Ok() : store.status();
    });
  }
  for (auto& t : threads) t.join();
  for (const Status& s : results) BOOST_TEST(s.ok(), s.message());
  auto store = Store::Open(path);
  BOOST_REQUIRE(store.ok());
  BOOST_TEST((*store)->schema_version() == LatestSchemaVersion());
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    std::string name = entry.path().filename().string();
    BOOST_TEST((name == "new.db" || name == "new.db-wal" || name == "new.db-shm"), name);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::store
