#include "scenario/scenario_db.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "store/database.h"
#include "store/db_uri.h"

namespace koop::scenario {
namespace fs = std::filesystem;
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(ticks % 1000000);
}

Status AdminExec(const std::string& uri, const std::string& sql) {
  Result<store::DbUri> parsed = store::ParseDbUri(uri);
  if (!parsed.ok()) return parsed.status();
  Result<std::unique_ptr<store::Database>> db = store::OpenDatabase(*parsed, {});
  if (!db.ok()) return db.status();
  Result<std::int64_t> done = (*db)->Exec(sql);
  return done.status();
}

}  // namespace

Result<std::unique_ptr<FreshDatabase>> FreshDatabase::Create(const std::string& postgres_uri,
                                                             const std::string& sqlite_path) {
  std::unique_ptr<FreshDatabase> db(new FreshDatabase());
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec) / ("koop-scenario-" + UniqueSuffix());
  if (ec || !fs::create_directories(dir, ec)) {
    return Status::IoError("cannot create a temporary folder for the scenario: " + ec.message());
  }
  db->temp_dir_ = dir.string();
  if (postgres_uri.empty()) {
    db->uri_ = sqlite_path.empty() ? (dir / "scenario.db").string() : sqlite_path;
    return db;
  }
  if (postgres_uri.rfind("postgresql://", 0) != 0 && postgres_uri.rfind("postgres://", 0) != 0) {
    return Status::Usage("expected a postgresql:// URI, got '" + postgres_uri + "'");
  }
  std::string schema = "koop_scenario_" + UniqueSuffix();
  KOOP_RETURN_IF_ERROR(AdminExec(postgres_uri, "CREATE SCHEMA " + schema)
                           .WithContext("cannot create a schema for the scenario"));
  db->admin_uri_ = postgres_uri;
  db->schema_ = schema;
  db->uri_ = postgres_uri + (postgres_uri.find('?') == std::string::npos ? "?" : "&") +
             "options=-csearch_path%3D" + schema;
  return db;
}

FreshDatabase::~FreshDatabase() {
  if (!schema_.empty()) {
    Status dropped = AdminExec(admin_uri_, "DROP SCHEMA " + schema_ + " CASCADE");
    if (!dropped.ok())
      std::cerr << "koop: cannot drop schema " << schema_ << ": " << dropped.message() << "\n";
  }
  std::error_code ec;
  if (!temp_dir_.empty()) fs::remove_all(temp_dir_, ec);
}

}  // namespace koop::scenario
