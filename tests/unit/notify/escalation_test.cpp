// Regressions of issue #7 at simulated dates in November 2026 (11 Nov is a statutory day off):
//  - escalations were never sent: deadline rows kept no escalation, the scheduler planned none;
//  - reminder and escalation days ignored the municipality's own closure days and office hours
//    (the scheduler counted on the statutory calendar only);
//  - deadline events were raised at the tick's time instead of the time they fell due.
#include <boost/test/unit_test.hpp>
#include <sstream>
#include <vector>

#include "deadline_fixture.h"
#include "notify/scheduler.h"
#include "scheduler_harness.h"
#include "store/reminder_queries.h"
#include "time/deadline_actions.h"

namespace koop::notify {
namespace {

using testing::Local;

// The fixture's municipality plus a director (escalations), closure days on Monday 9 Nov and
// Friday 13 Nov 2026, and an office that does not open on Wednesdays.
std::string ClosureTownJson() {
  return R"({"id":"sieradz","name":"Gmina Sieradz","institutions":[
    {"id":"ops","name":"OPS Sieradz","type":"OPS","email":"ops@sieradz.example.pl","roles":["lead"],
     "contacts":[{"name":"Jan Kowalski","email":"koordynator@sieradz.example.pl","phone":"600100200",
                  "roles":["coordinator"]},
                 {"name":"Anna Nowak","email":"dyrektor@sieradz.example.pl","phone":"600300400",
                  "roles":["director"]}]}],
    "officeHours":{"mon":["07:30","15:30"],"tue":["07:30","15:30"],"thu":["07:30","15:30"],
                   "fri":["07:30","15:30"]},
    "closures":[{"date":"2026-11-09","reason":"dzień wolny za sobotę"},
                {"date":"2026-11-13","reason":"dzień wolny za 15 sierpnia"}]})";
}

struct Harness : testing::SchedulerHarness {
  Harness() { scheduler->set_dry_run_output(&log); }
  // A deadline due Tuesday 10 Nov 2026, reminded P1D before, escalated P1D after to the director.
  void AddEscalated(const std::string& instance) {
    db.AddInstance(instance, ClosureTownJson());
    store::DeadlineRow row = testing::DeadlineDb::Row(instance, "ggk.invitations", "2026-11-10",
                                                      R"(["P1D"])", R"(["coordinator"])");
    row.escalate = "P1D";
    row.escalate_to = R"(["director"])";
    db.AddRow(row);
  }
};

BOOST_AUTO_TEST_SUITE(EscalationAndMunicipalityCalendar)

BOOST_AUTO_TEST_CASE(EscalationGoesOnceToTheEscalationRoleOnAWorkingDay) {
  Harness h;
  h.AddEscalated("OPS-E1");
  // P1D before Tuesday is Monday 9 Nov, a closure day: the reminder moves back to Friday 6 Nov.
  BOOST_TEST(h.Tick("2026-11-06T07:00").sent == 1);
  BOOST_TEST(h.TakeLog().find("to coordinator: Przypomnienie") != std::string::npos);
  BOOST_TEST(h.Tick("2026-11-09T07:00").sent == 0);
  BOOST_TEST(h.Tick("2026-11-10T07:00").sent == 1);  // due
  BOOST_TEST(h.Tick("2026-11-11T00:00").sent == 1);  // overdue
  h.TakeLog();
  // Due + P1D = 11 Nov (statutory day off) -> 12 Nov (Thursday) under KPA. 12 Nov is a working
  // day of this office, so the escalation goes out then, to the director only.
  BOOST_TEST(h.Tick("2026-11-12T06:59").sent == 0);
  TickReport r = h.Tick("2026-11-12T07:00");
  BOOST_TEST(r.sent == 1);
  std::string log = h.TakeLog();
  BOOST_TEST(log.find("to director: Eskalacja: Wysłanie zaproszeń na posiedzenie GGK (sprawa "
                      "OPS-E1)") != std::string::npos,
             log);
  BOOST_TEST(log.find(".escalation.P1D.") != std::string::npos);
  BOOST_TEST(log.find("to coordinator") == std::string::npos);
  BOOST_TEST(h.Tick("2026-11-12T07:01").sent == 0);  // once
  BOOST_TEST(h.Tick("2026-12-01T07:00").sent == 0);
  auto tx = h.db.store().BeginRead();
  BOOST_TEST(store::NextDeadlineAction(*tx).value() == store::kNeverMs);
  // RODO: the body names the case, task, stage and dates only.
  auto rows = tx->Query("SELECT recipient, subject, body FROM outbox WHERE kind = 'escalation'");
  BOOST_REQUIRE(rows.ok());
  BOOST_REQUIRE(rows->size() == 1u);
  std::string everything = log;
  for (size_t i = 0; i < rows->front().size(); ++i) everything += rows->front().Text(i);
  BOOST_TEST(everything.find("2 dni temu") != std::string::npos, everything);
  for (const char* secret : {"Nowak", "Kowalski", "dyrektor@", "600300400", "85010112345"}) {
    BOOST_TEST(everything.find(secret) == std::string::npos, "leaked " << secret);
  }
}

