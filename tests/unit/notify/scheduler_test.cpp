// The scheduler at simulated dates: reminders at their offsets across the DST change, exactly
// once per action, catch-up after downtime sends once, closed deadlines send nothing more, and no
// personal data anywhere in what goes out.
#include "notify/scheduler.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <vector>

#include "deadline_fixture.h"
#include "scheduler_harness.h"
#include "store/reminder_queries.h"
#include "time/deadline_actions.h"

namespace koop::notify {
namespace {

using testing::Local;
using Harness = testing::SchedulerHarness;

BOOST_AUTO_TEST_SUITE(SchedulerTest)

BOOST_AUTO_TEST_CASE(RemindersGoOutOnceOnWorkingDaysAcrossTheDstChange) {
  Harness h;
  h.db.AddInstance("OPS-1");
  h.db.AddDeadline("OPS-1", "ggk.invitations", "2026-03-30");  // Monday after the change
  // P2D (Saturday) and P1D (Sunday, the change day) both move back to Friday: one reminder.
  BOOST_TEST(h.Tick("2026-03-27T06:59").sent == 0);
  TickReport r = h.Tick("2026-03-27T07:00");
  BOOST_TEST(r.sent == 1);
  std::string line = h.TakeLog();
  BOOST_TEST(line.find("to coordinator: Przypomnienie: Wysłanie zaproszeń na posiedzenie GGK – "
                       "termin 2026-03-30") != std::string::npos);
  BOOST_TEST(line.find(".reminder.P2D.") != std::string::npos);
  BOOST_TEST(h.Tick("2026-03-27T07:01").sent == 0);  // cron a minute later: nothing again
  BOOST_TEST(h.Tick("2026-03-28T07:00").sent == 0);
  BOOST_TEST(h.Tick("2026-03-29T07:00").sent == 0);
  BOOST_TEST(h.Tick("2026-03-30T06:59").sent == 0);  // summer time now (UTC+2)
  r = h.Tick("2026-03-30T07:00");
  BOOST_TEST(r.sent == 1);
  BOOST_TEST(r.events_raised == 1);
  BOOST_TEST(h.TakeLog().find("Dziś mija termin") != std::string::npos);
  BOOST_TEST(h.Tick("2026-03-30T23:59").sent == 0);
  r = h.Tick("2026-03-31T00:00");  // the due day is over
  BOOST_TEST(r.sent == 1);
  BOOST_TEST(r.events_raised == 1);
  BOOST_TEST(h.TakeLog().find("Termin minął") != std::string::npos);
  BOOST_REQUIRE(h.sink.raised.size() == 2u);
  BOOST_TEST(h.sink.raised[0] == "OPS-1 deadline.ggk.invitations.due 2026-03-30T05:00:00Z");
  BOOST_TEST(h.sink.raised[1] == "OPS-1 deadline.ggk.invitations.overdue 2026-03-30T22:00:00Z");
  BOOST_TEST(h.Tick("2026-04-10T12:00").sent == 0);  // nothing more, ever
  auto tx = h.db.store().BeginRead();
  BOOST_TEST(store::NextDeadlineAction(*tx).value() == store::kNeverMs);
}

// Reminder days around Easter, Christmas and month ends (send time 07:00 Warsaw).
BOOST_AUTO_TEST_CASE(ReminderDaysAvoidHolidays) {
  auto cal = Calendar::Polish();
  struct Case {
    const char* due;
    const char* remind;
    const char* first_day;
    const char* first_utc;
  };
  const Case cases[] = {
      {"2026-04-07", "P1D", "2026-04-03", "2026-04-03T05:00:00Z"},  // Easter Mon/Sun/Sat
      {"2025-12-29", "P3D", "2025-12-23", "2025-12-23T06:00:00Z"},  // 26, 25, 24 Dec off
      {"2026-03-02", "P1M", "2026-02-02", "2026-02-02T06:00:00Z"},  // a month back, a Monday
      {"2026-03-31", "P1M", "2026-02-27", "2026-02-27T06:00:00Z"},  // 28 Feb Sat -> Fri
      {"2026-11-12", "P1D", "2026-11-10", "2026-11-10T06:00:00Z"},  // 11 Nov
  };
  for (const Case& c : cases) {
    auto actions = DeadlineActions(Date::Parse(c.due).value(), {c.remind}, 7 * 60, *cal);
    BOOST_REQUIRE(actions.size() == 3u);
    BOOST_TEST(actions[0].day.ToString() == c.first_day, c.due);
    BOOST_TEST(FormatInstantUtc(actions[0].at) == c.first_utc, c.due);
  }
}

BOOST_AUTO_TEST_CASE(CatchUpAfterDowntimeSendsOnce) {
  Harness h;
  h.db.AddInstance("OPS-2");
  h.db.AddDeadline("OPS-2", "plan", "2025-12-29");
  // The scheduler was down from before the first reminder until after the deadline.
  TickReport r = h.Tick("2026-01-02T09:00");
  BOOST_TEST(r.sent == 1);           // only the latest message (overdue), not four
  BOOST_TEST(r.events_raised == 2);  // both events, in order
  BOOST_TEST(h.TakeLog().find(".overdue.") != std::string::npos);
  BOOST_TEST(h.Tick("2026-01-02T09:01").sent == 0);
}

BOOST_AUTO_TEST_CASE(SatisfiedDeadlineStopsAndUnsentMessagesAreDropped) {
  Harness h;
  h.db.AddInstance("OPS-3");
  h.db.AddDeadline("OPS-3", "a", "2025-12-23");
  BOOST_TEST(h.Tick("2025-12-21T07:00").sent == 1);
  h.db.Close("OPS-3", "a");
  TickReport r = h.Tick("2025-12-24T07:00");
  BOOST_TEST(r.sent == 0);
  BOOST_TEST(r.events_raised == 0);
}

BOOST_AUTO_TEST_CASE(DryRunListsAndChangesNothing) {
  Harness h;
  h.db.AddInstance("OPS-4");
  h.db.AddDeadline("OPS-4", "a", "2025-12-23");
  std::ostringstream dry;
  SchedulerOptions o;
  o.dry_run = true;
  ReminderScheduler dry_run(h.db.store(), ReminderTemplates::Defaults(), nullptr,
                            NewLogChannel(h.log), &h.sink, o);
  dry_run.set_dry_run_output(&dry);
  BOOST_REQUIRE(dry_run.Tick(Local("2025-12-21T07:00")).ok());
  BOOST_TEST(dry.str().find("message <OPS-4.a.1.reminder.P2D.") != std::string::npos);
  BOOST_TEST(h.TakeLog().empty());
  BOOST_TEST(h.Tick("2025-12-21T07:00").sent == 1);  // the real run still has it to send
}

BOOST_AUTO_TEST_CASE(RecipientsComeFromTheRegistryByRole) {
  Harness h;
  h.db.AddInstance("OPS-5");
  h.db.AddDeadline("OPS-5", "a", "2025-12-23", R"(["P1D"])",
                   R"(["coordinator","ggk.member","rops"])");
  BOOST_TEST(h.Tick("2025-12-22T07:00").sent == 3);
  std::string log = h.TakeLog();
  BOOST_TEST(log.find("to coordinator:") != std::string::npos);
  BOOST_TEST(log.find("to ggk.member:") != std::string::npos);
  BOOST_TEST(log.find("to rops:") != std::string::npos);  // nobody holds it: logged, not lost
}

// RODO: the instance's data and the registry hold a name, a PESEL and a diagnosis; none of them may
// appear in anything the scheduler writes or sends.
BOOST_AUTO_TEST_CASE(NothingPersonalLeaves) {
  Harness h;
  h.db.AddInstance("OPS-6");
  h.db.AddDeadline("OPS-6", "a", "2025-12-23");
  h.Tick("2025-12-24T07:00");
  std::string everything = h.TakeLog();
  auto tx = h.db.store().BeginRead();
  auto rows = tx->Query(
      "SELECT message_id, recipient, subject, body, COALESCE(last_error, '') FROM outbox");
  BOOST_REQUIRE(rows.ok());
  BOOST_TEST(rows->size() == 3u);
  for (const auto& r : *rows) {
    for (size_t i = 0; i < r.size(); ++i) everything += r.Text(i) + "\n";
  }
  for (const char* secret : {testing::kPersonalName, testing::kPersonalPesel,
                             testing::kPersonalDiagnosis, "Kowalski", "600100200"}) {
    BOOST_TEST(everything.find(secret) == std::string::npos, "leaked " << secret);
  }
  BOOST_TEST(everything.find("OPS-6") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(MessageIdsAreStable) {
  std::string a =
      StableMessageId("OPS-1", "ggk.invitations", 1, "reminder", "P2D", "coordinator", "k.pl");
  BOOST_TEST(a == StableMessageId("OPS-1", "ggk.invitations", 1, "reminder", "P2D", "coordinator",
                                  "k.pl"));
  BOOST_TEST(a != StableMessageId("OPS-1", "ggk.invitations", 2, "reminder", "P2D", "coordinator",
                                  "k.pl"));
  BOOST_TEST(a.rfind("<OPS-1.ggk_invitations.1.reminder.P2D.", 0) == 0);
  BOOST_TEST(a.substr(a.size() - 6) == "@k.pl>");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
