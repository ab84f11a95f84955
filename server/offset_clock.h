// OffsetClock: real time shifted by a fixed offset, for `koop serve --at T` (the server's "now"
// starts at T and advances as the machine's clock does). Thread-safe (immutable).
#pragma once

#include "koop/clock.h"

namespace koop::server {

class OffsetClock final : public Clock {
 public:
  explicit OffsetClock(TimeMs start) : offset_(start - SystemClock()->NowMs()) {}
  TimeMs NowMs() const override { return SystemClock()->NowMs() + offset_; }

 private:
  TimeMs offset_;
};

}  // namespace koop::server
