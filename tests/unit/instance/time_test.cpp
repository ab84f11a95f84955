// Regressions of issue #7 through the durable engine, on every backend, at simulated dates:
//  - a recurring obligation was counted from its satisfaction day with KPA moves (31 Jan + P1M
//    became Monday 2 Mar, and the series drifted to the 28th); it now follows its stored series
//    (time/recurrence.h) so month ends hold: 28 Feb, 31 Mar, 30 Apr, 31 May;
//  - deadline rows dropped the workflow's escalation;
//  - a deadline event raised after a later event of the instance was refused (and so lost).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <boost/test/unit_test.hpp>

#include "koop/engine.h"
#include "store/deadline_table.h"
#include "store/store.h"
#include "unit/instance/engine_fixture.h"
#include "unit/store/test_backends.h"

namespace koop {
namespace {

using testing::At;
using testing::ForEachBackend;
using testing::kInstanceData;
using testing::TempDir;
using testing::TestDatabase;
const std::string& kData = kInstanceData;

testing::TestEngine OpenEngine(const std::string& uri) {
  return testing::OpenEngine(uri, "2026-01-31T08:00");
}

// The open occurrences of `id` ("due_date" each).
std::vector<std::string> OpenDue(Engine& engine, const std::string& instance,
                                 const std::string& id) {
  std::vector<std::string> out;
  auto view = engine.Show(instance);
  BOOST_REQUIRE_MESSAGE(view.ok(), view.status().message());
  for (const auto& d : view->deadlines) {
    if (d.id == id && d.state == "open") out.push_back(d.due_date);
  }
  return out;
}

void Fire(Engine& engine, const std::string& id, const char* event, const char* at) {
  auto r = engine.Fire({id, event, "{}", At(at)});
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
}

using Dates = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(TimeThroughTheEngine)

BOOST_AUTO_TEST_CASE(MonthlyObligationKeepsItsMonthEnd) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"timed", "clocktown", "{}", At("2026-01-31T10:00")});
    BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
    const std::string id = started->instance_id;
    const char* kId = "monitoring.report";
    // Anchored on Saturday 31 Jan: due 28 Feb (a Saturday: not moved, it can be met earlier).
    BOOST_TEST(OpenDue(*engine, id, kId) == Dates{"2026-02-28"});
    Fire(*engine, id, "report.filed", "2026-02-28T09:00");  // on its due day: the anchor holds
    BOOST_TEST(OpenDue(*engine, id, kId) == Dates{"2026-03-31"});
    Fire(*engine, id, "report.filed", "2026-03-31T09:00");
    BOOST_TEST(OpenDue(*engine, id, kId) == Dates{"2026-04-30"});
    Fire(*engine, id, "report.filed", "2026-04-30T23:30");  // late evening, still 30 Apr locally
    BOOST_TEST(OpenDue(*engine, id, kId) == Dates{"2026-05-31"});
    // Early (<k:satisfy> counts as well): "since last satisfied" restarts the series that day.
    Fire(*engine, id, "report.confirmed", "2026-05-20T09:00");
    BOOST_TEST(OpenDue(*engine, id, kId) == Dates{"2026-06-20"});
    // Late: restarts from the day it was finally done.
    Fire(*engine, id, "report.filed", "2026-07-01T09:00");
    BOOST_TEST(OpenDue(*engine, id, kId) == Dates{"2026-08-01"});
    auto view = engine->Show(id);
    int satisfied = 0;
    for (const auto& d : view->deadlines) satisfied += d.state == "satisfied";
    BOOST_TEST(satisfied == 5);

    // The series is stored with the row: period, anchor and count.
    auto store = store::Store::Open(uri);
    BOOST_REQUIRE(store.ok());
    auto tx = (*store)->BeginRead();
    auto open = store::OpenDeadline(*tx, id, kId);
    BOOST_REQUIRE(open.ok());
    BOOST_REQUIRE(open->has_value());
    BOOST_TEST((*open)->recur_every == "P1M");
    BOOST_TEST((*open)->recur_anchor == "2026-07-01");
    BOOST_TEST((*open)->recur_count == 0);
  });
}

BOOST_AUTO_TEST_CASE(DeadlineKeepsItsEscalationAndCountsClosureDays) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"timed", "clocktown", "{}", At("2026-11-02T10:00")});
    BOOST_REQUIRE(started.ok());
    const std::string id = started->instance_id;
    // Tuesday 10 Nov + 3 working days: 11 Nov off, 12 Nov, 13 Nov closed (clocktown), 16, 17 Nov.
    Fire(*engine, id, "ggk.convened", "2026-11-10T09:00");
    BOOST_TEST(OpenDue(*engine, id, "ggk.invitations") == Dates{"2026-11-17"});
    BOOST_TEST(OpenDue(*engine, id, "monitoring.report").empty());  // left its state
    auto store = store::Store::Open(uri);
    BOOST_REQUIRE(store.ok());
    auto tx = (*store)->BeginRead();
    auto open = store::OpenDeadline(*tx, id, "ggk.invitations");
    BOOST_REQUIRE(open.ok());
    BOOST_REQUIRE(open->has_value());
    BOOST_TEST((*open)->escalate == "P2D");
    BOOST_TEST((*open)->escalate_to == "[\"director\"]");
    BOOST_TEST((*open)->recipients == "[\"coordinator\"]");
    BOOST_TEST(!(*open)->IsRecurring());
  });
}

