// Two schedulers against one PostgreSQL database (KOOP_TEST_PG_URI, set by scripts/with-postgres):
// 10,000 due reminders, two `koop remind` processes started together; each reminder is delivered
// exactly once across both (claims use FOR UPDATE SKIP LOCKED). Skipped with a notice without
// PostgreSQL.
#include <Poco/Environment.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>

#include "deadline_fixture.h"
#include "koop_process.h"
#include "unit/store/test_backends.h"

namespace koop::notify {
namespace {

BOOST_AUTO_TEST_SUITE(PgConcurrencyTest)

BOOST_AUTO_TEST_CASE(TwoSchedulersSendEachReminderOnce) {
  if (!Poco::Environment::has("KOOP_TEST_PG_URI")) {
    // CI (KOOP_REQUIRE_PG=1) always has a server: there a missing one fails the test.
    BOOST_REQUIRE_MESSAGE(Poco::Environment::get("KOOP_REQUIRE_PG", "0") != "1",
                          "KOOP_REQUIRE_PG=1 but KOOP_TEST_PG_URI is not set");
    std::printf("SKIPPED: KOOP_TEST_PG_URI not set (run under scripts/with-postgres)\n");
    return;
  }
  BOOST_REQUIRE(Poco::File(testing::KoopBinary()).exists());
  constexpr int kReminders = 10000;
  // A schema of its own: `koop remind` sweeps every due deadline of its database, and other
  // PostgreSQL tests run at the same time.
  testing::TempDir tmp;
  testing::TestDatabase pg("postgresql", tmp);
  const std::string uri = pg.uri();
  testing::DeadlineDb db(uri);
  std::string unique = Poco::TemporaryFile::tempName();
  std::string prefix = "PG" + unique.substr(unique.rfind('/') + 1);
  auto t0 = std::chrono::steady_clock::now();
  db.AddMany(prefix, kReminders, "2030-01-10", R"(["P1D"])");
  auto t1 = std::chrono::steady_clock::now();
  std::string out1 = unique + ".1.log", out2 = unique + ".2.log";
  Poco::ProcessHandle a = testing::LaunchRemind(uri, "2030-01-09T08:00", out1);
  Poco::ProcessHandle b = testing::LaunchRemind(uri, "2030-01-09T08:00", out2);
  int rc_a = a.wait(), rc_b = b.wait();
  auto t2 = std::chrono::steady_clock::now();
  BOOST_TEST(rc_a == 0);
  BOOST_TEST(rc_b == 0);
  std::map<std::string, int> c1 = testing::CountDeliveries(out1),
                             c2 = testing::CountDeliveries(out2);
  std::map<std::string, int> all = c1;
  for (const auto& [id, n] : c2) all[id] += n;
  int mine = 0, twice = 0;
  for (const auto& [id, n] : all) {
    if (id.rfind("<" + prefix, 0) != 0) continue;
    ++mine;
    if (n != 1) ++twice;
  }
  std::printf(
      "pg concurrency: seeded %d in %.1f s; two schedulers delivered %d (%zu + %zu) in %.1f s; %d "
      "more than once\n",
      kReminders, std::chrono::duration<double>(t1 - t0).count(), mine, c1.size(), c2.size(),
      std::chrono::duration<double>(t2 - t1).count(), twice);
  BOOST_TEST(mine == kReminders);
  BOOST_TEST(twice == 0);
  for (const std::string& f : {out1, out2, out1 + ".err", out2 + ".err"}) {
    if (Poco::File(f).exists()) Poco::File(f).remove();
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
