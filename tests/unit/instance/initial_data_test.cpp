// Initial data of `koop start --data`: seeded into the top-level <data> before the first
// macrostep (the initial state's onentry and eventless transitions see it), recorded with the
// start event so replay reproduces the state, and refused as a whole when a key or a field's
// type is wrong, with nothing written.
#include "instance/initial_data.h"

#include <boost/test/unit_test.hpp>

#include "exec/interpreter.h"
#include "koop/engine.h"
#include "model/loader.h"
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

const char* kUrgent =
    R"({"pilne": true, "sprawa": {"numer": "ZS/2026/7"}, "zgloszenie": {"data": "2026-11-27"}})";

BOOST_AUTO_TEST_SUITE(InitialData)

BOOST_AUTO_TEST_CASE(SeededValueTakesTheEventlessTransitionOutOfTheInitialState) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto started = engine->Start({"seeded", "seedtown", kUrgent, At("2026-11-23T10:00")});
    BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
    BOOST_TEST(started->states == std::vector<std::string>{"urgent"});
    auto view = engine->Show(started->instance_id);
    BOOST_REQUIRE(view.ok());
    // The <data expr> of sprawa was replaced by the seed before intake's onentry ran; data not
    // given keeps its expr; the nested state's <data> is bound as usual. Members stay in
    // declaration order (a restored snapshot keeps its order).
    BOOST_TEST(view->data_json ==
               R"({"pilne":true,"sprawa":{"numer":"ZS/2026/7"},"zgloszenie":{"data":"2026-11-27"},)"
               R"("wpisy":["ZS/2026/7"],"notatka":""})");
    // The deadline created on entering `urgent` is anchored on the seeded date: Friday 27 Nov
    // + 2 working days = Tuesday 1 Dec.
    BOOST_REQUIRE(view->deadlines.size() == 1u);
    BOOST_TEST(view->deadlines[0].due_date == "2026-12-01");

    auto plain = engine->Start({"seeded", "seedtown", "{}", At("2026-11-23T10:00")});
    BOOST_REQUIRE(plain.ok());
    BOOST_TEST(plain->states == std::vector<std::string>{"intake"});
    BOOST_TEST(engine->Show(plain->instance_id)->data_json.find(R"("wpisy":["brak"])") !=
               std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(TheStartEventCarriesTheDataAndReplayReproducesTheState) {
  ForEachBackend([](const std::string& uri) {
    std::string id;
    {
      auto engine = OpenEngine(uri);
      auto started = engine->Start({"seeded", "seedtown", kUrgent, At("2026-11-23T10:00")});
      BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
      id = started->instance_id;
    }
    auto store = store::Store::Open(uri);
    BOOST_REQUIRE(store.ok());
    auto tx = (*store)->BeginRead();
    BOOST_REQUIRE(tx.ok());
    auto events = store::ReadEvents(*tx, id);
    BOOST_REQUIRE(events.ok());
    BOOST_REQUIRE(events->size() == 1u);
    BOOST_TEST(events->front().name == "koop.start");
    BOOST_TEST(events->front().data == kUrgent);

    auto engine = OpenEngine(uri);  // fresh: no cached definition or interpreter
    auto replayed = engine->Replay(id);
    BOOST_REQUIRE_MESSAGE(replayed.ok(), replayed.status().message());
    BOOST_TEST(replayed->find(R"("wpisy":["ZS/2026/7"])") != std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(RefusesWrongKeysAndTypesAllAtOnceAndWritesNothing) {
  ForEachBackend([](const std::string& uri) {
    auto engine = OpenEngine(uri);
    auto bad = engine->Start({"seeded", "seedtown",
                              R"({"pilne": "tak", "notatka": "x", "team.noticeDays": 3,)"
                              R"( "sprwa": {}, "zgloszenie": {"data": "2026-02-30"}})",
                              At("2026-11-23T10:00")});
    BOOST_REQUIRE(!bad.ok());
    BOOST_TEST(bad.status().exit_code() == 65);
    // Keys in alphabetical order, then the fields in declaration order; no value is echoed.
    BOOST_TEST(bad.status().message() ==
               "data: 'notatka' is declared inside state 'urgent'; only top-level <data> can "
               "be given initial values\n"
               "data: 'sprwa' is not a top-level <data> id of workflow 'seeded'\n"
               "data: 'team.noticeDays' is a parameter of the workflow; parameters are bound "
               "by the municipality file, not by initial data\n"
               "data: field 'zgloszenie.data' must be a date \"YYYY-MM-DD\"\n"
               "data: field 'pilne' must be true or false");
    auto list = engine->List();
    BOOST_REQUIRE(list.ok());
    BOOST_TEST(list->empty());
    BOOST_TEST(
        engine->Start({"seeded", "seedtown", "[1]", At("2026-11-23T10:00")}).status().message() ==
        "data: not a JSON object");
    // Issue 12: a syntax error names the line and column, not "not a JSON object".
    BOOST_TEST(
        engine->Start({"seeded", "seedtown", "{\n  \"pilne\": tru\n}", At("2026-11-23T10:00")})
            .status()
            .message() == "data:2:15: invalid JSON: expected 'e' instead of byte '\\n'");
  });
}

BOOST_AUTO_TEST_SUITE_END()

// The interpreter on its own: with late binding the seeded top-level value is there at once and
// replaces the expr, and the nested state's <data> is still bound on entry.
BOOST_AUTO_TEST_CASE(InterpreterSeedsTopLevelDataWithLateBinding) {
  auto chart = model::LoadChartFromString(
      R"(<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript"
               binding="late" initial="a">
           <datamodel><data id="limit" expr="1"/></datamodel>
           <state id="a"><transition cond="limit &gt; 5" target="b"/></state>
           <state id="b"><datamodel><data id="seen" expr="limit * 2"/></datamodel></state>
         </scxml>)",
      "late.scxml", ".");
  BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
  auto seed = exec::SeedValues(**chart, R"({"limit": 7})");
  BOOST_REQUIRE(seed.ok());
  auto it = exec::Interpreter::Create(*chart);
  BOOST_REQUIRE(it.ok());
  auto step = (*it)->Start(0, *seed);
  BOOST_REQUIRE(step.ok());
  BOOST_TEST((*it)->Configuration() == std::vector<std::string>{"b"});
  BOOST_TEST(*(*it)->DataJson() == R"({"limit":7,"seen":14})");
}

}  // namespace
}  // namespace koop
