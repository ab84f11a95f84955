/* The heap user data that our duktape build's execution-timeout hook reads. Pass a pointer to a
 * KoopDukLimits as the udata of duk_create_heap(); set deadline_ns (and reset the other fields
 * with koop_duk_arm) before a call and reset deadline_ns to 0 after. The struct must stay alive
 * as long as the heap.
 *
 * Duktape calls koop_duk_interrupt_interval() from its executor interrupt (our build patches
 * DUK_HTHREAD_INTCTR_DEFAULT to it) to learn how many bytecode instructions to run before the
 * next interrupt, and koop_duk_exec_timeout_check() right after, which makes duktape throw a
 * RangeError once the deadline is reached. Far from the deadline the interval is duktape's own
 * 256k instructions (no extra cost for short calls); near it, the interval shrinks with the
 * remaining time, from the instruction rate measured during the call, so the check lands within
 * microseconds of the deadline instead of up to one 256k-instruction stretch after it. */
#ifndef KOOP_DUK_KOOP_HOOKS_H
#define KOOP_DUK_KOOP_HOOKS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KoopDukLimits {
  long long deadline_ns; /* deadline on koop_duk_clock_ns(); 0 = no limit */
  int timed_out;         /* set to 1 by the hook when it fired */
  int fire;              /* internal: the last interval computation found the deadline passed */
  long long last_ns;     /* internal: time of the previous interrupt in this call (0 = none) */
  long interval;         /* internal: instructions granted at the previous interrupt */
  double ns_per_insn;    /* internal: slowest rate seen during this call */
  long checks;           /* interrupts seen during the current call (for measurements) */
  long tick_budget;      /* internal: native work left before the next clock read */
  int memory_stop;       /* set by the allocator when the memory limit refused a request */
  long long start_wall_ns; /* koop_duk_wall_ns() when the call was armed (0 = unknown) */
  long long budget_ns;     /* deadline_ns minus the CPU time at arming (0 = unknown) */
} KoopDukLimits;

/* Duktape's default interrupt interval, in bytecode instructions. */
#define KOOP_DUK_INTERVAL_MAX (256L * 1024L)
/* The smallest interval used near the deadline. */
#define KOOP_DUK_INTERVAL_MIN 256L

/* Units of native work (property reads/writes, regexp steps, 64-byte string compares) between
 * two clock reads inside a native built-in. */
#define KOOP_DUK_TICK_BUDGET 1024L

/* The calling thread's CPU time in nanoseconds, the clock deadline_ns is measured on. */
long long koop_duk_clock_ns(void);

/* The monotonic wall clock in nanoseconds (read without a system call). */
long long koop_duk_wall_ns(void);

/* An upper bound of the calling thread's CPU time (koop_duk_clock_ns()) at wall time
 * wall_now_ns, at most max_error_ns above the true value: the thread's last real read plus the
 * wall time since, read again when that is older than max_error_ns. A deadline counted from it
 * is met late by at most max_error_ns, never early. */
long long koop_duk_cpu_upper_ns(long long wall_now_ns, long long max_error_ns);

/* Arms the limits for one call: deadline (0 = none) and cleared bookkeeping (start_wall_ns and
 * budget_ns are set by the caller after arming, when it knows them). */
void koop_duk_arm(KoopDukLimits *limits, long long deadline_ns);

long koop_duk_interrupt_interval(void *udata);
int koop_duk_exec_timeout_check(void *udata);
/* Called by the patched native loops of duktape.c (KOOP_DUK_TICK): 1 when the call must stop
 * now (its deadline has passed), which the caller turns into a RangeError. */
int koop_duk_native_tick(void *udata, long cost);
/* 1 once the current call was stopped (time or memory): the patched duktape then lets no
 * try/catch or finally intercept the error. */
int koop_duk_stopped(void *udata);

/* Makes the heap's running thread check its interrupt (and so its deadline) at the next
 * bytecode instruction. Called from another thread (rules/js_watchdog.h); defined at the end
 * of the patched duktape.c, which knows the thread structure. */
struct duk_hthread;
void koop_duk_force_interrupt(struct duk_hthread *ctx);

/* Local time of rules (Date's getHours, getDay, toString...): the offset from UTC in seconds of
 * the instant `utc_ms`, from the function set with koop_duk_set_tzoffset (the engine sets
 * Europe/Warsaw), never from the process's TZ; UTC until one is set and for NaN/infinity. */
typedef int (*KoopDukTzOffsetFn)(double utc_ms);
void koop_duk_set_tzoffset(KoopDukTzOffsetFn fn);
int koop_duk_local_tzoffset(double d);

#ifdef __cplusplus
}
#endif

#endif
