// DeadlinesToIcs: the directory's deadlines through the one iCalendar writer (notify/ics_feed.h).
#include "koop/directory.h"
#include "notify/ics_feed.h"

namespace koop {

std::string DeadlinesToIcs(const std::vector<DeadlineListing>& deadlines, TimeMs stamp) {
  std::vector<notify::FeedEntry> entries;
  for (const DeadlineListing& d : deadlines) {
    Result<Date> due = Date::Parse(d.due_date);
    if (!due.ok()) continue;  // written by the engine; a malformed row is left out of the feed
    notify::FeedEntry e;
    e.uid = notify::StableUid(d.instance_id, d.deadline_id, d.occurrence);
    e.case_number = d.case_number;
    e.task = d.title;
    e.stage = d.owner_state;
    e.due_date = *due;
    e.stamp = stamp;
    entries.push_back(std::move(e));
  }
  return notify::BuildIcsFeed(entries);
}

}  // namespace koop
