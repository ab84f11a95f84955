#include "koop/calendar.h"

#include <boost/test/unit_test.hpp>

#include "time/holiday_rules.h"

namespace koop {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

BOOST_AUTO_TEST_SUITE(CalendarTest)

BOOST_AUTO_TEST_CASE(EasterSundayMatchesKnownDates) {
  // Known Gregorian Easter dates, including both extremes of the range (22 Mar, 25 Apr).
  BOOST_TEST(EasterSunday(2000).ToString() == "2000-04-23");
  BOOST_TEST(EasterSunday(2008).ToString() == "2008-03-23");
  BOOST_TEST(EasterSunday(2011).ToString() == "2011-04-24");
  BOOST_TEST(EasterSunday(2025).ToString() == "2025-04-20");
  BOOST_TEST(EasterSunday(2038).ToString() == "2038-04-25");
  BOOST_TEST(EasterSunday(2285).ToString() == "2285-03-22");
}

BOOST_AUTO_TEST_CASE(DaysOffIncludeSundaysAndNamedDays) {
  auto cal = Calendar::Polish();
  BOOST_TEST(cal->IsStatutoryDayOff(D("2025-11-09")));  // Sunday
  BOOST_TEST(cal->IsStatutoryDayOff(D("2025-12-24")));  // Wigilia from 2025
  BOOST_TEST(!cal->IsStatutoryDayOff(D("2024-12-24")));
  BOOST_TEST(!cal->IsStatutoryDayOff(D("2025-11-08")));  // Saturday is not a day off ...
  BOOST_TEST(cal->IsKpaNonWorking(D("2025-11-08")));     // ... but ends no KPA deadline
  BOOST_TEST(cal->HolidayName(D("2025-06-19")) == "Dzień Bożego Ciała");
  BOOST_TEST(cal->HolidayName(D("2025-06-18")) == "");
}

BOOST_AUTO_TEST_CASE(HistoricalDaysOffFollowTheActsThatChangedThem) {
  auto cal = Calendar::Polish();
  // 22 July was a day off from the 1951 act until its abolition in 1990.
  BOOST_TEST(cal->HolidayName(D("1989-07-22")) == "Narodowe Święto Odrodzenia Polski");
  BOOST_TEST(cal->HolidayName(D("1990-07-22")) == "");  // abolished in April 1990
  BOOST_TEST(!cal->IsStatutoryDayOff(D("1991-07-22")));
  // 6 January and 15 August: removed in 1960, restored in 2011 and 1989.
  BOOST_TEST(cal->IsStatutoryDayOff(D("1960-01-06")));
  BOOST_TEST(!cal->IsStatutoryDayOff(D("1988-08-15")));  // a Monday
  BOOST_TEST(cal->IsStatutoryDayOff(D("1989-08-15")));
  BOOST_TEST(!cal->IsStatutoryDayOff(D("2010-01-06")));  // a Wednesday
  BOOST_TEST(cal->IsStatutoryDayOff(D("2011-01-06")));
  // 3 May from 1990, 11 November from 1989.
  BOOST_TEST(!cal->IsStatutoryDayOff(D("1989-05-03")));
  BOOST_TEST(cal->IsStatutoryDayOff(D("1990-05-03")));
  BOOST_TEST(!cal->IsStatutoryDayOff(D("1988-11-11")));
}

BOOST_AUTO_TEST_CASE(ClosureDaysAndOfficeHoursShapeWorkingDays) {
  auto cal = Calendar::Polish();
  BOOST_TEST(cal->IsWorkingDay(D("2025-11-10")));
  cal->AddClosureDay(D("2025-11-10"), "za 1 listopada");
  BOOST_TEST(!cal->IsWorkingDay(D("2025-11-10")));
  BOOST_TEST(!cal->IsStatutoryDayOff(D("2025-11-10")));
  cal->SetOfficeHours(5, OfficeHours{});  // closed on Fridays
  BOOST_TEST(!cal->IsWorkingDay(D("2025-11-14")));
  BOOST_TEST(AddWorkingDays(*cal, D("2025-11-07"), 1).ToString() == "2025-11-12");
  // A calendar is per municipality: another one is unaffected.
  BOOST_TEST(Calendar::Polish()->IsWorkingDay(D("2025-11-10")));
}

BOOST_AUTO_TEST_CASE(RuleDataIsReplaceable) {
  // A law change is a data change: a rule valid from 2030 appears from that year on.
  auto cal = Calendar::FromRuleText(
      "covers 2000 2100\n2000 - 01-01 Nowy Rok\n2030 - 12-31 Sylwester\n", "test.txt");
  BOOST_REQUIRE(cal.ok());
  BOOST_TEST((*cal)->Holidays(2029)->size() == 1u);
  BOOST_TEST((*cal)->Holidays(2030)->size() == 2u);
  BOOST_TEST(!(*cal)->Holidays(2101).ok());
}

BOOST_AUTO_TEST_CASE(RuleErrorsNameFileAndLine) {
  auto bad = Calendar::FromRuleText("covers 2000 2100\n\n2000 - 13-01 X\n", "rules.txt");
  BOOST_TEST(bad.status().message() == "rules.txt:3: bad date '13-01' (MM-DD or easter+N)");
  BOOST_TEST((bad.status().code() == Code::kDataError));
  auto no_name = Calendar::FromRuleText("covers 2000 2100\n2000 - easter+1\n", "r");
  BOOST_TEST(no_name.status().message() == "r:2: missing holiday name");
  auto order = Calendar::FromRuleText("covers 2000 2100\n2010 2005 01-01 X\n", "r");
  BOOST_TEST(order.status().message() == "r:2: TO year before FROM year");
  auto offset = Calendar::FromRuleText("covers 2000 2100\n2000 - easter*3 X\n", "r");
  BOOST_TEST(offset.status().message() ==
             "r:2: bad Easter offset 'easter*3' (easter+N or easter-N)");
  auto missing = Calendar::FromRuleText("2000 - 01-01 X\n", "r");
  BOOST_TEST(missing.status().message() == "r:1: missing 'covers FIRST_YEAR LAST_YEAR' line");
  BOOST_TEST((Calendar::FromRuleFile("/nonexistent/rules.txt").status().code() == Code::kNoInput));
}

BOOST_AUTO_TEST_CASE(DateParsingIsStrict) {
  BOOST_TEST(!Date::Parse("2025-2-01").ok());
  BOOST_TEST(!Date::Parse("2025-02-29").ok());
  BOOST_TEST(Date::Parse("2024-02-29").ok());
  BOOST_TEST(!Date::Parse("2025-00-10").ok());
  BOOST_TEST(D("2025-12-29").Weekday() == 1);
  BOOST_TEST(D("2025-01-31").AddMonths(1).ToString() == "2025-02-28");
  BOOST_TEST(D("2025-01-31").AddMonths(-2).ToString() == "2024-11-30");
  BOOST_TEST(D("2025-03-31").AddMonths(-1).ToString() == "2025-02-28");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
