// ExplainDeadline: the same end as KpaDeadline/LatestDateBefore for every start of several years
// and durations, and the Polish reasons of a worked example (seed 002 §3.5: information to ROPS
// within 7 days of signing on Friday 18 December 2026).
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "koop/calendar_explain.h"

namespace koop {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }
Duration P(const char* text) { return Duration::Parse(text).value(); }

BOOST_AUTO_TEST_SUITE(DeadlineExplainTest)

BOOST_AUTO_TEST_CASE(SameEndAsTheArithmetic) {
  auto cal = Calendar::Polish();
  cal->AddClosureDay(D("2026-11-10"), "inwentaryzacja");
  for (const char* p : {"P0D", "P1D", "P7D", "P14D", "P2W", "P1M", "P3M", "P1Y", "P5WD", "P1WD"}) {
    Duration d = P(p);
    for (Date s = D("2017-12-01"); s < D("2027-02-01"); s = s.AddDays(1)) {
      for (bool before : {false, true}) {
        auto why = ExplainDeadline(*cal, s, d, before);
        auto end = before ? LatestDateBefore(*cal, s, d) : KpaDeadline(*cal, s, d);
        BOOST_REQUIRE(why.ok());
        BOOST_REQUIRE(end.ok());
        BOOST_TEST(why->end.ToString() == end->ToString(),
                   s.ToString() << ' ' << p << (before ? " before" : ""));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(ChristmasWorkedExample) {
  auto cal = Calendar::Polish();
  auto why = ExplainDeadline(*cal, D("2026-12-18"), P("P7D"), false);
  BOOST_REQUIRE(why.ok());
  std::vector<std::string> want = {
      "Początek: piątek, 18 grudnia 2026 r.; tego dnia nie wlicza się, termin biegnie od dnia "
      "następnego (KPA art. 57 § 1).",
      "Reguła: 7 dni (KPA art. 57 § 1); ostatni dzień: piątek, 25 grudnia 2026 r.",
      "Przesunięto poza: piątek, 25 grudnia 2026 r. – Pierwszy dzień Bożego Narodzenia (dzień "
      "ustawowo wolny od pracy).",
      "Przesunięto poza: sobota, 26 grudnia 2026 r. – Drugi dzień Bożego Narodzenia (dzień "
      "ustawowo wolny od pracy).",
      "Przesunięto poza: niedziela, 27 grudnia 2026 r. – dzień ustawowo wolny od pracy.",
      "Koniec przypada na następny dzień, który nie jest sobotą ani dniem ustawowo wolnym od "
      "pracy (KPA art. 57 § 4).",
      "Termin: poniedziałek, 28 grudnia 2026 r."};
  BOOST_TEST(why->lines == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(WorkingDaysNameEverySkippedDay) {
  auto cal = Calendar::Polish();
  cal->AddClosureDay(D("2018-11-13"), "dzień wolny za święto w sobotę");
  auto why = ExplainDeadline(*cal, D("2018-11-09"), P("P1WD"), false);
  BOOST_REQUIRE(why.ok());
  BOOST_TEST(why->end.ToString() == "2018-11-14");
  std::vector<std::string> want = {
      "Początek: piątek, 9 listopada 2018 r.; tego dnia nie wlicza się, termin biegnie od dnia "
      "następnego (KPA art. 57 § 1).",
      "Reguła: 1 dzień roboczy ośrodka (pomija się soboty, niedziele, święta i dni, w które "
      "ośrodek jest nieczynny).",
      "Pominięto: sobota, 10 listopada 2018 r. – sobota, dzień wolny od pracy.",
      "Pominięto: niedziela, 11 listopada 2018 r. – Narodowe Święto Niepodległości (dzień "
      "ustawowo wolny od pracy).",
      "Pominięto: poniedziałek, 12 listopada 2018 r. – Dzień wolny od pracy w 100. rocznicę "
      "odzyskania niepodległości (dzień ustawowo wolny od pracy).",
      "Pominięto: wtorek, 13 listopada 2018 r. – ośrodek nieczynny – dzień wolny za święto "
      "w sobotę.",
      "Termin: środa, 14 listopada 2018 r."};
  BOOST_TEST(why->lines == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(OutsideTheHolidayDataIsRefused) {
  auto cal = Calendar::Polish();
  auto why = ExplainDeadline(*cal, D("1950-06-01"), P("P7D"), false);
  BOOST_REQUIRE(!why.ok());
  BOOST_TEST(why.status().message() ==
             "no holiday data for year 1950 (the calendar covers 1951-9999)");
}

BOOST_AUTO_TEST_CASE(EveryEmbeddedDayOffNamesItsAct) {
  auto cal = Calendar::Polish();
  for (int y = 1951; y <= 2030; ++y) {
    auto holidays = cal->Holidays(y);
    BOOST_REQUIRE(holidays.ok());
    for (const Holiday& h : *holidays) {
      BOOST_TEST(PolishHolidaySource(h.date).rfind("ustawa z dnia ", 0) == 0, h.date.ToString()
                                                                                  << ' ' << h.name);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
