// Moves the wall clock of a process tree by WALL_CLOCK_SHIFT_SECONDS: clock_gettime(CLOCK_REALTIME
// and its coarse and TAI forms), gettimeofday and time. Loaded with LD_PRELOAD by `test.sh
// --year-ahead` into the test host, and inherited by what it starts (the service processes, Node,
// Chromium), to prove that no test depends on today's date.
//
// Why not Debian's libfaketime: it also intercepts waits (pthread_cond_timedwait, sem_timedwait...)
// and with .NET's test host it hung at the protocol handshake ("Failed to negotiate protocol").
// .NET, Node and Chromium wait on monotonic clocks, which this library leaves alone; only what
// reads the date moves.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static long shift_seconds(void) {
  static long seconds = -1;
  if (seconds < 0) {
    const char *value = getenv("WALL_CLOCK_SHIFT_SECONDS");
    seconds = value ? atol(value) : 0;
  }
  return seconds;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
  static int (*real)(clockid_t, struct timespec *);
  if (!real) real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
  int rc = real(clock, ts);
  if (rc == 0 && ts && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE || clock == CLOCK_TAI))
    ts->tv_sec += shift_seconds();
  return rc;
}

int gettimeofday(struct timeval *tv, void *tz) {
  static int (*real)(struct timeval *, void *);
  if (!real) real = (int (*)(struct timeval *, void *))dlsym(RTLD_NEXT, "gettimeofday");
  int rc = real(tv, tz);
  if (rc == 0 && tv) tv->tv_sec += shift_seconds();
  return rc;
}

time_t time(time_t *out) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  if (out) *out = ts.tv_sec;
  return ts.tv_sec;
}
