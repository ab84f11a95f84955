// ReminderScheduler: one tick of "send what is due, once". A tick has two phases:
//  1. Plan (one write transaction per batch): open deadlines whose next action is due get their
//     outbox rows — the messages of the latest passed action (after downtime a deadline sends one
//     message, not one per missed action) and one "event" row per passed due/overdue action — and
//     their next_action_at/actions_done advance, all in the same transaction. A crash before the
//     commit leaves nothing; after it the rows are there for any scheduler to deliver.
//  2. Deliver (outbox_delivery.cpp): claim due outbox rows (a lease on the database's clock; FOR
//     UPDATE SKIP LOCKED on PostgreSQL); per row re-check the claim and mark it 'sending', send
//     it, and mark it sent only if it is still this worker's. The only window for a repeat is
//     between a server's acceptance and that commit (docs/reminders.md); the repeat carries the
//     same Message-ID, and the row taken over afterwards is counted (TickReport::taken_over).
//     Deadline events carry their outbox id as the instance's once-key: never raised twice.
// Event rows are delivered by raising deadline.<id>.due / deadline.<id>.overdue into the instance
// through an EventSink. Not thread-safe; one scheduler per store connection.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "koop/calendar.h"
#include "koop/clock.h"
#include "koop/reminders.h"
#include "notify/channel.h"
#include "notify/reminder_template.h"
#include "store/reminder_queries.h"
#include "store/store.h"
#include "time/deadline_actions.h"

namespace koop::notify {

struct SchedulerOptions {
  std::string worker_id = "koop";  // unique per process (host:pid), recorded in claims
  int send_minute = 7 * 60;        // local time messages go out on their day
  int batch = 1000;                // deadlines or outbox rows per transaction
  // A claim not marked sent by then (on the database's clock) is taken again; must be longer than
  // any one send (ReminderService checks it against smtp.timeout).
  TimeMs lease_ms = 5 * 60 * 1000;
  TimeMs retry_ms = 10 * 60 * 1000;                 // delay after a failed delivery
  std::string message_domain = "kooperacja.local";  // right-hand side of Message-IDs
  bool dry_run = false;                             // plan and list, write and send nothing
};

// The tick's counts and notes are the public report (koop/reminders.h).
using TickReport = ReminderTickReport;

// Raises a deadline event into an instance. `at` is the action's own time (the due day's send
// time, or the end of the due day), not the tick's: the instance records the event at `at`, or at
// its last event's time if that is later (events are applied in time order). Permanent refusals
// (finished instance, unknown instance) are kDataError/kNoInput; anything else is retried.
class EventSink {
 public:
  virtual ~EventSink() = default;
  // `once_key` identifies the event for good: raising it again with the same key must change
  // nothing and succeed (the instance records the key in the event's own transaction).
  virtual Status Raise(const std::string& instance_id, const std::string& event, TimeMs at,
                       const std::string& once_key) = 0;
};

class ReminderScheduler {
 public:
  // `email` may be null (no SMTP configured: everything goes to `log`). `events` may be null
  // (event rows then stay queued until a scheduler with a sink delivers them).
  ReminderScheduler(store::Store& store, ReminderTemplates templates,
                    std::unique_ptr<Channel> email, std::unique_ptr<Channel> log, EventSink* events,
                    SchedulerOptions options);

  Result<TickReport> Tick(TimeMs now);
  // When the next tick has work: the earliest deadline action or outbox row (kNeverMs: none).
  Result<TimeMs> NextWakeUp();
  // Dry runs list what would happen here, one line each; a deadline event an instance refuses
  // for good is noted here too ("event <instance> <event> dropped: <code>"), never silently lost.
  void set_dry_run_output(std::ostream* out) { dry_out_ = out; }

 private:
  Result<bool> PlanBatch(TimeMs now, TickReport& report);
  Result<bool> DeliverBatch(TimeMs now, TickReport& report);  // outbox_delivery.cpp
  Status DeliverRow(const store::OutboxRow& row, TimeMs now, TickReport& report);
  // Queues action `a`'s message for each holder of the roles in `roles_json`.
  Status QueueMessages(store::Transaction& tx, const store::PlannedDeadline& p,
                       const DeadlineAction& a, const Date& due_date, const std::string& roles_json,
                       TimeMs now, TickReport& report);
  // The municipality calendar of an instance's municipality copy, cached for the tick.
  // The office calendar of a stored municipality copy; kDataError naming `source` when unreadable.
  Result<const Calendar*> CalendarFor(const std::string& municipality_json,
                                      const std::string& source);

  store::Store& store_;
  ReminderTemplates templates_;
  std::unique_ptr<Channel> email_;
  std::unique_ptr<Channel> log_;
  EventSink* events_;
  SchedulerOptions options_;
  std::shared_ptr<Calendar> calendar_;  // statutory days, for a municipality copy it cannot read
  std::map<std::string, std::shared_ptr<Calendar>> calendars_;  // by municipality JSON
  std::ostream* dry_out_ = nullptr;
};

// "<instance.deadline.occurrence.kind[.offset].recipient-hash@domain>": the same reminder always
// gets the same id, so a repeat is recognisable and the outbox cannot hold it twice.
std::string StableMessageId(const std::string& instance_id, const std::string& deadline_id,
                            long long occurrence, const std::string& kind,
                            const std::string& offset, const std::string& recipient,
                            const std::string& domain);

}  // namespace koop::notify
