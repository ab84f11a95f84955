// JsWatchdog: a thread beside a JsHeap that makes duktape check its deadline at the next
// bytecode instruction once the deadline of the running call has passed. Duktape checks the
// time only when its instruction countdown runs out, and the countdown's length is chosen from
// the speed of the instructions so far; a loop of a few instructions around a slow native call
// (parseInt, a string comparison or trim of a long string, ArrayBuffer.slice), or such a loop
// after a stretch of fast ones, reached the check only after seconds. The watchdog zeroes the
// countdown (and again every millisecond until the call ends); the check itself, and the error,
// stay on the heap's thread. One thread per heap, asleep while no call runs. The deadline is on
// the heap thread's CPU clock (koop_duk_clock_ns, docs/sandbox.md), which the watchdog reads
// through that thread's clock id; it sleeps the remaining CPU time in wall time (a thread's CPU
// time cannot advance faster) and looks again.
#pragma once

#include <time.h>

#include <condition_variable>
#include <mutex>
#include <thread>

struct duk_hthread;

namespace koop::rules {

class JsWatchdog {
 public:
  explicit JsWatchdog(duk_hthread* ctx);
  ~JsWatchdog();
  JsWatchdog(const JsWatchdog&) = delete;
  JsWatchdog& operator=(const JsWatchdog&) = delete;

  // A call with this deadline (koop_duk_clock_ns() of the calling thread, which must be the
  // heap's) starts / has ended.
  void Arm(long long deadline_ns);
  void Disarm();

 private:
  void Loop();

  duk_hthread* ctx_;
  std::mutex mu_;
  std::condition_variable cv_;
  long long deadline_ns_ = 0;          // 0: no call runs
  clockid_t clock_ = CLOCK_MONOTONIC;  // the CPU clock of the thread that armed it
  bool idle_ = false;                  // the thread waits for a call (needs a notify)
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace koop::rules
