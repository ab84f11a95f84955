// Benchmark: events durably committed per second on SQLite (WAL, synchronous=FULL: every commit
// is fsynced before it returns), and on PostgreSQL when KOOP_TEST_PG_URI is set.
//   1. store only: one transaction per event (event row + instance update);
//   2. engine Fire: one transaction per event (restore + macrostep + snapshot + rows);
//   3. engine FireBatch: group commit of N events (each its own savepoint; nothing is reported
//      before the commit is durable).
// Usage: bench_store [EVENTS] [DIR]   (default 3000 events, a temporary folder)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "koop/database.h"
#include "koop/engine.h"
#include "store/definition_table.h"
#include "store/event_table.h"
#include "store/instance_table.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
const std::string kData = std::string(KOOP_SOURCE_DIR) + "/tests/unit/instance/data/";

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void Report(const char* what, const std::string& db, int n, double seconds) {
  std::printf("%-44s %-10s %7d events %8.3f s %9.0f events/s %8.1f us/event\n", what, db.c_str(), n,
              seconds, n / seconds, seconds * 1e6 / n);
}

int StoreOnly(const std::string& uri, const std::string& label, int n) {
  auto store = koop::store::Store::Open(uri);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  {
    auto tx = (*store)->BeginWrite();
    (void)koop::store::InsertDefinition(*tx, {"bench", "1", "h", "<scxml/>", "bench.xml", 0});
    koop::store::InstanceRow row;
    row.instance_id = "b1";
    row.workflow_id = "bench";
    row.workflow_version = "1";
    row.municipality_id = "m";
    row.municipality = "{}";
    row.status = "active";
    row.snapshot = std::string(1500, 'x');
    (void)koop::store::InsertInstance(*tx, row);
    (void)tx->Commit();
  }
  koop::store::InstanceRow row;
  row.instance_id = "b1";
  row.status = "active";
  row.snapshot = std::string(1500, 'y');
  auto start = Clock::now();
  for (int i = 1; i <= n; ++i) {
    auto tx = (*store)->BeginWrite();
    koop::Status s = koop::store::AppendEvent(
        *tx, {"b1", i, "consent.given", "{\"n\":1}", i * 1000LL, "bench", "handled", 0});
    row.last_seq = i;
    if (s.ok()) s = koop::store::UpdateInstance(*tx, row, i - 1);
    if (s.ok()) s = tx->Commit();
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.message().c_str());
      return 1;
    }
  }
  Report("store: append+update, 1 commit/event", label, n, Seconds(start));
  return 0;
}

int EngineRuns(const std::string& uri, const std::string& label, int n) {
  koop::DatabaseOptions options;
  options.uri = uri;
  options.workflows_dir = kData;
  options.municipalities_dir = kData;
  options.actor = "bench";
  auto db = koop::Database::Open(options);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 1;
  }
  koop::Engine* engine = &(*db)->instances();
  const koop::TimeMs t0 = *koop::ParseInstant("2026-11-23T10:00");
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) {
    auto s = engine->Start({"case", "testtown", "{}", t0});
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().message().c_str());
      return 1;
    }
    ids.push_back(s->instance_id);
  }
  koop::TimeMs t = t0;
  auto start = Clock::now();
  for (int i = 0; i < n; ++i) {
    auto r = engine->Fire({ids[i % ids.size()], "consent.given", "{}", t += 1000});
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().message().c_str());
      return 1;
    }
  }
  Report("engine: Fire, 1 commit/event", label, n, Seconds(start));
  for (int batch : {16, 64}) {
    start = Clock::now();
    int done = 0;
    while (done < n) {
      std::vector<koop::FireRequest> requests;
      for (int j = 0; j < batch && done + j < n; ++j) {
        requests.push_back({ids[(done + j) % ids.size()], "consent.given", "{}", t += 1000});
      }
      for (const auto& r : engine->FireBatch(requests)) {
        if (!r.ok()) {
          std::fprintf(stderr, "%s\n", r.status().message().c_str());
          return 1;
        }
      }
      done += static_cast<int>(requests.size());
    }
    std::string what = "engine: FireBatch, group commit of " + std::to_string(batch);
    Report(what.c_str(), label, n, Seconds(start));
  }
  auto replay_start = Clock::now();
  for (const auto& id : ids) {
    auto r = engine->Replay(id);
    if (!r.ok()) {
      std::fprintf(stderr, "replay: %s\n", r.status().message().c_str());
      return 1;
    }
  }
  Report("engine: Replay (events re-run, verified)", label, 3 * n + 50, Seconds(replay_start));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 3000;
  std::filesystem::path dir = argc > 2 ? std::filesystem::path(argv[2])
                                       : std::filesystem::temp_directory_path() / "koop-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  int rc = StoreOnly((dir / "store.db").string(), "sqlite", n);
  rc |= EngineRuns((dir / "engine.db").string(), "sqlite", n);
  if (const char* pg = std::getenv("KOOP_TEST_PG_URI"); pg && *pg) {
    std::printf("(PostgreSQL: the same database must be empty; use scripts/with-postgres)\n");
    rc |= EngineRuns(pg, "postgresql", n);
  } else {
    std::printf("skipped: no PostgreSQL (KOOP_TEST_PG_URI not set)\n");
  }
  std::filesystem::remove_all(dir);
  return rc;
}
