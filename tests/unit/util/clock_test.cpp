#include "koop/clock.h"

#include <boost/test/unit_test.hpp>

namespace {

koop::TimeMs Parse(const std::string& text) {
  koop::Result<koop::TimeMs> r = koop::ParseInstant(text);
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
  return *r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Clock)

BOOST_AUTO_TEST_CASE(ParsesUtcAndOffsets) {
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-11-23T10:00:00Z")) == "2026-11-23T10:00:00Z");
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-11-23T10:00+02:00")) == "2026-11-23T08:00:00Z");
  BOOST_TEST(Parse("1970-01-01T00:00:00.250Z") == 250);
}

BOOST_AUTO_TEST_CASE(LocalTimeIsWarsawWithSummerTime) {
  // Winter (CET, UTC+1) and summer (CEST, UTC+2).
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-11-23T10:00")) == "2026-11-23T09:00:00Z");
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-07-01T10:00")) == "2026-07-01T08:00:00Z");
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-11-23")) == "2026-11-22T23:00:00Z");
  // 2026: summer time from 29 March 02:00 CET to 25 October 03:00 CEST.
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-03-29T01:59")) == "2026-03-29T00:59:00Z");
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-03-29T03:00")) == "2026-03-29T01:00:00Z");
  BOOST_TEST(koop::FormatInstantUtc(Parse("2026-10-25T04:00")) == "2026-10-25T03:00:00Z");
}

BOOST_AUTO_TEST_CASE(RejectsMalformedAndImpossibleTimes) {
  for (const char* bad :
       {"2026-02-29", "2026-13-01", "23.11.2026", "2026-11-23T25:00", "", "now"}) {
    koop::Result<koop::TimeMs> r = koop::ParseInstant(bad);
    BOOST_TEST(!r.ok(), bad);
    BOOST_TEST(static_cast<int>(r.status().code()) == 65);
  }
}

BOOST_AUTO_TEST_CASE(FixedClockAdvances) {
  koop::FixedClock clock(1000);
  clock.Advance(500);
  BOOST_TEST(clock.NowMs() == 1500);
}

BOOST_AUTO_TEST_SUITE_END()
