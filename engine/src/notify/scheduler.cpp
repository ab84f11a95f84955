#include "notify/scheduler.h"

#include <cstdio>
#include <ostream>

#include "json/json_reader.h"
#include "municipality/municipality.h"
#include "notify/recipients.h"
#include "store/reminder_queries.h"
#include "time/deadline_actions.h"

namespace koop::notify {
namespace {

std::string Sanitize(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    out += ok ? static_cast<char>(c) : '_';
  }
  return out;
}

std::string Fnv1a(const std::string& s) {
  unsigned long long h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", h);
  return buf;
}

}  // namespace

std::string StableMessageId(const std::string& instance_id, const std::string& deadline_id,
                            long long occurrence, const std::string& kind,
                            const std::string& offset, const std::string& recipient,
                            const std::string& domain) {
  std::string key = instance_id + "\n" + deadline_id + "\n" + std::to_string(occurrence) + "\n" +
                    kind + "\n" + offset + "\n" + recipient;
  return "<" + Sanitize(instance_id) + "." + Sanitize(deadline_id) + "." +
         std::to_string(occurrence) + "." + kind + (offset.empty() ? "" : "." + offset) + "." +
         Fnv1a(key).substr(0, 12) + "@" + domain + ">";
}

ReminderScheduler::ReminderScheduler(store::Store& store, ReminderTemplates templates,
                                     std::unique_ptr<Channel> email, std::unique_ptr<Channel> log,
                                     EventSink* events, SchedulerOptions options)
    : store_(store),
      templates_(std::move(templates)),
      email_(std::move(email)),
      log_(std::move(log)),
      events_(events),
      options_(std::move(options)),
      calendar_(Calendar::Polish()) {}

Result<const Calendar*> ReminderScheduler::CalendarFor(const std::string& municipality_json,
                                                       const std::string& source) {
  auto it = calendars_.find(municipality_json);
  if (it != calendars_.end()) return it->second.get();
  // An unreadable copy is an error naming the deadline: counted on the statutory calendar instead,
  // its reminders would silently ignore the office's closure days.
  Result<municipality::Municipality> m =
      municipality::MunicipalityFromJson(municipality_json, source);
  if (!m.ok()) return m.status();
  std::shared_ptr<Calendar> calendar = municipality::OfficeCalendar(*m);
  return calendars_.emplace(municipality_json, std::move(calendar)).first->second.get();
}

Result<TickReport> ReminderScheduler::Tick(TimeMs now) {
  TickReport report;
  calendars_.clear();  // a tick sees the municipality copies as they are now
  // Plan in batches until nothing is due; then deliver in batches.
  for (;;) {
    Result<bool> more = PlanBatch(now, report);
    if (!more.ok()) return more.status();
    if (!*more || options_.dry_run) break;
  }
  if (options_.dry_run) return report;
  for (;;) {
    Result<bool> more = DeliverBatch(now, report);
    if (!more.ok()) return more.status();
    if (!*more) break;
  }
  if (email_) email_->Close();
  return report;
}

