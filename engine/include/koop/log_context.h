// The id that log lines carry: a request id in `koop serve`, an instance or event id in the
// scheduler. Set for the duration of a scope on the current thread; the log formatter of the
// runner prints it on every line so that a journal line leads back to its request or event
// without a personal field ever being logged.
#pragma once

#include <string>

namespace koop {

class ScopedLogContext {
 public:
  explicit ScopedLogContext(std::string id);
  ~ScopedLogContext();
  ScopedLogContext(const ScopedLogContext&) = delete;
  ScopedLogContext& operator=(const ScopedLogContext&) = delete;

 private:
  std::string previous_;
};

// The innermost id set on this thread, or "".
const std::string& CurrentLogContext();

}  // namespace koop
