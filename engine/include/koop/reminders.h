// Reminders: the scheduler behind `koop remind` and `koop daemon` (koop::Database::Reminders) and
// the formats of the deadline listing behind `koop deadlines` (koop::Database::Deadlines).
// Tick(now) sends what is due at `now`, once (see docs/reminders.md for the outbox and its
// guarantees). Settings come from the config file as plain key/value pairs:
//   smtp.host, smtp.port (587), smtp.user, smtp.password_env (name of the environment variable
//   holding the password), smtp.auth (plain|login), smtp.from, smtp.starttls (true),
//   smtp.cafile, smtp.verify (true), reminders.templates (a folder of <kind>.txt),
//   reminders.send_time (07:00), reminders.message_domain, reminders.batch, smtp.timeout (seconds
//   per SMTP operation, 30), reminders.lease (seconds an outbox claim lasts on the database's
//   clock, 300; at least 10 × smtp.timeout so a send never outlives its lease).
// Without smtp.host every message goes to the log stream. Use one service from one thread.
#pragma once

#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop {

struct ReminderOptions {
  std::map<std::string, std::string> settings;  // the keys above
  std::ostream* log = nullptr;                  // the log channel and dry-run listing (required)
  bool dry_run = false;   // list what would be queued; change and send nothing
  std::string worker_id;  // empty: host:pid
};

// One outbox row that did not go out as planned, for the operator's log: named by its message
// id (the reminder's Message-ID, or the deadline event's once-key), never by its content.
struct ReminderNote {
  std::string message_id;
  std::string what;  // e.g. "failed, retried after 2027-03-01T09:15Z: 451 try later"
};

struct ReminderTickReport {
  int deadlines_planned = 0;  // deadlines whose plan moved
  int messages_queued = 0;    // outbox message rows created
  int events_queued = 0;      // outbox event rows created
  int sent = 0;               // messages delivered
  int events_raised = 0;      // events delivered into instances
  int failed = 0;             // deliveries that failed (retried later)
  int dropped = 0;            // rows whose deadline closed before delivery, or refused events
  int skipped = 0;            // claimed rows another worker took first (not sent here)
  int taken_over = 0;  // rows taken from a worker that stopped while sending (possible repeats)
  int lease_lost = 0;  // rows whose lease ran out while this worker sent them (possible repeats)
  std::vector<ReminderNote> notes;  // one per failed, dropped or lease-lost row
};

class ReminderService {
 public:
  virtual ~ReminderService() = default;
  virtual Result<ReminderTickReport> Tick(TimeMs now) = 0;
  // When the next tick has work (kNeverMs-like far future when none).
  virtual Result<TimeMs> NextWakeUp() = 0;
};

enum class DeadlineFormat { kText, kJson, kIcs };

// Writes the default reminder templates as editable files DIR/<kind>.txt (existing files are
// kept). Returns how many it wrote.
Result<int> ExportReminderTemplates(const std::string& dir);

}  // namespace koop
