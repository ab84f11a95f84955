// Issue 12: the loader and the reminder scheduler read `remind` and `escalate` periods with the
// same check (koop::ParsePeriod over koop::Duration), and every period the loader accepts is one
// the scheduler uses for any due date from 1962 to 9988: no workflow passes `koop validate` and
// then loses its reminders.
#include "time/period.h"

#include <boost/test/unit_test.hpp>

#include "koop/calendar.h"
#include "model/loader.h"
#include "time/deadline_actions.h"

namespace {

using koop::Calendar;
using koop::Date;
using koop::model::DayPeriodMisfit;

// Texts a workflow author might write, good and bad, and the bounds: zero, negative, fractions,
// huge (in every unit), calendar months beside working days, time parts.
const char* const kCandidates[] = {
    "P1D",        "P2D",        "P7D",        "P2W",    "P1M",       "P1Y",   "P1M2D",  "P1Y2M3W4D",
    "P14D",       "P1D1W",      "P5WD",       "PT2H",   "P1DT1H",    "P0D",   "P",      "1D",
    "P-1D",       "P1.5D",      "P2W1D",      "PT",     "P1DT",      "P3X",   "",       "P1DP1D",
    "P10000D",    "P100Y",      "P10Y",       "P11Y",   "P120M",     "P121M", "P3720D", "P3721D",
    "P531W",      "P532W",      "P9Y11M30D",  "P10Y1D", "P0Y0M0W0D", "P0M",   "P1WD",   "P1M5WD",
    "P99999999D", "P89478485Y", "P89478486Y", "PT24H",  "P1Y0D"};

// Due dates across the years the bound promises (the holiday data covers 1951-9999).
const char* const kDueDates[] = {"1962-01-01", "1999-12-31", "2026-12-29", "2100-02-28",
                                 "9988-12-31"};

}  // namespace

BOOST_AUTO_TEST_SUITE(Periods)

BOOST_AUTO_TEST_CASE(EveryPeriodTheLoaderAcceptsTheSchedulerUses) {
  auto calendar = Calendar::Polish();
  int accepted = 0;
  for (const char* text : kCandidates) {
    const bool loader_accepts = DayPeriodMisfit(text).empty();
    accepted += loader_accepts;
    for (const char* due_text : kDueDates) {
      const Date due = Date::Parse(due_text).value();
      std::vector<koop::DeadlineAction> actions =
          koop::DeadlineActions(due, {text}, 7 * 60, *calendar, text);
      int before = 0, escalation = 0;
      for (const auto& a : actions) {
        before += a.kind == koop::DeadlineActionKind::kBefore;
        escalation += a.kind == koop::DeadlineActionKind::kEscalation;
        if (a.kind == koop::DeadlineActionKind::kBefore) BOOST_CHECK(a.day < due);
        if (a.kind == koop::DeadlineActionKind::kEscalation) BOOST_CHECK(due < a.day);
      }
      BOOST_TEST_CONTEXT("period '" << text << "' due " << due_text) {
        BOOST_CHECK_EQUAL(before, loader_accepts ? 1 : 0);
        BOOST_CHECK_EQUAL(escalation, loader_accepts ? 1 : 0);
      }
    }
  }
  // P1D P2D P7D P2W P1M P1Y P1M2D P1Y2M3W4D P14D P2W1D P10Y P120M P3720D P531W P9Y11M30D P1Y0D
  BOOST_CHECK_EQUAL(accepted, 16);
}

BOOST_AUTO_TEST_CASE(MisfitsAreNamed) {
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P1D1W"),
                    "invalid duration 'P1D1W' at character 5: 'W' out of order or repeated");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P5WD"),
                    "'P5WD' is in working days; reminders and escalations count calendar days");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("PT2H"), "'PT2H' has a time part; a period counts whole days");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P0D"),
                    "'P0D' is zero; the reminder on the due date is sent anyway");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P-1D"),
                    "invalid duration 'P-1D' at character 2: negative durations are not allowed");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P100Y"),
                    "'P100Y' is longer than 3720 days (P10Y, a month counted as 31 days); a "
                    "reminder or escalation is at most that far from its due date");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P89478486Y"),
                    "invalid duration 'P89478486Y' at character 2: number too large");
  BOOST_CHECK_EQUAL(DayPeriodMisfit("P2W1D"), "");
}

BOOST_AUTO_TEST_CASE(TheLoaderRefusesWhatTheSchedulerWouldSkip) {
  auto chart = koop::model::LoadChartFromString(R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml"
       xmlns:k="urn:kooperacja:workflow:1" version="1.0" name="periods" initial="a">
  <state id="a">
    <onentry>
      <k:deadline id="d1" due="entry + 7 days" remind="P2D,P1D1W"/>
      <k:deadline id="d2" due="entry + 7 days" remind="P1D" escalate="P5WD"/>
      <k:deadline id="d3" due="entry + 7 days" remind="P100Y"/>
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
                    "repeated\n"
                    "periods.scxml:6:61: escalate must be an ISO 8601 duration of whole days: "
                    "'P5WD' is in working days; reminders and escalations count calendar days\n"
                    "periods.scxml:7:48: remind must list ISO 8601 durations of whole days, e.g. "
                    "P2D,P1D: 'P100Y' is longer than 3720 days (P10Y, a month counted as 31 "
                    "days); a reminder or escalation is at most that far from its due date");
}

BOOST_AUTO_TEST_SUITE_END()
