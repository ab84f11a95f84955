// Crash test: `koop remind` is killed with SIGKILL at random moments, over and over, while it
// delivers 2,000 reminders (log channel into a file, which survives the kill like an SMTP server's
// acceptance would). Afterwards every reminder has been delivered, the outbox has no unsent row,
// and a reminder was delivered twice only where a kill fell between a delivery and its commit —
// at most one such repeat per kill (the documented window). Figures are printed.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "deadline_fixture.h"
#include "koop_process.h"

namespace koop::notify {
namespace {

BOOST_AUTO_TEST_SUITE(CrashTest)

BOOST_AUTO_TEST_CASE(KillNineAnywhereLosesNothing) {
  BOOST_REQUIRE_MESSAGE(Poco::File(testing::KoopBinary()).exists(), "build the koop target first");
  constexpr int kReminders = 2000;
  constexpr int kKills = 120;
  testing::DeadlineDb db;
  db.AddMany("CRASH", kReminders, "2026-01-10", R"(["P1D"])");
  std::string out = Poco::TemporaryFile::tempName() + ".log";
  // Claims are leases on the database's clock: a killed run's rows are free again a second later.
  std::string config = out + ".properties";
  std::ofstream(config) << "reminders.lease=1\n";
  std::mt19937 rng(20261126);
  // Kill moments spread over a run: measure how long a run with nothing to do takes (process
  // start, opening and checking the database), then kill from a little before that to well into
  // planning and delivery.
  auto m0 = std::chrono::steady_clock::now();
  BOOST_REQUIRE(testing::LaunchRemind(db.uri(), "2026-01-01T00:00", out, config).wait() == 0);
  int startup_us = static_cast<int>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - m0)
          .count());
  int span_us = 250000;
  std::uniform_int_distribution<int> delay_us(startup_us * 3 / 4, startup_us + span_us);
  // Each run is six simulated minutes after the previous, so the claims of a killed run (a five
  // minute lease) can be taken over by the next.
  TimeMs start = ParseInstant("2026-01-09T08:00").value();
  int kills = 0, finished_early = 0, runs = 0;
  // On a loaded machine a run can start much slower than the measured one, so that every kill
  // falls before delivery; then the kill moments are spread wider until killed runs deliver.
  for (int i = 0; i < kKills * 3 && (kills < kKills || testing::CountDeliveries(out).empty());
       ++i) {
    if (i > 0 && i % 20 == 0 && testing::CountDeliveries(out).empty()) {
      span_us *= 2;
      delay_us = std::uniform_int_distribution<int>(startup_us * 3 / 4, startup_us + span_us);
    }
    runs = i + 1;
    std::string now = FormatInstantUtc(start + i * 6LL * 60 * 1000);
    Poco::ProcessHandle child = testing::LaunchRemind(db.uri(), now, out, config);
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(rng)));
    if (Poco::Process::isRunning(child)) {
      Poco::Process::kill(child);
      ++kills;
    } else {
      ++finished_early;
    }
    child.wait();
  }
  int before_clean = static_cast<int>(testing::CountDeliveries(out).size());
  // Then a clean run once the last killed run's lease has run out.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  std::string late = FormatInstantUtc(start + (runs + 1) * 6LL * 60 * 1000);
  BOOST_REQUIRE(testing::LaunchRemind(db.uri(), late, out, config).wait() == 0);
  std::map<std::string, int> counts = testing::CountDeliveries(out);
  int duplicates = 0;
  for (const auto& [id, n] : counts) duplicates += n - 1;
  auto tx = db.store().BeginRead();
  auto unsent = tx->Query("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL");
  auto total = tx->Query("SELECT COUNT(*) FROM outbox");
  // Every repeat must be a counted takeover of a row a killed run left 'sending'.
  auto taken = tx->Query("SELECT message_id, takeovers FROM outbox");
  int uncounted = 0, window = 0;
  for (const auto& r : *taken) {
    window += static_cast<int>(r.Int(1));
    auto it = counts.find(r.Text(0));
    if (it != counts.end() && it->second - 1 > r.Int(1)) ++uncounted;
  }
  BOOST_TEST_MESSAGE("crash test: " << kills << " kills (" << finished_early
                                    << " runs ended before the kill), " << counts.size()
                                    << " distinct reminders delivered, " << duplicates
                                    << " repeats inside the window");
  std::printf(
      "crash test: %d kills, %d reminders delivered by killed runs, %zu/%d in the end, "
      "%d repeats inside the window (%d takeovers counted), %d outside it\n",
      kills, before_clean, counts.size(), kReminders, duplicates, window, uncounted);
  BOOST_TEST(before_clean > 0);  // the kills did fall inside deliveries
  BOOST_TEST(kills >= 100);
  BOOST_TEST(static_cast<int>(counts.size()) == kReminders);  // none lost
  BOOST_TEST((*total)[0].Int(0) == kReminders);               // none queued twice
  BOOST_TEST((*unsent)[0].Int(0) == 0);
  BOOST_TEST(duplicates <= kills);  // at most one per kill
  BOOST_TEST(uncounted == 0);
  Poco::File(out).remove();
  if (Poco::File(out + ".err").exists()) Poco::File(out + ".err").remove();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
