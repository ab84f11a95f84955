// SystemClock, ParseInstant and FormatInstantUtc. Local times are Europe/Warsaw
// (time/warsaw_time.h, the one home of its summer-time rules).
#include "koop/clock.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>

#include "util/text_shape.h"

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

namespace {

// The fields of YYYY-MM-DD[(T| )HH:MM[:SS[.fff…]]][Z|+HH:MM|+HHMM], read left to right by hand
// (no std::regex: util/text_shape.h). Absent fields are empty.
struct InstantParts {
  std::string_view year, month, day, hour, minute, second, millis, zone;
};

std::optional<InstantParts> SplitInstant(std::string_view t) {
  InstantParts p;
  std::size_t at = 0;
  auto digits = [&](std::size_t n, std::string_view* out) {
    if (t.size() - at < n || !util::AllDigits(t.substr(at, n))) return false;
    *out = t.substr(at, n);
    at += n;
    return true;
  };
  auto eat = [&](char c) { return at < t.size() && t[at] == c ? (++at, true) : false; };
  if (!digits(4, &p.year) || !eat('-') || !digits(2, &p.month) || !eat('-') || !digits(2, &p.day))
    return std::nullopt;
  if (eat('T') || eat(' ')) {
    if (!digits(2, &p.hour) || !eat(':') || !digits(2, &p.minute)) return std::nullopt;
    if (eat(':')) {
      if (!digits(2, &p.second)) return std::nullopt;
      if (eat('.')) {
        std::size_t start = at;
        while (at < t.size() && util::IsAsciiDigit(t[at])) ++at;
        if (at == start) return std::nullopt;
        p.millis = t.substr(start, std::min<std::size_t>(at - start, 3));
      }
    }
  }
  if (at < t.size()) {
    std::size_t start = at;
    if (!eat('Z')) {
      std::string_view hh, mm;
      if (!(eat('+') || eat('-')) || !digits(2, &hh)) return std::nullopt;
      eat(':');
      if (!digits(2, &mm)) return std::nullopt;
    }
    p.zone = t.substr(start);
  }
  if (at != t.size()) return std::nullopt;
  return p;
}

}  // namespace

Result<TimeMs> ParseInstant(const std::string& text) {
  std::optional<InstantParts> m = SplitInstant(text);
  if (!m) {
    return Status::DataError("invalid time '" + text +
                             "': expected YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]");
  }
  auto num = [](std::string_view f) { return f.empty() ? 0 : std::stoi(std::string(f)); };
  std::int64_t year = num(m->year);
  unsigned month = static_cast<unsigned>(num(m->month)), day = static_cast<unsigned>(num(m->day));
  static const unsigned kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 ||
      day > kMonthDays[month - 1] + ((month == 2 && IsLeap(year)) ? 1u : 0u) || num(m->hour) > 23 ||
      num(m->minute) > 59 || num(m->second) > 59) {
    return Status::DataError("invalid time '" + text + "': no such date or time");
  }
  std::string millis = m->millis.empty() ? "0" : std::string(m->millis);
  while (millis.size() < 3) millis += '0';
  TimeMs local = DaysFromCivil(year, month, day) * kDayMs +
                 (num(m->hour) * 3600LL + num(m->minute) * 60LL + num(m->second)) * 1000 +
                 std::stoi(millis);
  if (!m->zone.empty()) {
    std::string zone(m->zone);
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
