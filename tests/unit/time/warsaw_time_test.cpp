#include "time/warsaw_time.h"

#include <boost/test/unit_test.hpp>

#include "koop/clock.h"
#include "koop/local_time.h"

namespace koop {
namespace {

Date D(const char* text) { return Date::Parse(text).value(); }

BOOST_AUTO_TEST_SUITE(WarsawTimeTest)

BOOST_AUTO_TEST_CASE(DayBoundariesAcrossDstChanges) {
  // 2026-03-29: clocks go forward at 02:00 CET; 2026-10-25: back at 03:00 CEST.
  BOOST_TEST(FormatInstantUtc(WarsawStartOfDay(D("2026-03-29"))) == "2026-03-28T23:00:00Z");
  BOOST_TEST(FormatInstantUtc(WarsawEndOfDay(D("2026-03-29"))) == "2026-03-29T22:00:00Z");
  BOOST_TEST(FormatInstantUtc(WarsawStartOfDay(D("2026-10-25"))) == "2026-10-24T22:00:00Z");
  BOOST_TEST(FormatInstantUtc(WarsawEndOfDay(D("2026-10-25"))) == "2026-10-25T23:00:00Z");
  BOOST_TEST(FormatInstantUtc(WarsawToUtc(D("2026-03-29"), 2 * 60 + 30)) == "2026-03-29T01:30:00Z");
}

BOOST_AUTO_TEST_CASE(AgreesWithParseInstant) {
  const char* local[] = {"2026-01-01T00:00", "2026-03-29T01:59", "2026-03-29T03:00",
                         "2026-07-01T12:00", "2026-10-25T01:00", "2026-10-25T04:00",
                         "2026-12-31T23:59"};
  for (const char* text : local) {
    TimeMs t = ParseInstant(text).value();
    std::string s(text);
    Date d = Date::Parse(s.substr(0, 10)).value();
    int minute = std::stoi(s.substr(11, 2)) * 60 + std::stoi(s.substr(14, 2));
    BOOST_TEST(WarsawToUtc(d, minute) == t, text);
    BOOST_TEST(WarsawDate(t).ToString() == d.ToString(), text);
    BOOST_TEST(WarsawMinuteOfDay(t) == minute, text);
  }
}

BOOST_AUTO_TEST_CASE(TimeOfDayIsParsedOnce) {
  BOOST_CHECK_EQUAL(ParseTimeOfDay("00:00").value(), 0);
  BOOST_CHECK_EQUAL(ParseTimeOfDay("07:30").value(), 450);
  BOOST_CHECK_EQUAL(ParseTimeOfDay("23:59").value(), 1439);
  for (const char* bad : {"24:00", "7:30", "07:60", "07:3", "07-30", "0730", " 7:30", "07:30 ", "",
                          "+7:30", "07:+3"}) {
    BOOST_CHECK_MESSAGE(!ParseTimeOfDay(bad).has_value(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
