// Durable instances: start/fire/show on every backend, one transaction per event, replay of the
// log reproducing the stored snapshot (delayed sends and --at times included).
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "koop/engine.h"
#include "store/event_table.h"
#include "store/store.h"
#include "unit/instance/engine_fixture.h"
#include "unit/store/test_backends.h"

namespace koop {
namespace {

using testing::At;
using testing::ForEachBackend;
using testing::kInstanceData;
using testing::OpenEngine;
using testing::TempDir;
using testing::TestDatabase;
const std::string& kData = kInstanceData;

BOOST_AUTO_TEST_SUITE(DurableInstances)

BOOST_AUTO_TEST_CASE(StartsFiresAndShows) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"case", "testtown", "{}", At("2026-11-23T10:00")});
    BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
    BOOST_TEST(started->seq == 0);
    BOOST_TEST(started->states == std::vector<std::string>{"diagnosis"});
    const std::string id = started->instance_id;

    auto consent = engine->Fire({id, "consent.given", "{}", At("2026-11-23T11:00")});
    BOOST_REQUIRE_MESSAGE(consent.ok(), consent.status().message());
    BOOST_TEST(consent->handled);
    auto ignored = engine->Fire({id, "no.such.event", "{}", At("2026-11-23T12:00")});
    BOOST_REQUIRE(ignored.ok());
    BOOST_TEST(!ignored->handled);
    BOOST_TEST(ignored->seq == 2);
    auto convened =
        engine->Fire({id, "ggk.convened", "{\"date\":\"2026-12-10\"}", At("2026-11-26T09:00")});
    BOOST_REQUIRE_MESSAGE(convened.ok(), convened.status().message());
    BOOST_TEST(convened->states == std::vector<std::string>{"ggk"});

    auto view = engine->Show(id);
    BOOST_REQUIRE_MESSAGE(view.ok(), view.status().message());
    BOOST_TEST(view->stages.front().title == "Posiedzenie Gminnej Grupy Kooperacji");
    BOOST_TEST(view->municipality_name == "Gmina Testowo");
    // The delayed "nudge" (48 h after the start) was delivered before ggk.convened.
    BOOST_TEST(view->data_json ==
               "{\"consent\":true,\"ggk\":{\"meetingDate\":\"2026-12-10\"},\"nudges\":1}");
    BOOST_REQUIRE(view->deadlines.size() == 1u);
    // Thursday 10 Dec minus 3 working days (the municipality's binding, not the default 5).
    BOOST_TEST(view->deadlines[0].due_date == "2026-12-07");
    BOOST_TEST(view->deadlines[0].state == "open");
    BOOST_REQUIRE(view->history.size() == 4u);
    BOOST_TEST(view->history[1].event_title == "Zgoda na udział");
    BOOST_TEST(view->history[2].outcome == "ignored");
    BOOST_TEST(view->history[3].actor == "test");

    auto sent = engine->Fire({id, "invitations.sent", "{}", At("2026-12-01T09:00")});
    BOOST_REQUIRE(sent.ok());
    BOOST_TEST(engine->Show(id)->deadlines[0].state == "satisfied");
    auto done = engine->Fire({id, "plan.signed", "{}", At("2026-12-15T09:00")});
    BOOST_REQUIRE(done.ok());
    BOOST_TEST(done->finished);
    auto after = engine->Fire({id, "plan.signed", "{}", At("2026-12-16T09:00")});
    BOOST_TEST(after.status().exit_code() == 65);
  });
}

BOOST_AUTO_TEST_CASE(ReplayReproducesTheSnapshotIncludingDelayedSends) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"case", "testtown", "{\"nudges\": 10}", At("2026-11-23T10:00")});
    BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
    const std::string id = started->instance_id;
    // Pending timer before it falls due; then an advance delivers it; then more events.
    BOOST_TEST(engine->Show(id)->timers.size() == 1u);
    BOOST_REQUIRE(engine->Fire({id, "consent.given", "{}", At("2026-11-24T10:00")}).ok());
    auto advanced = engine->Advance(id, At("2026-11-25T10:00"));
    BOOST_REQUIRE_MESSAGE(advanced.ok(), advanced.status().message());
    BOOST_TEST(engine->Show(id)->timers.empty());
    BOOST_REQUIRE(
        engine->Fire({id, "ggk.convened", "{\"date\":\"2026-12-10\"}", At("2026-11-26T10:00")})
            .ok());
    auto replayed = engine->Replay(id);
    BOOST_REQUIRE_MESSAGE(replayed.ok(), replayed.status().message());
    BOOST_TEST(engine->Show(id)->data_json.find("\"nudges\":11") != std::string::npos);
    // A fresh engine (no caches) replays from the stored definition too.
    auto again = OpenEngine(uri);
    BOOST_TEST(again->Replay(id).ok());
  });
}

