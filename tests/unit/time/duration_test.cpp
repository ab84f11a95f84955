#include <boost/test/unit_test.hpp>

#include "koop/calendar.h"

namespace koop {
namespace {

BOOST_AUTO_TEST_SUITE(DurationTest)

BOOST_AUTO_TEST_CASE(ParsesEveryComponent) {
  Result<Duration> d = Duration::Parse("P1Y2M3W4DT5H6M7S");
  BOOST_REQUIRE(d.ok());
  BOOST_TEST(d->years == 1);
  BOOST_TEST(d->months == 2);
  BOOST_TEST(d->weeks == 3);
  BOOST_TEST(d->days == 4);
  BOOST_TEST(d->hours == 5);
  BOOST_TEST(d->minutes == 6);
  BOOST_TEST(d->seconds == 7);
  BOOST_TEST(d->ToString() == "P1Y2M3W4DT5H6M7S");
  BOOST_TEST(Duration::Parse("PT45M")->minutes == 45);
  BOOST_TEST(Duration::Parse("P3M")->months == 3);
  BOOST_TEST(Duration::Parse("P5WD")->working_days == 5);
  BOOST_TEST(Duration::Parse("P5WD")->ToString() == "P5WD");
  BOOST_TEST(Duration::Parse("P0D")->ToString() == "P0D");
}

BOOST_AUTO_TEST_CASE(RejectsMalformedWithPosition) {
  const char* bad[] = {"",
                       "P",
                       "PT",
                       "P1",
                       "1D",
                       "p1d",
                       "P-1D",
                       "P1.5D",
                       "P1,5D",
                       "P1DT",
                       "P1D1D",
                       "P1D2Y",
                       "PT1H2H",
                       "P1H",
                       "PT1D",
                       "P1WD2D",
                       "P2D3WD",
                       "P0WD",
                       "P99999999999D",
                       "P1DT1H2S3M",
                       " P1D",
                       "P1D "};
  for (const char* text : bad) {
    Result<Duration> d = Duration::Parse(text);
    BOOST_TEST(!d.ok(), "accepted '" << text << "'");
    BOOST_TEST((d.status().code() == Code::kDataError));
  }
  BOOST_TEST(Duration::Parse("P1D2Y").status().message() ==
             "invalid duration 'P1D2Y' at character 5: 'Y' out of order or repeated");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