Result<bool> ReminderScheduler::PlanBatch(TimeMs now, TickReport& report) {
  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<std::vector<store::PlannedDeadline>> due =
      store::DeadlinesNeedingAction(*tx, now, options_.batch);
  if (!due.ok()) return due.status();
  for (const store::PlannedDeadline& p : *due) {
    const store::DeadlineRow& d = p.row;
    Result<Date> due_date = Date::Parse(d.due_date);
    if (!due_date.ok()) {
      // A row the scheduler cannot read is parked rather than retried every tick.
      KOOP_RETURN_IF_ERROR(store::UpdateDeadlinePlan(*tx, d, store::kNeverMs, p.actions_done));
      continue;
    }
    Result<const Calendar*> calendar =
        CalendarFor(p.municipality_json,
                    "municipality of deadline " + d.deadline_id + " of instance " + d.instance_id);
    if (!calendar.ok()) return calendar.status();
    Result<std::vector<std::string>> remind = json::ParseStrings(
        d.remind, "reminders of deadline " + d.deadline_id + " of instance " + d.instance_id);
    if (!remind.ok()) return remind.status();
    std::vector<DeadlineAction> actions =
        DeadlineActions(*due_date, *remind, options_.send_minute, **calendar, d.escalate);
    size_t first = static_cast<size_t>(p.actions_done), next = first;
    while (next < actions.size() && actions[next].at <= now) ++next;
    // Events: every passed due/overdue action, in order. Messages: the latest passed action to the
    // deadline's roles, and the escalation to the escalation roles once its day has come — after
    // downtime each of them once, not once per missed action.
    const DeadlineAction* latest = nullptr;
    const DeadlineAction* escalation = nullptr;
    for (size_t i = first; i < next; ++i) {
      (actions[i].kind == ReminderKind::kEscalation ? escalation : latest) = &actions[i];
      if (!actions[i].raises_event) continue;
      std::string event = "deadline." + d.deadline_id + "." + ReminderKindName(actions[i].kind);
      store::OutboxRow row{
          StableMessageId(d.instance_id, d.deadline_id, d.occurrence, "event",
                          ReminderKindName(actions[i].kind), "", options_.message_domain),
          d.instance_id,
          d.deadline_id,
          d.occurrence,
          "event",
          "event",
          event,
          event,
          "",
          actions[i].at,
          now,
          0};
      Result<bool> inserted = store::InsertOutbox(*tx, row);
      if (!inserted.ok()) return inserted.status();
      if (*inserted) ++report.events_queued;
      if (options_.dry_run && dry_out_)
        *dry_out_ << "event " << d.instance_id << ' ' << event << '\n';
    }
    if (latest != nullptr) {
      KOOP_RETURN_IF_ERROR(QueueMessages(*tx, p, *latest, *due_date, d.recipients, now, report));
    }
    if (escalation != nullptr) {
      KOOP_RETURN_IF_ERROR(
          QueueMessages(*tx, p, *escalation, *due_date, d.escalate_to, now, report));
    }
    TimeMs next_at = next < actions.size() ? actions[next].at : store::kNeverMs;
    KOOP_RETURN_IF_ERROR(
        store::UpdateDeadlinePlan(*tx, d, next_at, static_cast<std::int64_t>(next)));
    ++report.deadlines_planned;
  }
  if (options_.dry_run) {
    KOOP_RETURN_IF_ERROR(tx->Rollback());
    return false;
  }
  KOOP_RETURN_IF_ERROR(tx->Commit());
  return static_cast<int>(due->size()) >= options_.batch;
}

Status ReminderScheduler::QueueMessages(store::Transaction& tx, const store::PlannedDeadline& p,
                                        const DeadlineAction& a, const Date& due_date,
                                        const std::string& roles_json, TimeMs now,
                                        TickReport& report) {
  const store::DeadlineRow& d = p.row;
  Result<std::vector<Recipient>> recipients =
      ResolveRecipients(roles_json, p.municipality_json,
                        "deadline " + d.deadline_id + " of instance " + d.instance_id);
  if (!recipients.ok()) return recipients.status();
  for (const Recipient& to : *recipients) {
    Reminder r;
    r.kind = a.kind;
    // Rows written before migration 9 have no number or title: the ids are all they know.
    r.case_number = d.case_number.empty() ? d.instance_id : d.case_number;
    r.task = d.title;
    r.stage = d.stage_title.empty() ? d.owner_state : d.stage_title;
    r.due_date = due_date;
    r.days = std::abs(due_date.ToDays() - a.day.ToDays());
    r.role = to.role;
    std::string kind = ReminderKindName(a.kind);
    r.message_id = StableMessageId(d.instance_id, d.deadline_id, d.occurrence, kind, a.offset,
                                   to.role + "\n" + to.email, options_.message_domain);
    RenderedText text = templates_.Render(r);
    bool email = !to.email.empty() && email_ != nullptr;
    store::OutboxRow row{r.message_id,
                         d.instance_id,
                         d.deadline_id,
                         d.occurrence,
                         kind,
                         email ? "smtp" : "log",
                         email ? to.email : to.role,
                         text.subject,
                         text.body,
                         a.at,
                         now,
                         0};
    Result<bool> inserted = store::InsertOutbox(tx, row);
    if (!inserted.ok()) return inserted.status();
    if (*inserted) ++report.messages_queued;
    if (options_.dry_run && dry_out_) {
      *dry_out_ << "message " << r.message_id << " to " << to.role << ": " << text.subject << '\n';
    }
  }
  return Status::Ok();
}

Result<TimeMs> ReminderScheduler::NextWakeUp() {
  Result<store::Transaction> tx = store_.BeginRead();
  if (!tx.ok()) return tx.status();
  Result<TimeMs> deadline = store::NextDeadlineAction(*tx);
  if (!deadline.ok()) return deadline;
  Result<TimeMs> outbox = store::NextOutboxDue(*tx);
  if (!outbox.ok()) return outbox;
  return std::min(*deadline, *outbox);
}

}  // namespace koop::notify