BOOST_AUTO_TEST_CASE(AFailedEventChangesNothing) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"case", "testtown", "{}", At("2026-11-23T10:00")});
    BOOST_REQUIRE(started.ok());
    const std::string id = started->instance_id;
    BOOST_REQUIRE(engine->Fire({id, "consent.given", "{}", At("2026-11-23T11:00")}).ok());
    auto before = engine->Show(id);
    // The deadline's anchor field is not a date: the whole event is rolled back.
    auto bad = engine->Fire({id, "ggk.convened", "{\"date\":\"soon\"}", At("2026-11-24T10:00")});
    BOOST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.status().exit_code() == 65);
    BOOST_TEST(bad.status().message().find("deadline 'ggk.invitations'") != std::string::npos,
               bad.status().message());
    auto after = engine->Show(id);
    BOOST_TEST(after->last_seq == before->last_seq);
    BOOST_TEST(after->history.size() == before->history.size());
    BOOST_TEST(after->data_json == before->data_json);
    BOOST_TEST(after->stages.front().id == "diagnosis");
    // Malformed data and events in the past are refused the same way.
    BOOST_TEST(engine->Fire({id, "x", "not json", At("2026-11-24T10:00")}).status().exit_code() ==
               65);
    auto past = engine->Fire({id, "consent.given", "{}", At("2026-11-20T10:00")});
    BOOST_TEST(past.status().exit_code() == 65);
    BOOST_TEST(engine->Replay(id).ok());
  });
}

BOOST_AUTO_TEST_CASE(UnknownInstanceIsNoInput) {
  TempDir dir;
  auto engine = OpenEngine(dir.File("k.db"));
  auto r = engine->Fire({"nope", "x", "{}", 0});
  BOOST_TEST(r.status().exit_code() == 66);
  BOOST_TEST(r.status().message() == "no instance 'nope'");
}

BOOST_AUTO_TEST_CASE(DefinitionsAreKeptByVersionAndHash) {
  TempDir dir;
  auto engine = OpenEngine(dir.File("k.db"));
  auto first = engine->RegisterWorkflow(kData + "case.xml");
  BOOST_REQUIRE_MESSAGE(first.ok(), first.status().message());
  BOOST_TEST(first->newly_registered);
  BOOST_TEST(first->workflow_id == "testcase");
  BOOST_TEST(first->version == "1");
  BOOST_TEST(first->hash.size() == 64u);
  BOOST_TEST(!engine->RegisterWorkflow(kData + "case.xml")->newly_registered);
  // Same id and version, other content: refused.
  std::string changed = dir.File("case.xml");
  std::filesystem::copy_file(kData + "case.xml", changed);
  {
    std::ofstream out(changed, std::ios::app);
    out << "<!-- edited -->\n";
  }
  auto refused = engine->RegisterWorkflow(changed);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().exit_code() == 65);
  BOOST_TEST(refused.status().message().find("is already registered with different content") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(FireBatchCommitsOnceAndIsolatesFailures) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i) {
      ids.push_back(engine->Start({"case", "testtown", "{}", At("2026-11-23T10:00")})->instance_id);
    }
    std::vector<FireRequest> batch = {{ids[0], "consent.given", "{}", At("2026-11-23T11:00")},
                                      {"missing", "consent.given", "{}", At("2026-11-23T11:00")},
                                      {ids[2], "consent.given", "{}", At("2026-11-23T11:00")}};
    auto results = engine->FireBatch(batch);
    BOOST_REQUIRE(results.size() == 3u);
    BOOST_TEST(results[0].ok());
    BOOST_TEST(results[1].status().exit_code() == 66);
    BOOST_TEST(results[2].ok());
    BOOST_TEST(engine->Show(ids[0])->last_seq == 1);
    BOOST_TEST(engine->Show(ids[1])->last_seq == 0);
    BOOST_TEST(engine->Show(ids[2])->last_seq == 1);
  });
}

