// SystemClock, ParseInstant and FormatInstantUtc. Local times are Europe/Warsaw
// (time/warsaw_time.h, the one home of its summer-time rules).
#include "koop/clock.h"

#include <chrono>
#include <cstdio>
#include <regex>

#include "time/warsaw_time.h"

namespace koop {
namespace {

class RealClock final : public Clock {
 public:
  TimeMs NowMs() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool IsLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr TimeMs kHourMs = 3600 * 1000;

}  // namespace

std::shared_ptr<Clock> SystemClock() {
  static const std::shared_ptr<Clock> clock = std::make_shared<RealClock>();
  return clock;
}

Result<TimeMs> ParseInstant(const std::string& text) {
  static const std::regex pattern(
      R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?)"
      R"((Z|[+-]\d{2}:?\d{2})?$)");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) {
    return Status::DataError("invalid time '" + text +
                             "': expected YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]");
  }
  auto num = [&](int i) { return m[i].matched ? std::stoi(m[i].str()) : 0; };
  std::int64_t year = num(1);
  unsigned month = static_cast<unsigned>(num(2)), day = static_cast<unsigned>(num(3));
  static const unsigned kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 ||
      day > kMonthDays[month - 1] + ((month == 2 && IsLeap(year)) ? 1u : 0u) || num(4) > 23 ||
      num(5) > 59 || num(6) > 59) {
    return Status::DataError("invalid time '" + text + "': no such date or time");
  }
  std::string millis = m[7].matched ? m[7].str() : "0";
  while (millis.size() < 3) millis += '0';
  TimeMs local = DaysFromCivil(year, month, day) * kDayMs +
                 (num(4) * 3600LL + num(5) * 60LL + num(6)) * 1000 + std::stoi(millis);
  if (m[8].matched) {
    std::string zone = m[8].str();
    if (zone == "Z") return local;
    std::string digits;
    for (char c : zone.substr(1)) {
      if (c != ':') digits += c;
    }
    TimeMs offset = (std::stoi(digits.substr(0, 2)) * 60LL + std::stoi(digits.substr(2))) * 60000;
    return zone[0] == '+' ? local - offset : local + offset;
  }
  return WarsawLocalToUtc(local);
}

std::string FormatInstantUtc(TimeMs t) {
  std::int64_t days = t >= 0 ? t / kDayMs : (t - kDayMs + 1) / kDayMs;
  TimeMs rest = t - days * kDayMs;
  // civil_from_days
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned mo = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (mo <= 2);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), mo, d, static_cast<long long>(rest / kHourMs),
                static_cast<long long>(rest / 60000 % 60),
                static_cast<long long>(rest / 1000 % 60));
  return buf;
}

}  // namespace koop
