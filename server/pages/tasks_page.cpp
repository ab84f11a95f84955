// GET /zadania — "Moje zadania": the open deadlines of the instances the account may see, grouped
// Po terminie / Dziś / Ten tydzień (the next seven days) / Później (up to 30 days), each with the
// case number, the stage, the task and the date, and a link to the case.
#include "server/access_policy.h"
#include "server/pages/pages.h"
#include "server/pages/polish.h"
#include "server/pages/stage_titles.h"

namespace koop::server::pages {
namespace {

constexpr int kHorizonDays = 30;

struct Group {
  const char* key;
  const char* title;
  Data items = MakeList();
  int count = 0;
};

void ShowTasks(Exchange& ex, const PageTemplates& t) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Date today = ToWarsawTime(ex.Now()).date;
  DeadlineQuery q;
  q.scope = ScopeFor(ex.account(), ex.catalog());
  q.now = ex.Now();
  q.until = ex.Now() + static_cast<TimeMs>(kHorizonDays + 1) * 24 * 3600 * 1000;
  q.limit = 500;
  Result<std::vector<DeadlineListing>> found = backend->directory->OpenDeadlines(q);
  if (!found.ok()) {
    FailurePage(ex, t, found.status());
    return;
  }
  Group groups[] = {{"po-terminie", "Po terminie"},
                    {"dzis", "Dziś"},
                    {"ten-tydzien", "Ten tydzień"},
                    {"pozniej", "Później (do 30 dni)"}};
  for (const DeadlineListing& d : *found) {
    Result<Date> due = Date::Parse(d.due_date);
    if (!due.ok()) continue;
    int days = due->ToDays() - today.ToDays();
    Group& g = days < 0 ? groups[0] : days == 0 ? groups[1] : days <= 7 ? groups[2] : groups[3];
    if (days > kHorizonDays) continue;
    Data item;
    item.set("instance_id", d.instance_id);
    item.set("number", d.case_number);
    item.set("stage", StageTitle(ex.catalog(), d.workflow_id, d.owner_state));
    item.set("task", d.title);
    item.set("date_label", DateLabel(*due) + " (" + WeekdayName(due->Weekday()) + ")");
    item.set("overdue", Data(days < 0));
    g.items.push_back(item);
    ++g.count;
  }
  Data list = MakeList();
  for (Group& g : groups) {
    Data group;
    group.set("key", g.key);
    group.set("title", g.title);
    group.set("count", std::to_string(g.count));
    group.set("items", g.items);
    group.set("has_items", Data(g.count > 0));
    list.push_back(group);
  }
  Data data;
  data.set("groups", list);
  data.set("today_label", DateLabel(today));
  RenderPage(ex, t, {"Moje zadania", "zadania", {}, {}}, "tasks", data);
}

}  // namespace

void RegisterTaskRoutes(Router& router, Templates t) {
  router.Add(PageRoute("GET", "/zadania", {}, [t](Exchange& ex) { ShowTasks(ex, *t); }));
}

}  // namespace koop::server::pages
