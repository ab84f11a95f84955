// Our Europe/Warsaw conversions (time/warsaw_time.cpp) against the tz database installed on the
// machine, read by the C library (TZ=Europe/Warsaw, which also applies the zone file's rule for
// the years after its last listed transition): every offset change 1970-2100, found by the C
// library, must be the same instant for us, with the same local day and minute on both sides of
// it; local wall times of each changeover day must convert as documented (gap read as winter
// time, overlap as its first occurrence). Without the zone file the test fails: the C library
// would silently fall back to UTC.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

#include "koop/clock.h"
#include "time/warsaw_time.h"

namespace koop {
namespace {

struct Local {
  int offset_minutes;
  std::string day;
  int minute_of_day;
};

Local TzLocal(TimeMs utc_ms) {
  // Floor to whole seconds: the C library works in seconds.
  time_t t = static_cast<time_t>(utc_ms >= 0 ? utc_ms / 1000 : (utc_ms - 999) / 1000);
  struct tm tm {};
  localtime_r(&t, &tm);
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return {static_cast<int>(tm.tm_gmtoff / 60), day, tm.tm_hour * 60 + tm.tm_min};
}

struct UseWarsawTz {
  UseWarsawTz() {
    const char* dir = std::getenv("TZDIR");
    std::string zone = std::string(dir ? dir : "/usr/share/zoneinfo") + "/Europe/Warsaw";
    BOOST_REQUIRE_MESSAGE(std::filesystem::exists(zone),
                          zone + " is missing: install tzdata (scripts/deps.txt)");
    setenv("TZ", "Europe/Warsaw", 1);
    tzset();
  }
};

constexpr TimeMs kHour = 3600 * 1000;

// Every instant 1970-2100 at which the tz database changes the offset, to the second.
std::vector<TimeMs> TzTransitions() {
  std::vector<TimeMs> out;
  const TimeMs end = ParseInstant("2101-01-01T00:00:00Z").value();
  int previous = TzLocal(0).offset_minutes;
  for (TimeMs t = kHour; t < end; t += kHour) {
    int now = TzLocal(t).offset_minutes;
    if (now == previous) continue;
    TimeMs lo = t - kHour, hi = t;  // offset(lo) == previous, offset(hi) == now
    while (hi - lo > 1000) {
      TimeMs mid = lo + (hi - lo) / 2000 * 1000;
      (TzLocal(mid).offset_minutes == previous ? lo : hi) = mid;
    }
    out.push_back(hi);
    previous = now;
  }
  return out;
}

BOOST_FIXTURE_TEST_SUITE(WarsawAgainstTzDatabase, UseWarsawTz)

BOOST_AUTO_TEST_CASE(EveryTransitionFrom1970To2100) {
  BOOST_REQUIRE_EQUAL(TzLocal(ParseInstant("2026-07-01T12:00:00Z").value()).offset_minutes, 120);
  std::vector<TimeMs> transitions = TzTransitions();
  BOOST_TEST_MESSAGE(transitions.size() << " transitions");
  // Poland had summer time 1977-1995 and has had the EU rule since 1996: two changes a year.
  BOOST_REQUIRE_GE(transitions.size(), 2u * (2100 - 1977 + 1));
  for (TimeMs t : transitions) {
    BOOST_TEST_CONTEXT("transition at " << FormatInstantUtc(t)) {
      for (TimeMs at : {t - 3 * kHour, t - 1000, t - 1, t, t + 1, t + 3 * kHour}) {
        Local tz = TzLocal(at);
        BOOST_CHECK_EQUAL(WarsawOffsetMinutes(at), tz.offset_minutes);
        BOOST_CHECK_EQUAL(WarsawDate(at).ToString(), tz.day);
        BOOST_CHECK_EQUAL(WarsawMinuteOfDay(at), tz.minute_of_day);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(EveryHourFrom1970To2100) {
  const TimeMs end = ParseInstant("2101-01-01T00:00:00Z").value();
  int wrong = 0;
  for (TimeMs t = 0; t < end; t += kHour) {
    if (WarsawOffsetMinutes(t) != TzLocal(t).offset_minutes && ++wrong <= 5) {
      BOOST_ERROR("offset differs at " << FormatInstantUtc(t));
    }
  }
  BOOST_CHECK_EQUAL(wrong, 0);
}

BOOST_AUTO_TEST_CASE(WallTimesOfEveryChangeoverDay) {
  for (TimeMs t : TzTransitions()) {
    const int before = TzLocal(t - 1).offset_minutes, after = TzLocal(t).offset_minutes;
    const Date day = WarsawDate(t);
    // The local minute the change happens at, on the old clock.
    const int change = static_cast<int>(((t / 60000) + before) % (24 * 60));
    for (int minute = 0; minute < 24 * 60; minute += 15) {
      BOOST_TEST_CONTEXT(day.ToString() << " minute " << minute) {
        const TimeMs utc = WarsawToUtc(day, minute);
        Local tz = TzLocal(utc);
        const bool in_gap = after > before && minute >= change && minute < change + 60;
        BOOST_CHECK_EQUAL(tz.day, day.ToString());
        BOOST_CHECK_EQUAL(tz.minute_of_day, in_gap ? minute + 60 : minute);  // gap: winter time
        if (after < before) {
          // Overlap: the first occurrence, so an hour earlier is another wall time.
          Local earlier = TzLocal(utc - kHour);
          BOOST_CHECK(earlier.minute_of_day != minute || earlier.day != day.ToString());
        }
        char text[32];
        std::snprintf(text, sizeof text, "%sT%02d:%02d", day.ToString().c_str(), minute / 60,
                      minute % 60);
        BOOST_CHECK_EQUAL(ParseInstant(text).value(), utc);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