BOOST_AUTO_TEST_CASE(EachInstanceRunsOnItsOwnMunicipalityBinding) {
  // Two municipalities in one engine: parameters and calendar are per stored municipality, even
  // though the engine keeps them between events.
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    const TimeMs t0 = At("2026-11-23T10:00");
    std::vector<std::string> ids;
    for (const char* m : {"testtown", "othertown", "testtown", "othertown"}) {
      auto started = engine->Start({"case", m, "{}", t0});
      BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
      ids.push_back(started->instance_id);
    }
    for (const std::string& id : ids) {
      BOOST_REQUIRE(engine->Fire({id, "consent.given", "{}", At("2026-11-23T11:00")}).ok());
    }
    for (const std::string& id : ids) {
      auto convened =
          engine->Fire({id, "ggk.convened", "{\"date\":\"2026-12-10\"}", At("2026-11-23T12:00")});
      BOOST_REQUIRE_MESSAGE(convened.ok(), convened.status().message());
    }
    // testtown: 10 Dec minus 3 working days; othertown: minus 5, skipping its closure on 4 Dec.
    const char* expected[] = {"2026-12-07", "2026-12-02", "2026-12-07", "2026-12-02"};
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto view = engine->Show(ids[i]);
      BOOST_REQUIRE(view.ok());
      BOOST_REQUIRE(view->deadlines.size() == 1u);
      BOOST_TEST(view->deadlines[0].due_date == expected[i], ids[i]);
      BOOST_TEST(engine->Replay(ids[i]).ok());
    }
  });
}

BOOST_AUTO_TEST_CASE(AFailedEventInABatchLeavesTheLastEventTimeAsItWas) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"case", "testtown", "{}", At("2026-11-23T10:00")});
    BOOST_REQUIRE(started.ok());
    const std::string id = started->instance_id;
    // The second event fails after its log row was written (its deadline cannot be computed);
    // its savepoint undoes it, including the instance's last event time and sequence number.
    std::vector<FireRequest> batch = {
        {id, "consent.given", "{}", At("2026-11-23T11:00")},
        {id, "ggk.convened", "{\"date\":\"soon\"}", At("2026-11-25T10:00")},
        {id, "ggk.convened", "{\"date\":\"2026-12-10\"}", At("2026-11-24T10:00")},
        {id, "invitations.sent", "{}", At("2026-11-24T09:00")}};
    auto results = engine->FireBatch(batch);
    BOOST_REQUIRE(results.size() == 4u);
    BOOST_REQUIRE(results[0].ok());
    BOOST_TEST(results[1].status().exit_code() == 65);
    BOOST_REQUIRE_MESSAGE(results[2].ok(), results[2].status().message());
    BOOST_TEST(results[2]->seq == 2);
    BOOST_TEST(results[3].status().exit_code() == 65);  // before the event at 10:00
    BOOST_TEST(
        results[3].status().message().find("before the instance's last event") != std::string::npos,
        results[3].status().message());
    auto view = engine->Show(id);
    BOOST_TEST(view->last_seq == 2);
    BOOST_TEST(view->stages.front().id == "ggk");
    BOOST_TEST(engine->Replay(id).ok());
    auto later = engine->Fire({id, "invitations.sent", "{}", At("2026-11-24T10:00")});
    BOOST_TEST(later.ok());
  });
}

BOOST_AUTO_TEST_CASE(ReplayMatchesWhenDataIsNotInAlphabeticalOrder) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"order", "othertown", "{}", At("2026-11-23T10:00")});
    BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
    for (const char* at : {"2026-11-23T11:00", "2026-11-23T12:00"}) {
      BOOST_REQUIRE(engine->Fire({started->instance_id, "go", "{}", At(at)}).ok());
    }
    auto view = engine->Show(started->instance_id);
    BOOST_TEST(view->data_json == "{\"zeta\":{\"y\":1,\"b\":2},\"alpha\":2}");
    auto replay = engine->Replay(started->instance_id);
    BOOST_TEST(replay.ok(), replay.status().message());
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
