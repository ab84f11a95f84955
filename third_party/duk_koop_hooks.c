#include "duk_koop_hooks.h"

#include <math.h>
#include <time.h>

long long koop_duk_clock_ns(void) {
  struct timespec ts;
  /* The CPU time of the thread running the rule: a rule cannot wait (no I/O, no timers), so
   * its wall time is this plus the time the machine gave to others; a busy machine must not
   * turn a rule that fits its limit into a refused event (docs/sandbox.md). */
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

void koop_duk_arm(KoopDukLimits *limits, long long deadline_ns) {
  limits->deadline_ns = deadline_ns;
  limits->timed_out = 0;
  limits->fire = 0;
  limits->last_ns = 0;
  limits->interval = 0;
  limits->checks = 0;
  limits->ns_per_insn = 0;
  limits->tick_budget = KOOP_DUK_TICK_BUDGET;
  limits->memory_stop = 0;
}

long koop_duk_interrupt_interval(void *udata) {
  KoopDukLimits *limits = (KoopDukLimits *)udata;
  long long now, remaining;
  double ns_per_insn;
  double next;
  if (limits == 0 || limits->deadline_ns == 0) return KOOP_DUK_INTERVAL_MAX;
  ++limits->checks;
  now = koop_duk_clock_ns();
  remaining = limits->deadline_ns - now;
  if (remaining <= 0) {
    limits->fire = 1;
    return KOOP_DUK_INTERVAL_MAX;
  }
  if (limits->last_ns == 0 || limits->interval <= 0) {
    /* First interrupt of this call: the instructions since the previous one may partly belong
     * to earlier calls, so the rate is unknown. Probe with a short interval to measure it. */
    next = KOOP_DUK_INTERVAL_MAX / 16;
  } else {
    /* Aim at half the remaining time at the slowest rate seen in this call: the rate varies
     * between stretches (garbage collection, growing arrays, page faults), and halving
     * converges on the deadline in a few steps whatever the error of the estimate. */
    ns_per_insn = (double)(now - limits->last_ns) / (double)limits->interval;
    if (ns_per_insn < limits->ns_per_insn) ns_per_insn = limits->ns_per_insn;
    if (ns_per_insn < 0.1) ns_per_insn = 0.1;
    limits->ns_per_insn = ns_per_insn;
    next = (double)remaining / 2.0 / ns_per_insn;
    /* Grow the interval gradually: a fast stretch is no promise for the next one. */
    if (next > 2.0 * (double)limits->interval) next = 2.0 * (double)limits->interval;
  }
  if (next > KOOP_DUK_INTERVAL_MAX) next = KOOP_DUK_INTERVAL_MAX;
  if (next < KOOP_DUK_INTERVAL_MIN) next = KOOP_DUK_INTERVAL_MIN;
  limits->last_ns = now;
  limits->interval = (long)next;
  return limits->interval;
}

int koop_duk_exec_timeout_check(void *udata) {
  KoopDukLimits *limits = (KoopDukLimits *)udata;
  if (limits == 0 || limits->deadline_ns == 0) return 0;
  if (!limits->fire) return 0;
  limits->timed_out = 1;
  return 1;
}

int koop_duk_native_tick(void *udata, long cost) {
  KoopDukLimits *limits = (KoopDukLimits *)udata;
  if (limits == 0 || limits->deadline_ns == 0) return 0;
  limits->tick_budget -= cost;
  if (limits->tick_budget > 0) return 0;
  limits->tick_budget = KOOP_DUK_TICK_BUDGET;
  if (!limits->fire && koop_duk_clock_ns() < limits->deadline_ns) return 0;
  limits->fire = 1;
  limits->timed_out = 1;
  return 1;
}

int koop_duk_stopped(void *udata) {
  KoopDukLimits *limits = (KoopDukLimits *)udata;
  if (limits == 0 || limits->deadline_ns == 0) return 0;
  return limits->timed_out || limits->memory_stop;
}

static KoopDukTzOffsetFn koop_tzoffset_fn = 0;

void koop_duk_set_tzoffset(KoopDukTzOffsetFn fn) { koop_tzoffset_fn = fn; }

int koop_duk_local_tzoffset(double d) {
  if (koop_tzoffset_fn == 0 || !isfinite(d)) return 0;
  return koop_tzoffset_fn(d);
}
