// Clock: the only way "now" enters the engine. Production code uses SystemClock(); tests and the
// `--at`/`--now` options use a FixedClock, so every behaviour can be run at any simulated date.
// Times are milliseconds since the Unix epoch, UTC.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "koop/status.h"

namespace koop {

using TimeMs = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimeMs NowMs() const = 0;
};

// The machine's real time.
std::shared_ptr<Clock> SystemClock();

// A clock that stays where it is put; Advance() moves it forward. Not thread-safe.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimeMs now) : now_(now) {}
  TimeMs NowMs() const override { return now_; }
  void Set(TimeMs now) { now_ = now; }
  void Advance(TimeMs delta) { now_ += delta; }

 private:
  TimeMs now_;
};

// Parses an ISO 8601 instant for `--at`/`--now`: "2026-11-23", "2026-11-23T10:00",
// "2026-11-23T10:00:00", with optional "Z" or "+01:00". A date or time without an offset is local
// time in Europe/Warsaw (the model's time zone), with DST applied.
Result<TimeMs> ParseInstant(const std::string& text);

// Formats an instant as "2026-11-23T09:00:00Z".
std::string FormatInstantUtc(TimeMs t);

}  // namespace koop
