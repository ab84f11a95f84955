#include "duk_koop_hooks.h"

#include <time.h>

long long koop_duk_monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int koop_duk_exec_timeout_check(void *udata) {
  KoopDukLimits *limits = (KoopDukLimits *)udata;
  if (limits == 0 || limits->deadline_ns == 0) return 0;
  if (koop_duk_monotonic_ns() < limits->deadline_ns) return 0;
  limits->timed_out = 1;
  return 1;
}
