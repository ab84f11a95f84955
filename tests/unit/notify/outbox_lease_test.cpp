// The outbox's lease protocol, step by step, on SQLite and (with KOOP_TEST_PG_URI) PostgreSQL.
#include <Poco/Environment.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>

#include "deadline_fixture.h"
#include "store/reminder_queries.h"
#include "unit/store/test_backends.h"

namespace koop::notify {
namespace {

constexpr TimeMs kMinute = 60 * 1000;

std::vector<std::string> Uris() {
  std::vector<std::string> uris = {""};
  if (Poco::Environment::has("KOOP_TEST_PG_URI")) {
    // A schema of its own for this process (other PostgreSQL tests claim due rows at the same
    // time); dropped at exit.
    static testing::TempDir tmp;
    static testing::TestDatabase pg("postgresql", tmp);
    uris.push_back(pg.uri());
  } else {
    std::printf("SKIPPED (PostgreSQL half): KOOP_TEST_PG_URI not set\n");
  }
  return uris;
}

// One due outbox row of a fresh instance; returns its message id.
std::string QueueOne(testing::DeadlineDb& db, TimeMs due) {
  std::string unique = Poco::TemporaryFile::tempName();
  std::string instance = "LEASE-" + unique.substr(unique.rfind('/') + 1);
  db.AddInstance(instance);
  auto tx = db.store().BeginWrite();
  store::OutboxRow row{"<" + instance + "@test>",
                       instance,
                       "",
                       0,
                       "reminder",
                       "log",
                       "coordinator",
                       "Temat",
                       "Treść",
                       due,
                       due,
                       0};
  BOOST_REQUIRE(store::InsertOutbox(*tx, row).value());
  BOOST_REQUIRE(tx->Commit().ok());
  return row.message_id;
}

// Claims for `worker` at the caller's time `now`; returns how many of the rows are `id`.
int Claim(testing::DeadlineDb& db, const std::string& worker, TimeMs now, TimeMs lease_ms,
          const std::string& id, int* takeovers = nullptr) {
  auto tx = db.store().BeginWrite();
  auto claimed = store::ClaimOutbox(*tx, worker, now, lease_ms, 1000);
  BOOST_REQUIRE_MESSAGE(claimed.ok(), claimed.status().message());
  BOOST_REQUIRE(tx->Commit().ok());
  int n = 0;
  for (const auto& r : claimed->rows) n += r.message_id == id;
  if (takeovers) *takeovers = claimed->takeovers;
  return n;
}

bool Begin(testing::DeadlineDb& db, const std::string& worker, const std::string& id,
           TimeMs lease_ms) {
  auto tx = db.store().BeginWrite();
  bool mine = store::BeginSending(*tx, id, worker, lease_ms).value();
  BOOST_REQUIRE(tx->Commit().ok());
  return mine;
}

bool Mark(testing::DeadlineDb& db, const std::string& worker, const std::string& id, TimeMs at) {
  auto tx = db.store().BeginWrite();
  bool mine = store::MarkOutboxSent(*tx, id, worker, at).value();
  BOOST_REQUIRE(tx->Commit().ok());
  return mine;
}

BOOST_AUTO_TEST_SUITE(OutboxLeaseTest)

// Guards against: a second scheduler whose clock (or --now) is minutes ahead taking the rows a
// live scheduler had claimed — the claim expired by the caller's time — and sending them again
// (85 of 120 reminders went twice). The lease runs on the database's clock.
BOOST_AUTO_TEST_CASE(ACallerClockMinutesAheadCannotTakeALiveLease) {
  for (const std::string& uri : Uris()) {
    testing::DeadlineDb db(uri);
    TimeMs t = ParseInstant("2026-12-16T07:00").value();
    std::string id = QueueOne(db, t);
    BOOST_TEST(Claim(db, "A", t, 5 * kMinute, id) == 1);
    BOOST_TEST(Claim(db, "B", t + 10 * kMinute, 5 * kMinute, id) == 0);
    BOOST_TEST(Claim(db, "B", t + 24 * 60 * kMinute, 5 * kMinute, id) == 0);
    BOOST_TEST(!Begin(db, "B", id, 5 * kMinute));  // not B's
    BOOST_TEST(Begin(db, "A", id, 5 * kMinute));
    BOOST_TEST(!Mark(db, "B", id, t));
    BOOST_TEST(Mark(db, "A", id, t));
    BOOST_TEST(Claim(db, "B", t + 60 * kMinute, 5 * kMinute, id) == 0);  // sent: never again
  }
}

// Guards against: a worker sending a row another worker took over after its lease ran out, and
// marking it sent as if nothing happened. The takeover of a row left 'sending' is counted (the
// SMTP acceptance window) and the first worker's mark is refused (reported as a lost lease).
BOOST_AUTO_TEST_CASE(ALapsedSendingRowIsTakenOverCountedAndTheOldMarkRefused) {
  for (const std::string& uri : Uris()) {
    testing::DeadlineDb db(uri);
    TimeMs t = ParseInstant("2026-12-16T07:00").value();
    std::string id = QueueOne(db, t);
    BOOST_TEST(Claim(db, "A", t, 5 * kMinute, id) == 1);
    // A starts sending with a lease that has already run out on the database's clock (as if it
    // had been stopped for longer than the lease).
    BOOST_TEST(Begin(db, "A", id, -kMinute));
    int takeovers = 0;
    BOOST_TEST(Claim(db, "B", t, 5 * kMinute, id, &takeovers) == 1);
    BOOST_TEST(takeovers == 1);
    BOOST_TEST(!Begin(db, "A", id, 5 * kMinute));
    BOOST_TEST(!Mark(db, "A", id, t));  // A's send is reported, never recorded as B's
    BOOST_TEST(Begin(db, "B", id, 5 * kMinute));
    BOOST_TEST(Mark(db, "B", id, t));
    auto tx = db.store().BeginRead();
    auto row =
        tx->Query("SELECT state, takeovers, claimed_by FROM outbox WHERE message_id = ?", {id});
    BOOST_REQUIRE(row.ok());
    BOOST_TEST(row->front().Text(0) == "sent");
    BOOST_TEST(row->front().Int(1) == 1);
    BOOST_TEST(row->front().Text(2) == "B");
  }
}

// Guards against: a batch claim that ran out (a long batch) being sent by its first worker after
// another worker claimed the row: BeginSending re-checks the claim before the channel runs.
BOOST_AUTO_TEST_CASE(AnExpiredBatchClaimIsReCheckedBeforeSending) {
  for (const std::string& uri : Uris()) {
    testing::DeadlineDb db(uri);
    TimeMs t = ParseInstant("2026-12-16T07:00").value();
    std::string id = QueueOne(db, t);
    BOOST_TEST(Claim(db, "A", t, -kMinute, id) == 1);  // A's batch lease has run out
    int takeovers = -1;
    BOOST_TEST(Claim(db, "B", t, 5 * kMinute, id, &takeovers) == 1);
    BOOST_TEST(takeovers == 0);  // it was only queued: no possible repeat
    BOOST_TEST(!Begin(db, "A", id, 5 * kMinute));
    BOOST_TEST(Begin(db, "B", id, 5 * kMinute));
    BOOST_TEST(Mark(db, "B", id, t));
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
