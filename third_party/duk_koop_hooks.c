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

long long koop_duk_wall_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts); /* the vDSO: no system call */
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The last real read of this thread's CPU clock and the wall time it was made at. */
static __thread long long koop_ref_wall_ns = 0;
static __thread long long koop_ref_cpu_ns = 0;

long long koop_duk_cpu_upper_ns(long long wall_now_ns, long long max_error_ns) {
  /* Between the reference read and now the thread used at most the wall time in between (a
   * thread's CPU time cannot advance faster than the wall clock), so reference + elapsed wall
   * time bounds the CPU time from above; past max_error_ns the clock is read again. A system
   * call per rule call cost ~1 us on this kind of VM, more than the call itself. */
  long long elapsed = wall_now_ns - koop_ref_wall_ns;
  if (koop_ref_wall_ns == 0 || elapsed < 0 || elapsed > max_error_ns) {
    koop_ref_cpu_ns = koop_duk_clock_ns();
    koop_ref_wall_ns = wall_now_ns;
    return koop_ref_cpu_ns;
  }
  return koop_ref_cpu_ns + elapsed;
}

void koop_duk_arm(KoopDukLimits *limits, long long deadline_ns) {
  limits->deadline_ns = deadline_ns;
  limits->start_wall_ns = 0;
  limits->budget_ns = 0;
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
  if (limits->budget_ns > 0 &&
      koop_duk_wall_ns() - limits->start_wall_ns < limits->budget_ns / 2) {
    /* Less than half the budget of wall time has passed, so less than half of it in CPU time:
     * duktape's full interval, without reading the CPU clock (a system call; interrupts come
     * often in short calls). The rate is measured from the first interrupt after this. */
    return KOOP_DUK_INTERVAL_MAX;
  }
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
  if (!limits->fire) {
    /* CPU time used <= wall time elapsed: while the wall clock is within the budget, the CPU
     * clock (a system call) need not be read. */
    if (limits->budget_ns > 0 && koop_duk_wall_ns() - limits->start_wall_ns < limits->budget_ns) {
      return 0;
    }
    if (koop_duk_clock_ns() < limits->deadline_ns) return 0;
  }
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
