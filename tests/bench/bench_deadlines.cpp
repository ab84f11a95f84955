// Benchmark: the scheduler's "what falls due next" query and one scheduler tick with 1,000,000
// open deadlines. Prints figures; not a test.
//
//   bench_deadlines [--db URI] [--deadlines N] [--due N]
//
// Default: a temp SQLite file. The rows are generated inside the database (a recursive CTE on
// SQLite, generate_series on PostgreSQL): N deadlines over 10,000 instances, due dates spread over
// the coming years, already planned (next_action_at set) except for `--due` of them whose next
// action is now — the work of one tick.
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <string>

#include "notify/scheduler.h"
#include "store/reminder_queries.h"
#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void Die(const koop::Status& s) {
  if (!s.ok()) {
    std::fprintf(stderr, "bench_deadlines: %s\n", s.message().c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string uri;
  long long n = 1000000, due = 1000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) uri = argv[i + 1];
    if (!std::strcmp(argv[i], "--deadlines")) n = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--due")) due = std::atoll(argv[i + 1]);
  }
  std::string temp;
  if (uri.empty()) uri = temp = Poco::TemporaryFile::tempName() + ".db";
  auto store = koop::store::Store::Open(uri);
  Die(store.status());
  bool pg = (*store)->dialect() == koop::store::Dialect::kPostgres;
  const long long kNow = koop::ParseInstant("2026-11-26T07:00").value();
  const long long kDay = 86400000LL;
  const long long instances = 10000;
  auto t0 = Clock::now();
  {
    auto tx = (*store)->BeginWrite();
    Die(tx.status());
    Die(tx->Exec("DELETE FROM outbox").status());
    Die(tx->Exec("DELETE FROM deadlines WHERE instance_id LIKE 'bench-%'").status());
    Die(tx->Exec("INSERT INTO workflow_definitions (workflow_id, version, hash, source, "
                 "source_name, created_at) VALUES ('bench', '1', 'bench', '<scxml/>', "
                 "'bench.xml', 0) ON CONFLICT DO NOTHING")
            .status());
    std::string seq = pg ? "SELECT generate_series(0, ?) AS i"
                         : "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE "
                           "i < ?) SELECT i FROM s";
    // Columns named: a migration that adds one must not break the benchmark.
    Die(tx->Exec("INSERT INTO instances (instance_id, workflow_id, workflow_version, "
                 "municipality_id, municipality, status, last_seq, snapshot, next_timer_at, "
                 "created_at, updated_at) SELECT 'bench-' || i, 'bench', '1', 'bench', "
                 "'{\"institutions\":[]}', 'active', 0, '{}', NULL, 0, 0 FROM (" +
                     seq +
                     ") AS g WHERE true "
                     "ON CONFLICT DO NOTHING",
                 {instances - 1})
            .status());
    // Deadline i: instance i % 10000, due in `days` days (the first `due` ones in 2 days, so
    // their P2D reminder is due now; the others 3 days to ~5 years ahead), already planned.
    std::string days =
        "CAST(CASE WHEN i < " + std::to_string(due) + " THEN 2 ELSE 3 + i % 1800 END AS BIGINT)";
    std::string due_at =
        "(" + std::to_string(kNow) + " + " + days + " * " + std::to_string(kDay) + ")";
    std::string due_date = pg ? "to_char(to_timestamp(" + due_at + " / 1000), 'YYYY-MM-DD')"
                              : "date(" + due_at + " / 1000, 'unixepoch')";
    std::ostringstream sql;
    sql << "INSERT INTO deadlines (instance_id, deadline_id, occurrence, title, due_date, due_at, "
           "state, owner_state, remind, recipients, created_at, updated_at, next_action_at, "
           "actions_done) SELECT 'bench-' || (i % "
        << instances
        << "), 'd' || i, 1, "
           "'Zadanie', "
        << due_date << ", " << due_at
        << ", 'open', 's', "
           "'[\"P2D\"]', '[\"coordinator\"]', 0, 0, "
        << due_at << " - 2 * " << kDay << ", 0 FROM (" << seq << ") AS g";
    Die(tx->Exec(sql.str(), {n - 1}).status());
    Die(tx->Commit());
  }
  if (pg) {
    auto tx = (*store)->BeginWrite();
    Die(tx->Exec("ANALYZE deadlines").status());
    Die(tx->Commit());
  }
  auto t1 = Clock::now();
  std::printf("backend %s: %lld open deadlines over %lld instances generated in %.1f s\n",
              pg ? "postgresql" : "sqlite", n, instances, Ms(t0, t1) / 1000);

  // The next-due query, repeated.
  const int kRuns = 200;
  double best = 1e9, total = 0;
  for (int r = 0; r < kRuns; ++r) {
    auto a = Clock::now();
    auto tx = (*store)->BeginRead();
    Die(tx.status());
    auto next = koop::store::NextDeadlineAction(*tx);
    Die(next.status());
    auto b = Clock::now();
    best = std::min(best, Ms(a, b));
    total += Ms(a, b);
  }
  std::printf("next-due query (earliest next action): best %.3f ms, mean %.3f ms over %d runs\n",
              best, total / kRuns, kRuns);
  {
    auto a = Clock::now();
    auto tx = (*store)->BeginRead();
    auto rows = koop::store::DeadlinesNeedingAction(*tx, kNow, 1000);
    Die(rows.status());
    auto b = Clock::now();
    std::printf("due-work query (%zu deadlines due now, batch 1000): %.3f ms\n", rows->size(),
                Ms(a, b));
  }
  // One tick: plan the due deadlines (outbox rows in the same transaction) and deliver them to the
  // log channel (a memory stream).
  std::ostringstream sink;
  koop::notify::SchedulerOptions options;
  options.worker_id = "bench";
  koop::notify::ReminderScheduler scheduler(**store, koop::notify::ReminderTemplates::Defaults(),
                                            nullptr, koop::notify::NewLogChannel(sink), nullptr,
                                            options);
  auto a = Clock::now();
  auto report = scheduler.Tick(kNow);
  auto b = Clock::now();
  Die(report.status());
  std::printf(
      "one scheduler tick: %d deadlines planned, %d messages queued and sent in %.1f ms "
      "(%.3f ms per reminder)\n",
      report->deadlines_planned, report->sent, Ms(a, b),
      report->sent ? Ms(a, b) / report->sent : 0.0);
  a = Clock::now();
  report = scheduler.Tick(kNow);
  b = Clock::now();
  std::printf("an idle tick (nothing due): %.3f ms\n", Ms(a, b));
  store->reset();
  if (!temp.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      if (Poco::File(temp + suffix).exists()) Poco::File(temp + suffix).remove();
    }
  }
  return 0;
}
