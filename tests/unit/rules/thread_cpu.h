// The calling thread's CPU time, the clock the rule time limit runs on (docs/sandbox.md): tests
// of that limit measure it, since on a loaded machine wall time also counts other processes.
#pragma once

#include <time.h>

namespace koop::rules::testing {

inline double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace koop::rules::testing
