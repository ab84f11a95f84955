// `koop daemon [--interval DURATION]` — the scheduler as a service: a tick, then sleep until the
// next piece of work or the interval (default PT1M), whichever is sooner. Like Poco's
// ServerApplication it blocks SIGTERM and SIGINT and waits for them (sigtimedwait doubles as the
// sleep), so a termination request ends the loop cleanly after the current tick; exit 0.
#include <Poco/Util/Option.h>

#include <csignal>
#include <ctime>
#include <ostream>

#include "engine_options.h"
#include "koop/calendar.h"
#include "remind_options.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  Duration interval;
  interval.minutes = 1;
  if (inv.Has("interval")) {
    Result<Duration> d = Duration::Parse(inv.Get("interval"));
    if (!d.ok()) {
      return inv.Fail(Status::Usage("--interval: " + d.status().message() +
                                    " (expected a fixed duration like PT30S or PT5M)"));
    }
    if (d->years || d->months || d->IsWorkingDays() ||
        (d->TimeSeconds() == 0 && d->days == 0 && d->weeks == 0)) {
      return inv.Fail(Status::Usage("--interval: expected a fixed duration like PT30S or PT5M"));
    }
    interval = *d;
  }
  long long interval_ms =
      (interval.TimeSeconds() + (interval.weeks * 7LL + interval.days) * 86400) * 1000;
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  ReminderOptions options = ReminderOptionsFrom(inv);
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  Result<std::unique_ptr<ReminderService>> service = (*db)->Reminders(options);
  if (!service.ok()) return inv.Fail(service.status());
  *inv.err << "koop daemon: started, interval " << interval.ToString() << '\n';
  for (;;) {
    TimeMs now = SystemClock()->NowMs();
    Result<ReminderTickReport> report = (*service)->Tick(now);
    if (!report.ok()) {
      *inv.err << "koop daemon: " << report.status().message() << '\n';  // retried next tick
    } else {
      LogTickNotes("koop.daemon", *report);
    }
    if (report.ok() &&
        (report->deadlines_planned || report->sent || report->events_raised || report->failed)) {
      *inv.err << "koop daemon: " << DescribeTick(*report) << '\n';
    }
    long long wait_ms = interval_ms;
    Result<TimeMs> next = (*service)->NextWakeUp();
    if (next.ok())
      wait_ms =
          std::min<long long>(wait_ms, std::max<long long>(*next - SystemClock()->NowMs(), 200));
    timespec ts{static_cast<time_t>(wait_ms / 1000), static_cast<long>(wait_ms % 1000) * 1000000L};
    int sig = sigtimedwait(&set, nullptr, &ts);
    if (sig == SIGTERM || sig == SIGINT) {
      *inv.err << "koop daemon: stopping on " << (sig == SIGTERM ? "SIGTERM" : "SIGINT") << '\n';
      return 0;
    }
  }
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("interval", "", "longest sleep between ticks (default PT1M)")
                        .argument("DURATION"));
  options.addOption(Poco::Util::Option("templates", "", "folder of reminder templates <kind>.txt")
                        .argument("DIR"));
}

}  // namespace

extern const CommandSpec kDaemonCommand = {"daemon",
                                           "[--interval DURATION] [--templates DIR]",
                                           "run the reminder scheduler as a service",
                                           Define,
                                           Run,
                                           0,
                                           0};

}  // namespace koop::runner
