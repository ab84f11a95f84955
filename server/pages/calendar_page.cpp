// GET /kalendarz[?miesiac=YYYY-MM] — a month of the open deadlines of the instances the account
// may see and of their planned meetings (declared non-personal fields with a `data` date), with
// the days off marked; POST /kalendarz/subskrypcja makes a new personal .ics address (the old one
// stops working). The address is shown once, on the page answering the POST.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cstdio>
#include <map>

#include "koop/municipality.h"
#include "server/access_policy.h"
#include "server/pages/pages.h"
#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

struct Entry {
  std::string instance_id, number, title;
};

Date FirstOfMonth(Exchange& ex) {
  Date today = ToWarsawTime(ex.Now()).date;
  std::string wanted = ex.Query("miesiac");
  Result<Date> parsed = Date::Parse(wanted + "-01");
  if (wanted.size() == 7 && parsed.ok()) return *parsed;
  return Date{today.year, today.month, 1};
}

std::string MonthParam(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

// Planned meetings: a non-personal declared object field whose `data` member is a date.
void AddMeetings(const InstanceView& view, const WorkflowInfo& workflow, const std::string& number,
                 std::map<std::string, std::vector<Entry>>& days) {
  Poco::JSON::Object::Ptr data;
  try {
    data = Poco::JSON::Parser().parse(view.data_json).extract<Poco::JSON::Object::Ptr>();
  } catch (const std::exception&) {
    return;
  }
  for (const FieldInfo& f : workflow.fields) {
    if (f.personal || f.type != "object" || !data->isObject(f.name)) continue;
    Poco::JSON::Object::Ptr o = data->getObject(f.name);
    if (!o->has("data") || !o->get("data").isString()) continue;
    std::string date = o->getValue<std::string>("data");
    if (!Date::Parse(date).ok()) continue;
    std::string time = o->has("godzina") && o->get("godzina").isString()
                           ? " " + o->getValue<std::string>("godzina")
                           : "";
    days[date].push_back({view.instance_id, number, (f.title.empty() ? f.name : f.title) + time});
  }
}

void ShowCalendar(Exchange& ex, const PageTemplates& t, const std::string& feed_url) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Date first = FirstOfMonth(ex);
  Date next = first.AddMonths(1);
  TenantScope scope = ScopeFor(ex.account(), ex.catalog());
  std::map<std::string, std::vector<Entry>> days;
  DeadlineQuery dq;
  dq.scope = scope;
  dq.now = ex.Now();
  dq.until = static_cast<TimeMs>(next.ToDays() + 1) * 24 * 3600 * 1000;  // UTC midnight after
  dq.limit = 2000;
  Result<std::vector<DeadlineListing>> deadlines = backend->directory->OpenDeadlines(dq);
  if (!deadlines.ok()) {
    FailurePage(ex, t, deadlines.status());
    return;
  }
  for (const DeadlineListing& d : *deadlines) {
    days[d.due_date].push_back({d.instance_id, d.case_number, "termin: " + d.title});
  }
  InstanceQuery iq;
  iq.scope = scope;
  iq.now = ex.Now();
  iq.limit = 500;
  Result<std::vector<InstanceListing>> instances = backend->directory->FindInstances(iq);
  if (instances.ok()) {
    for (const InstanceListing& l : *instances) {
      const WorkflowInfo* w = ex.catalog().Find(l.workflow_id);
      if (!w || l.status != "active") continue;
      Result<InstanceView> view = backend->engine->Show(l.instance_id);
      if (view.ok()) AddMeetings(*view, *w, l.case_number, days);
    }
  }
  // Days off as the account's municipality counts them (a rops region: the statutory ones).
  Result<std::shared_ptr<Calendar>> own = MunicipalityCalendar(
      ex.backend_options().database.municipalities_dir, ex.account().municipality_id);
  std::shared_ptr<Calendar> calendar = own.ok() ? *own : Calendar::Polish();
  Data weeks = MakeList();
  Date cursor = first.AddDays(-(first.Weekday() - 1));
  while (cursor < next) {
    Data week;
    Data cells = MakeList();
    for (int i = 0; i < 7; ++i, cursor = cursor.AddDays(1)) {
      bool in_month = cursor.month == first.month && cursor.year == first.year;
      Data cell;
      cell.set("in_month", Data(in_month));
      cell.set("day", std::to_string(cursor.day));
      bool off = calendar->IsKpaNonWorking(cursor);
      cell.set("css", !in_month ? "other" : off ? "off" : "");
      cell.set("holiday", Text(in_month ? calendar->HolidayName(cursor) : ""));
      Data entries = MakeList();
      auto it = days.find(cursor.ToString());
      if (in_month && it != days.end()) {
        for (const Entry& e : it->second) {
          Data entry;
          entry.set("instance_id", e.instance_id);
          entry.set("number", e.number);
          entry.set("title", e.title);
          entries.push_back(entry);
        }
      }
      cell.set("has_entries", Data(in_month && it != days.end()));
      cell.set("entries", entries);
      cells.push_back(cell);
    }
    week.set("days", cells);
    weeks.push_back(week);
  }
  Date prev = first.AddMonths(-1);
  Data data;
  data.set("weeks", weeks);
  data.set("month_label", MonthName(first.month) + " " + std::to_string(first.year));
  data.set("prev_month", MonthParam(prev));
  data.set("next_month", MonthParam(next));
  data.set("prev_label", MonthName(prev.month) + " " + std::to_string(prev.year));
  data.set("next_label", MonthName(next.month) + " " + std::to_string(next.year));
  data.set("feed_url", Text(feed_url));
  std::vector<std::string> notices;
  if (!feed_url.empty()) notices.push_back("Utworzono nowy adres subskrypcji kalendarza.");
  RenderPage(ex, t,
             {"Kalendarz – " + MonthName(first.month) + " " + std::to_string(first.year),
              "kalendarz",
              notices,
              {}},
             "calendar", data);
}

void NewFeed(Exchange& ex, const PageTemplates& t) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<std::string> token = backend->accounts->NewFeedToken(ex.account().login);
  if (!token.ok()) {
    FailurePage(ex, t, token.status());
    return;
  }
  std::string base = std::string(ex.secure() ? "https://" : "http://") + ex.Header("Host");
  ShowCalendar(ex, t, base + "/api/v1/feed/" + *token + ".ics");
}

}  // namespace

void RegisterCalendarRoutes(Router& router, Templates t) {
  router.Add(PageRoute("GET", "/kalendarz", {}, [t](Exchange& ex) { ShowCalendar(ex, *t, ""); }));
  router.Add(
      PageRoute("POST", "/kalendarz/subskrypcja", {}, [t](Exchange& ex) { NewFeed(ex, *t); }));
}

}  // namespace koop::server::pages