// The period of a <k:recurring> comes from the municipality's binding (a count of months) or from
// the parameter's default (a duration); the series, its escalation and the escalation's day are
// shown per deadline, in the view and in the stable JSON.
BOOST_AUTO_TEST_CASE(RecurringPeriodFromParametersAndShownWithItsEscalation) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"periodic", "periodtown", "{}", At("2026-01-31T10:00")});
    BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
    const std::string id = started->instance_id;
    // periodtown binds meeting.everyMonths = 2 (default 3); audit.every keeps its default P2W.
    BOOST_TEST(OpenDue(*engine, id, "meeting") == Dates{"2026-03-31"});
    BOOST_TEST(OpenDue(*engine, id, "audit") == Dates{"2026-02-14"});
    auto find = [](const InstanceView& v, const std::string& did) {
      for (const auto& d : v.deadlines) {
        if (d.id == did && d.state == "open") return d;
      }
      BOOST_FAIL("no open " << did);
      return DeadlineView{};
    };
    auto view = engine->Show(id);
    BOOST_REQUIRE(view.ok());
    DeadlineView meeting = find(*view, "meeting");
    BOOST_TEST(meeting.recur_every == "P2M");
    BOOST_TEST(meeting.recur_anchor == "2026-01-31");
    BOOST_TEST(meeting.recur_count == 0);
    BOOST_TEST(meeting.escalate == "P7D");
    BOOST_TEST(meeting.escalate_to == std::vector<std::string>{"director"});
    BOOST_TEST(meeting.escalation_date == "2026-04-07");  // Tue 31 Mar + 7 days
    DeadlineView audit = find(*view, "audit");
    BOOST_TEST(audit.recur_every == "P2W");
    BOOST_TEST(audit.escalate.empty());
    BOOST_TEST(audit.escalation_date.empty());

    // Met on its due day: the anchor holds, the escalation travels with the series.
    Fire(*engine, id, "meeting.held", "2026-03-31T09:00");
    view = engine->Show(id);
    BOOST_REQUIRE(view.ok());
    meeting = find(*view, "meeting");
    BOOST_TEST(meeting.due_date == "2026-05-31");
    BOOST_TEST(meeting.recur_anchor == "2026-01-31");
    BOOST_TEST(meeting.recur_count == 1);
    BOOST_TEST(meeting.escalate_to == std::vector<std::string>{"director"});
    // Sun 31 May + 7 days = Sun 7 Jun, moved by KPA art. 57 to Monday 8 June.
    BOOST_TEST(meeting.escalation_date == "2026-06-08");

    // koop show --json: "recurring" and "escalation" per deadline (null when it has none).
    auto root =
        Poco::JSON::Parser().parse(InstanceViewToJson(*view)).extract<Poco::JSON::Object::Ptr>();
    auto deadlines = root->getArray("deadlines");
    int seen = 0;
    for (std::size_t i = 0; i < deadlines->size(); ++i) {
      auto d = deadlines->getObject(i);
      if (d->getValue<std::string>("state") != "open") continue;
      ++seen;
      auto r = d->getObject("recurring");
      BOOST_REQUIRE(r);
      if (d->getValue<std::string>("id") == "meeting") {
        BOOST_TEST(r->getValue<std::string>("every") == "P2M");
        BOOST_TEST(r->getValue<std::string>("anchor") == "2026-01-31");
        BOOST_TEST(r->getValue<int>("count") == 1);
        auto e = d->getObject("escalation");
        BOOST_REQUIRE(e);
        BOOST_TEST(e->getValue<std::string>("after") == "P7D");
        BOOST_TEST(e->getArray("to")->getElement<std::string>(0) == "director");
        BOOST_TEST(e->getValue<std::string>("date") == "2026-06-08");
      } else {
        BOOST_TEST(d->isNull("escalation"));
      }
    }
    BOOST_TEST(seen == 2);
  });
}

BOOST_AUTO_TEST_CASE(LateDeadlineEventTakesTheLastEventsTime) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"timed", "clocktown", "{}", At("2026-11-02T10:00")});
    BOOST_REQUIRE(started.ok());
    const std::string id = started->instance_id;
    Fire(*engine, id, "report.filed", "2026-11-20T09:00");
    // An ordinary event before the last one is refused...
    auto early = engine->Fire({id, "x", "{}", At("2026-11-10T09:00")});
    BOOST_TEST(early.status().exit_code() == 65);
    // ...a deadline event raised late is recorded at the last event's time, not lost.
    FireRequest late{id, "deadline.monitoring.report.overdue", "{}", At("2026-11-10T09:00")};
    late.at_or_after_last = true;
    auto r = engine->Fire(late);
    BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
    auto view = engine->Show(id);
    BOOST_TEST(view->history.back().event == "deadline.monitoring.report.overdue");
    BOOST_TEST(view->history.back().at == At("2026-11-20T09:00"));
    // Raised in order, it keeps its own (due) time.
    late.at = At("2026-11-21T00:00");
    BOOST_REQUIRE(engine->Fire(late).ok());
    BOOST_TEST(engine->Show(id)->history.back().at == At("2026-11-21T00:00"));
    // Replay reproduces the stored snapshot from the recorded times.
    BOOST_TEST(engine->Replay(id).ok());
  });
}

// Issue 12: a view whose data cannot be read says so in its JSON instead of an empty object.
BOOST_AUTO_TEST_CASE(ViewJsonNamesUnreadableData) {
  InstanceView view;
  view.instance_id = "case-1";
  view.data_json = "{\"a\": ";
  auto root =
      Poco::JSON::Parser().parse(InstanceViewToJson(view)).extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(root->get("data").isEmpty());
  BOOST_TEST(root->getValue<std::string>("data_error") ==
             "data of instance case-1:1:7: invalid JSON: unexpected end of text");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
