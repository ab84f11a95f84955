// `koop remind [--now T] [--dry-run]` — one scheduler tick: queue and send what is due at T (the
// system clock by default), once. Safe to run from cron every minute, and concurrently.
// --export-templates DIR writes the default Polish templates as editable files and exits.
#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"
#include "remind_options.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  if (inv.Has("export-templates")) {
    Result<int> n = ExportReminderTemplates(inv.Get("export-templates"));
    if (!n.ok()) return inv.Fail(n.status());
    *inv.out << "wrote " << *n << " templates to " << inv.Get("export-templates") << '\n';
    return 0;
  }
  Result<TimeMs> now = inv.Now();
  if (!now.ok()) return inv.Fail(now.status());
  ReminderOptions options = ReminderOptionsFrom(inv);
  options.dry_run = inv.Has("dry-run");
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  Result<std::unique_ptr<ReminderService>> service = (*db)->Reminders(options);
  if (!service.ok()) return inv.Fail(service.status());
  Result<ReminderTickReport> report = (*service)->Tick(*now);
  if (!report.ok()) return inv.Fail(report.status());
  LogTickNotes("koop.remind", *report);
  *inv.err << DescribeTick(*report) << (options.dry_run ? " (dry run)" : "") << '\n';
  return report->failed > 0 ? static_cast<int>(Code::kIoError) : 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("dry-run", "", "list what is due; change and send nothing"));
  options.addOption(Poco::Util::Option("templates", "", "folder of reminder templates <kind>.txt")
                        .argument("DIR"));
  options.addOption(Poco::Util::Option("export-templates", "", "write the default templates to DIR")
                        .argument("DIR"));
}

}  // namespace

extern const CommandSpec kRemindCommand = {
    "remind",
    "[--now T] [--dry-run] [--templates DIR] [--export-templates DIR]",
    "send the reminders that are due, once",
    Define,
    Run,
    0,
    0};

}  // namespace koop::runner
