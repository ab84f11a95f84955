#include "rules/js_watchdog.h"

#include <pthread.h>

#include <chrono>

#include "duk_koop_hooks.h"

namespace koop::rules {

JsWatchdog::JsWatchdog(duk_hthread* ctx) : ctx_(ctx), thread_([this] { Loop(); }) {}

JsWatchdog::~JsWatchdog() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

void JsWatchdog::Arm(long long deadline_ns) {
  clockid_t clock;
  if (pthread_getcpuclockid(pthread_self(), &clock) != 0) clock = CLOCK_MONOTONIC;
  bool wake;
  {
    std::lock_guard<std::mutex> lock(mu_);
    deadline_ns_ = deadline_ns;
    clock_ = clock;
    wake = idle_;
  }
  // A watchdog still asleep until an earlier deadline wakes then and sleeps on to this one.
  if (wake) cv_.notify_one();
}

void JsWatchdog::Disarm() {
  std::lock_guard<std::mutex> lock(mu_);
  deadline_ns_ = 0;
}

void JsWatchdog::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    if (deadline_ns_ == 0) {
      idle_ = true;
      cv_.wait(lock);
      idle_ = false;
      continue;
    }
    timespec ts{};
    clock_gettime(clock_, &ts);
    long long now = static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
    if (now < deadline_ns_) {
      cv_.wait_for(lock, std::chrono::nanoseconds(deadline_ns_ - now));
      continue;
    }
    // Past the deadline and the call still runs (Disarm takes the lock): the heap's thread
    // checks at its next instruction. Repeated, as that thread may overwrite the countdown.
    koop_duk_force_interrupt(ctx_);
    cv_.wait_for(lock, std::chrono::milliseconds(1));
  }
}

}  // namespace koop::rules
