/* The heap user data that our duktape build's execution-timeout hook reads. Pass a pointer to a
 * KoopDukLimits as the udata of duk_create_heap(); set deadline_ns before a call and reset it to
 * 0 after. The hook runs every few thousand bytecode instructions and makes duktape throw a
 * RangeError once the monotonic clock passes the deadline. The struct must stay alive as long as
 * the heap. */
#ifndef KOOP_DUK_KOOP_HOOKS_H
#define KOOP_DUK_KOOP_HOOKS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KoopDukLimits {
  long long deadline_ns; /* CLOCK_MONOTONIC deadline; 0 = no limit */
  int timed_out;         /* set to 1 by the hook when it fired */
} KoopDukLimits;

/* Monotonic clock in nanoseconds, the clock deadline_ns is measured on. */
long long koop_duk_monotonic_ns(void);

int koop_duk_exec_timeout_check(void *udata);

#ifdef __cplusplus
}
#endif

#endif