BOOST_AUTO_TEST_CASE(EscalationDayMovesOffClosureDaysAndClosedWeekdays) {
  auto cal = Calendar::Polish();
  cal->AddClosureDay(Date::Parse("2026-11-13").value(), "zamknięte");
  cal->SetOfficeHours(3, OfficeHours{0, 0});  // no office on Wednesdays
  // Due Monday 9 Nov, escalate P3D -> Thursday 12 Nov: a working day.
  auto a = DeadlineActions(Date::Parse("2026-11-09").value(), {}, 7 * 60, *cal, "P3D");
  BOOST_REQUIRE(a.size() == 3u);
  BOOST_TEST(std::string(ReminderKindName(a[2].kind)) == "escalation");
  BOOST_TEST(a[2].day.ToString() == "2026-11-12");
  // Due Tuesday 10 Nov, escalate P3D -> 13 Nov (closure) -> Sat, Sun -> Monday 16 Nov.
  a = DeadlineActions(Date::Parse("2026-11-10").value(), {}, 7 * 60, *cal, "P3D");
  BOOST_TEST(a.back().day.ToString() == "2026-11-16");
  BOOST_TEST(FormatInstantUtc(a.back().at) == "2026-11-16T06:00:00Z");
  // Due Monday 16 Nov, escalate P2D -> Wednesday 18 Nov, the office is shut -> Thursday.
  a = DeadlineActions(Date::Parse("2026-11-16").value(), {}, 7 * 60, *cal, "P2D");
  BOOST_TEST(a.back().day.ToString() == "2026-11-19");
  // A reminder the day before Thursday 19 Nov lands on the shut Wednesday: back to Tuesday.
  a = DeadlineActions(Date::Parse("2026-11-19").value(), {"P1D"}, 7 * 60, *cal);
  BOOST_TEST(a.front().day.ToString() == "2026-11-17");
  // Without an escalation: no escalation action.
  BOOST_TEST(DeadlineActions(Date::Parse("2026-11-19").value(), {}, 420, *cal).size() == 2u);
}

BOOST_AUTO_TEST_CASE(CatchUpSendsTheOverdueNoticeAndTheEscalationEachOnce) {
  Harness h;
  h.AddEscalated("OPS-E2");
  // Down from before the reminder until well after the escalation day.
  TickReport r = h.Tick("2026-11-20T09:00");
  BOOST_TEST(r.sent == 2);
  BOOST_TEST(r.events_raised == 2);
  std::string log = h.TakeLog();
  BOOST_TEST(log.find("to coordinator: Termin minął") != std::string::npos, log);
  BOOST_TEST(log.find("to director: Eskalacja") != std::string::npos, log);
  BOOST_TEST(log.find("Przypomnienie") == std::string::npos);
  // Raised late, the events still carry the time they fell due (07:00 and midnight, Warsaw).
  BOOST_REQUIRE(h.sink.raised.size() == 2u);
  BOOST_TEST(h.sink.raised[0] == "OPS-E2 deadline.ggk.invitations.due 2026-11-10T06:00:00Z");
  BOOST_TEST(h.sink.raised[1] == "OPS-E2 deadline.ggk.invitations.overdue 2026-11-10T23:00:00Z");
  BOOST_TEST(h.Tick("2026-11-20T09:01").sent == 0);
}

BOOST_AUTO_TEST_CASE(NoEscalationOnceSatisfied) {
  Harness h;
  h.AddEscalated("OPS-E3");
  BOOST_TEST(h.Tick("2026-11-11T00:00").sent == 1);  // overdue (catch-up)
  h.db.Close("OPS-E3", "ggk.invitations");
  BOOST_TEST(h.Tick("2026-11-12T07:00").sent == 0);
  BOOST_TEST(h.TakeLog().find("director") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(DryRunListsTheEscalation) {
  Harness h;
  h.AddEscalated("OPS-E4");
  BOOST_TEST(h.Tick("2026-11-11T00:00").sent == 1);
  std::ostringstream dry;
  SchedulerOptions o;
  o.dry_run = true;
  ReminderScheduler dry_run(h.db.store(), ReminderTemplates::Defaults(), nullptr,
                            NewLogChannel(h.log), &h.sink, o);
  dry_run.set_dry_run_output(&dry);
  BOOST_REQUIRE(dry_run.Tick(Local("2026-11-12T07:00")).ok());
  BOOST_TEST(
      dry.str().find("message <OPS-E4.ggk_invitations.1.escalation.P1D.") != std::string::npos,
      dry.str());
  BOOST_TEST(dry.str().find("to director: Eskalacja") != std::string::npos);
  BOOST_TEST(h.Tick("2026-11-12T07:00").sent == 1);  // the real run still has it to send
}

// A sink whose instance has finished: the refusal is logged (without its text) and counted.
class RefusingSink final : public EventSink {
 public:
  Status Raise(const std::string&, const std::string&, TimeMs, const std::string&) override {
    return Status::DataError("instance has finished; Jan Kowalski");
  }
};

BOOST_AUTO_TEST_CASE(ARefusedEventIsLoggedNotSilentlyDropped) {
  testing::DeadlineDb db;
  db.AddInstance("OPS-E5");
  db.AddDeadline("OPS-E5", "a", "2026-11-10", "[]");
  std::ostringstream log;
  RefusingSink sink;
  SchedulerOptions o;
  ReminderScheduler s(db.store(), ReminderTemplates::Defaults(), nullptr, NewLogChannel(log), &sink,
                      o);
  s.set_dry_run_output(&log);
  Result<TickReport> r = s.Tick(Local("2026-11-10T07:00"));
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->dropped == 1);
  BOOST_TEST(log.str().find("event OPS-E5 deadline.a.due dropped: the instance refused it (exit "
                            "65)") != std::string::npos,
             log.str());
  BOOST_TEST(log.str().find("Kowalski") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::notify
