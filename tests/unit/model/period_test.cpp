// Issue 12: the loader and the reminder scheduler read `remind` and `escalate` periods with the
// same parser (koop::Duration), and every period the loader accepts is one the scheduler uses: no
// workflow passes `koop validate` and then loses its reminders.
#include <boost/test/unit_test.hpp>

#include "koop/calendar.h"
#include "model/loader.h"
#include "time/deadline_actions.h"

namespace {

using koop::Calendar;
using koop::Date;
using koop::model::DayPeriodMisfit;

// Texts a workflow author might write, good and bad.
const char* const kCandidates[] = {
    "P1D",   "P2D",  "P7D",  "P2W",    "P1M", "P1Y",    "P1M2D",  "P1Y2M3W4D", "P14D",
    "P1D1W", "P5WD", "PT2H", "P1DT1H", "P0D", "P",      "1D",     "P-1D",      "P1.5D",
    "P2W1D", "PT",   "P1DT", "P3X",    "",    "P1DP1D", "P10000D"};

std::shared_ptr<Calendar> Polish() { return Calendar::Polish(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(Periods)

BOOST_AUTO_TEST_CASE(EveryPeriodTheLoaderAcceptsTheSchedulerUses) {
  auto calendar = Polish();
  const Date due = Date::Parse("2026-12-29").value();
  int accepted = 0;
  for (const char* text : kCandidates) {
    const bool loader_accepts = DayPeriodMisfit(text).empty();
    std::string remind_json = std::string("[\"") + text + "\"]";
    std::vector<koop::DeadlineAction> actions =
        koop::DeadlineActions(due, remind_json, 7 * 60, *calendar, text);
    int before = 0, escalation = 0;
    for (const auto& a : actions) {
      before += a.kind == koop::DeadlineActionKind::kBefore;
      escalation += a.kind == koop::DeadlineActionKind::kEscalation;
    }
    BOOST_TEST_CONTEXT("period '" << text << "'") {
      if (loader_accepts) {
        ++accepted;
        BOOST_CHECK_EQUAL(before, 1);
        BOOST_CHECK_EQUAL(escalation, 1);
      } else {
        BOOST_CHECK_EQUAL(before, 0);  // the scheduler could not have used it either
      }
    }
  }
  BOOST_CHECK_EQUAL(accepted, 11);  // P1D ... P14D, P2W1D, P10000D
}

BOOST_AUTO_TEST_CASE(MisfitsAreNamed) {
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P1D1W"),
                    "invalid duration 'P1D1W' at character 5: 'W' out of order or repeated "
                    "(expected ISO 8601 like P7D, P2W, P3M, P1Y, PT2H or P5WD)");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P5WD"),
                    "'P5WD' is in working days; reminders and escalations count calendar days");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("PT2H"), "'PT2H' has a time part; a period counts whole days");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P0D"),
                    "'P0D' is zero; the reminder on the due date is sent anyway");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P2W1D"), "");
}

BOOST_AUTO_TEST_CASE(TheLoaderRefusesWhatTheSchedulerWouldSkip) {
  auto chart = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
       xmlns:k="urn:kooperacja:workflow:1" version="1.0" name="periods" initial="a">
  <state id="a">
    <onentry>
      <k:deadline id="d1" due="entry + 7 days" remind="P2D,P1D1W"/>
      <k:deadline id="d2" due="entry + 7 days" remind="P1D" escalate="P5WD"/>
    </onentry>
  </state>
</scxml>)X",
                                                "periods.scxml", ".", {});
  BOOST_REQUIRE(!chart.ok());
  const std::string m = chart.status().message();
  BOOST_TEST_MESSAGE(m);
  BOOST_CHECK_EQUAL(m,
                    "periods.scxml:5:48: remind must list ISO 8601 durations of whole days, e.g. "
                    "P2D,P1D: invalid duration 'P1D1W' at character 5: 'W' out of order or "
                    "repeated (expected ISO 8601 like P7D, P2W, P3M, P1Y, PT2H or P5WD)\n"
                    "periods.scxml:6:61: escalate must be an ISO 8601 duration of whole days: "
                    "'P5WD' is in working days; reminders and escalations count calendar days");
}

BOOST_AUTO_TEST_SUITE_END()
