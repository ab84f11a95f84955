#include "time/recurrence.h"

#include <boost/test/unit_test.hpp>

namespace koop {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }
Duration P(const char* text) { return Duration::Parse(text).value(); }

BOOST_AUTO_TEST_SUITE(RecurrenceTest)

BOOST_AUTO_TEST_CASE(MonthEndDoesNotDriftWhenSatisfiedOnTime) {
  Recurrence r = Recurrence::Start(P("P1M"), D("2025-01-31")).value();
  const char* expected[] = {"2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31",
                            "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30"};
  for (const char* e : expected) {
    BOOST_TEST(r.NextDue().ToString() == e);
    r.Satisfied(r.NextDue());
  }
}

BOOST_AUTO_TEST_CASE(QuarterlyFromThe31st) {
  Recurrence r = Recurrence::Start(P("P3M"), D("2025-08-31")).value();
  BOOST_TEST(r.NextDue().ToString() == "2025-11-30");
  r.Satisfied(D("2025-11-30"));
  BOOST_TEST(r.NextDue().ToString() == "2026-02-28");
  r.Satisfied(D("2026-02-28"));
  BOOST_TEST(r.NextDue().ToString() == "2026-05-31");
}

BOOST_AUTO_TEST_CASE(EarlyOrLateSatisfactionRestartsTheCount) {
  Recurrence r = Recurrence::Start(P("P3M"), D("2025-01-15")).value();
  BOOST_TEST(r.NextDue().ToString() == "2025-04-15");
  r.Satisfied(D("2025-03-20"));  // early: at least every 3 months since then
  BOOST_TEST(r.NextDue().ToString() == "2025-06-20");
  r.Satisfied(D("2025-07-02"));  // late
  BOOST_TEST(r.NextDue().ToString() == "2025-10-02");
}

BOOST_AUTO_TEST_CASE(YearlyFromLeapDay) {
  Recurrence r = Recurrence::Start(P("P1Y"), D("2024-02-29")).value();
  BOOST_TEST(r.NextDue().ToString() == "2025-02-28");
  r.Satisfied(r.NextDue());
  r.Satisfied(r.NextDue());
  r.Satisfied(r.NextDue());
  BOOST_TEST(r.NextDue().ToString() == "2028-02-29");
}

BOOST_AUTO_TEST_CASE(WeeksAndRestore) {
  Recurrence r = Recurrence::Start(P("P2W"), D("2025-12-22")).value();
  BOOST_TEST(r.NextDue().ToString() == "2026-01-05");
  Recurrence back = Recurrence::Restore(r.every(), r.anchor(), 3);
  BOOST_TEST(back.NextDue().ToString() == "2026-02-16");
}

BOOST_AUTO_TEST_CASE(RejectsUnusablePeriods) {
  BOOST_TEST(!Recurrence::Start(P("PT2H"), D("2025-01-01")).ok());
  BOOST_TEST(!Recurrence::Start(P("P5WD"), D("2025-01-01")).ok());
  BOOST_TEST(!Recurrence::Start(P("P0D"), D("2025-01-01")).ok());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
