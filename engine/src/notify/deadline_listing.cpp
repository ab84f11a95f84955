// `koop deadlines`: open deadlines across instances as text, JSON or an iCalendar feed. Only the
// case number, task, stage and date are shown (RODO).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "json/json_reader.h"
#include "koop/reminders.h"
#include "notify/ics_feed.h"
#include "notify/reminder_service.h"
#include "store/reminder_queries.h"
#include "store/store.h"
#include "time/deadline_actions.h"

namespace koop::notify {
namespace {

// What people read: the case's own number and the stage's Polish title (ids only for rows
// written before migration 9).
std::string CaseOf(const store::DeadlineRow& d) {
  return d.case_number.empty() ? d.instance_id : d.case_number;
}
std::string StageOf(const store::DeadlineRow& d) {
  return d.stage_title.empty() ? d.owner_state : d.stage_title;
}

}  // namespace

Result<std::string> ListOpenDeadlines(store::Store& store, const std::string& until_date,
                                      DeadlineFormat format) {
  if (!until_date.empty()) {
    Result<Date> until = Date::Parse(until_date);
    if (!until.ok()) return Status::Usage("until date: " + until.status().message());
  }
  Result<store::Transaction> tx = store.BeginRead();
  if (!tx.ok()) return tx.status();
  Result<std::vector<store::DeadlineRow>> rows = store::OpenDeadlinesUntil(*tx, until_date);
  if (!rows.ok()) return rows.status();
  std::ostringstream out;
  if (format == DeadlineFormat::kText) {
    for (const auto& d : *rows) {
      out << d.due_date << "  " << CaseOf(d) << "  " << d.title << " (" << StageOf(d) << ")\n";
    }
  } else if (format == DeadlineFormat::kJson) {
    Poco::JSON::Array array;
    for (const auto& d : *rows) {
      Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
      o->set("instance", d.instance_id);
      o->set("case", CaseOf(d));
      o->set("deadline", d.deadline_id);
      o->set("occurrence", d.occurrence);
      o->set("title", d.title);
      o->set("stage", d.owner_state);
      o->set("stageTitle", StageOf(d));
      o->set("dueDate", d.due_date);
      o->set("dueAt", FormatInstantUtc(d.due_at));
      o->set("uid", notify::StableUid(d.instance_id, d.deadline_id, d.occurrence));
      array.add(o);
    }
    array.stringify(out, 2);
    out << '\n';
  } else {
    std::vector<notify::FeedEntry> entries;
    for (const auto& d : *rows) {
      notify::FeedEntry e;
      e.uid = notify::StableUid(d.instance_id, d.deadline_id, d.occurrence);
      e.case_number = CaseOf(d);
      e.task = d.title;
      e.stage = StageOf(d);
      Result<Date> due = Date::Parse(d.due_date);
      if (!due.ok()) continue;
      e.due_date = *due;
      e.stamp = d.updated_at;
      Result<std::vector<std::string>> remind = json::ParseStrings(
          d.remind, "reminders of deadline " + d.deadline_id + " of instance " + d.instance_id);
      if (!remind.ok()) return remind.status();
      for (const std::string& r : *remind) {
        Result<Duration> dur = Duration::Parse(r);
        if (dur.ok() && !dur->HasTime() && dur->TotalMonths() == 0 && !dur->IsWorkingDays()) {
          e.alarm_days = std::max(e.alarm_days, dur->weeks * 7 + dur->days);
        }
      }
      entries.push_back(std::move(e));
    }
    out << notify::BuildIcsFeed(entries);
  }
  return out.str();
}

}  // namespace koop::notify
