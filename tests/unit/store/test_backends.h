// Test helpers: the database backends a storage test runs against. SQLite (a fresh file in a
// temporary folder) always; PostgreSQL when KOOP_TEST_PG_URI is set (scripts/with-postgres sets
// it), each test in its own fresh schema so tests can run in parallel. Without the variable the
// helper prints "skipped: no PostgreSQL" once.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/db_uri.h"

namespace koop::testing {

// A temporary folder removed when the object goes out of scope.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("koop-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// One backend for one test: a URI that names an empty database, cleaned up afterwards.
class TestDatabase {
 public:
  TestDatabase(const std::string& kind, TempDir& dir) : kind_(kind) {
    if (kind == "sqlite") {
      uri_ = dir.File("test.db");
      return;
    }
    static std::atomic<int> counter{0};
    std::random_device rd;
    schema_ = "koop_t" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
              std::to_string(rd() % 100000);
    base_ = std::getenv("KOOP_TEST_PG_URI");
    Admin("CREATE SCHEMA " + schema_);
    uri_ = base_ + (base_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
           schema_;
  }
  ~TestDatabase() {
    if (!schema_.empty()) Admin("DROP SCHEMA " + schema_ + " CASCADE");
  }
  const std::string& uri() const { return uri_; }
  const std::string& kind() const { return kind_; }

 private:
  void Admin(const std::string& sql) {
    auto parsed = store::ParseDbUri(base_);
    auto db = store::OpenDatabase(*parsed, {});
    if (!db.ok()) {
      std::cerr << "PostgreSQL admin: " << db.status().message() << "\n";
      return;
    }
    auto s = (*db)->Exec(sql);
    if (!s.ok()) std::cerr << "PostgreSQL admin: " << s.status().message() << "\n";
  }

  std::string kind_, uri_, schema_, base_;
};

// "sqlite", plus "postgresql" when a test server is available.
inline std::vector<std::string> Backends() {
  std::vector<std::string> kinds = {"sqlite"};
  const char* pg = std::getenv("KOOP_TEST_PG_URI");
  if (pg != nullptr && *pg != '\0') {
    kinds.push_back("postgresql");
  } else {
    // CI (KOOP_REQUIRE_PG=1) always has a server: there a missing one fails the test.
    const char* required = std::getenv("KOOP_REQUIRE_PG");
    if (required != nullptr && std::string(required) == "1") {
      throw std::runtime_error("KOOP_REQUIRE_PG=1 but KOOP_TEST_PG_URI is not set");
    }
    static bool told = false;
    if (!told) {
      std::cout << "SKIPPED: no PostgreSQL (KOOP_TEST_PG_URI not set; run under "
                   "scripts/with-postgres)\n";
      told = true;
    }
  }
  return kinds;
}

}  // namespace koop::testing
