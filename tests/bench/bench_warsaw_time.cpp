// Benchmark: Europe/Warsaw offsets from our written-out zone (time/warsaw_time.cpp) beside Howard
// Hinnant's tz (Debian libdate-tz, reading the system's tz files) and the C library. Prints the
// one-off cost of loading the zone, the cost of one offset look-up, and how many hourly instants
// 1970-2100 each disagrees with the C library on. Not a test.
//
//   bench_warsaw_time
#include <date/tz.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "koop/clock.h"
#include "time/warsaw_time.h"

namespace {

using Steady = std::chrono::steady_clock;
double Ns(Steady::time_point a, Steady::time_point b) {
  return std::chrono::duration<double, std::nano>(b - a).count();
}

constexpr long long kHourS = 3600;
constexpr long long kEndS = 4133980800LL;  // 2101-01-01T00:00:00Z

int LibcOffset(long long s) {
  time_t t = s;
  struct tm tm {};
  localtime_r(&t, &tm);
  return static_cast<int>(tm.tm_gmtoff / 60);
}

}  // namespace

int main() {
  setenv("TZ", "Europe/Warsaw", 1);
  tzset();
  Steady::time_point t0 = Steady::now();
  const date::time_zone* zone = date::locate_zone("Europe/Warsaw");
  Steady::time_point t1 = Steady::now();
  std::printf("date/tz locate_zone (first call, reads the zone files): %.2f ms\n",
              Ns(t0, t1) / 1e6);

  long long n = 0, sum_ours = 0, sum_tz = 0, sum_libc = 0;
  int wrong_ours = 0, wrong_tz = 0;
  long long first_wrong_tz = -1;
  for (long long s = 0; s < kEndS; s += kHourS) {
    int libc = LibcOffset(s);
    int ours = koop::WarsawOffsetMinutes(s * 1000);
    int tz = static_cast<int>(
        zone->get_info(date::sys_seconds{std::chrono::seconds{s}}).offset.count() / 60);
    wrong_ours += ours != libc;
    if (tz != libc && wrong_tz++ == 0) first_wrong_tz = s;
  }
  std::printf("hourly instants 1970-2100 differing from the C library: ours %d, date/tz %d",
              wrong_ours, wrong_tz);
  if (first_wrong_tz >= 0) {
    std::printf(" (date/tz first at %s)", koop::FormatInstantUtc(first_wrong_tz * 1000).c_str());
  }
  std::printf("\n");

  // Look-ups at instants spread over 1970-2100 (a step that is no multiple of a day).
  const long long step = 7 * kHourS + 13 * 60 + 17;
  for (int round = 0; round < 3; ++round) {
    n = 0;
    Steady::time_point a = Steady::now();
    for (long long s = 0; s < kEndS; s += step, ++n)
      sum_ours += koop::WarsawOffsetMinutes(s * 1000);
    Steady::time_point b = Steady::now();
    for (long long s = 0; s < kEndS; s += step) {
      sum_tz += zone->get_info(date::sys_seconds{std::chrono::seconds{s}}).offset.count();
    }
    Steady::time_point c = Steady::now();
    for (long long s = 0; s < kEndS; s += step) sum_libc += LibcOffset(s);
    Steady::time_point d = Steady::now();
    std::printf(
        "round %d, %lld look-ups: ours %.1f ns, date/tz %.1f ns, localtime_r %.1f ns each\n",
        round + 1, n, Ns(a, b) / n, Ns(b, c) / n, Ns(c, d) / n);
  }
  std::printf("(checksums %lld %lld %lld)\n", sum_ours, sum_tz, sum_libc);
  return 0;
}
