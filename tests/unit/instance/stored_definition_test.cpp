// A stored definition is self-contained. It used to keep only the chart's text and the path it was
// registered from, so replaying a case read its rule files from the disk: editing, renaming or
// deleting rules/x.js after cases had started made every later fire, show --verify and upgrade
// fail (or, for a <data src> file, which was not even hashed, replay differently without notice).
// Now every file a chart includes is stored with it and replay never reads the workflow's folder.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "koop/database.h"
#include "koop/engine.h"
#include "unit/instance/engine_fixture.h"
#include "unit/store/test_backends.h"

namespace koop {
namespace {

namespace fs = std::filesystem;
using testing::At;
using testing::Backends;
using testing::kInstanceData;
using testing::TempDir;
using testing::TestDatabase;

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::trunc);
  out << text;
}

// A workflow whose guard and assignment come from an included rule file and whose starting value
// comes from an included data file, and a municipality that binds it.
void WriteWorkflow(const fs::path& dir, const std::string& bump_by) {
  Write(dir / "flow.xml", R"xml(<?xml version="1.0" encoding="UTF-8"?>
<scxml xmlns="http://www.w3.org/2005/07/scxml" xmlns:k="urn:kooperacja:workflow:1"
       version="1.0" datamodel="ecmascript" name="flow" initial="a" k:version="1">
  <datamodel>
    <data id="seed" src="data/seed.json"/>
    <data id="n" expr="0"/>
  </datamodel>
  <script src="rules/bump.js"/>
  <state id="a">
    <transition event="go" cond="allowed(n)" target="b">
      <assign location="n" expr="bump(n) + seed.start"/>
    </transition>
  </state>
  <state id="b">
    <transition event="again" target="a"/>
  </state>
</scxml>
)xml");
  Write(dir / "rules" / "bump.js",
        "function allowed(n) { return n < 100; }\n"
        "function bump(n) { return n + " +
            bump_by + "; }\n");
  Write(dir / "data" / "seed.json", "{\"start\": 10}\n");
  std::ifstream town(kInstanceData + "testtown.xml");
  std::string text((std::istreambuf_iterator<char>(town)), std::istreambuf_iterator<char>());
  const std::string ref = "<workflow ref=\"testcase\"/>";
  BOOST_REQUIRE(text.find(ref) != std::string::npos);
  text.replace(text.find(ref), ref.size(), "<workflow ref=\"flow\"/>");
  Write(dir / "testtown.xml", text);
}

testing::TestEngine Open(const std::string& uri, const fs::path& dir) {
  DatabaseOptions options;
  options.uri = uri;
  options.clock = std::make_shared<FixedClock>(At("2026-11-23T08:00"));
  options.workflows_dir = dir.string();
  options.municipalities_dir = dir.string();
  options.actor = "test";
  auto db = Database::Open(options);
  BOOST_REQUIRE_MESSAGE(db.ok(), db.status().message());
  return testing::TestEngine(std::move(*db));
}

BOOST_AUTO_TEST_SUITE(StoredDefinitions)

BOOST_AUTO_TEST_CASE(ReplayNeedsNoFileOfTheWorkflowFolder) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      const fs::path folder = dir.path() / "workflows";
      WriteWorkflow(folder, "1");
      std::string id;
      {
        auto engine = Open(tdb.uri(), folder);
        auto started = engine->Start({"flow", "testtown", "{}", At("2026-11-23T10:00")});
        BOOST_REQUIRE_MESSAGE(started.ok(), started.status().message());
        id = started->instance_id;
        auto fired = engine->Fire({id, "go", "{}", At("2026-11-23T11:00")});
        BOOST_REQUIRE_MESSAGE(fired.ok(), fired.status().message());
        BOOST_TEST(engine->Show(id)->data_json.find("\"n\":11") != std::string::npos);
      }
      // The rule file is edited and the data file deleted after the case started.
      WriteWorkflow(folder, "1000");
      fs::remove(folder / "data" / "seed.json");
      auto engine = Open(tdb.uri(), folder);  // a fresh process: no cached definition
      auto replayed = engine->Replay(id);
      BOOST_TEST_REQUIRE(replayed.ok(), replayed.status().message());
      BOOST_REQUIRE(engine->Fire({id, "again", "{}", At("2026-11-23T12:00")}).ok());
      auto fired = engine->Fire({id, "go", "{}", At("2026-11-23T13:00")});
      BOOST_REQUIRE_MESSAGE(fired.ok(), fired.status().message());
      // The registered rule (n + 1) and seed (10) ran, not the edited files.
      BOOST_TEST(engine->Show(id)->data_json.find("\"n\":22") != std::string::npos,
                 engine->Show(id)->data_json);
      BOOST_TEST(engine->Replay(id).ok());
    }
  }
}

BOOST_AUTO_TEST_CASE(AnEditedDataFileNeedsANewVersion) {
  // <data src> files count in the definition's hash like rule files: the same version with other
  // data is refused instead of silently keeping the first registration's values.
  TempDir dir;
  const fs::path folder = dir.path() / "workflows";
  WriteWorkflow(folder, "1");
  auto engine = Open(dir.File("k.db"), folder);
  auto first = engine->RegisterWorkflow((folder / "flow.xml").string());
  BOOST_REQUIRE_MESSAGE(first.ok(), first.status().message());
  Write(folder / "data" / "seed.json", "{\"start\": 11}\n");
  auto refused = engine->RegisterWorkflow((folder / "flow.xml").string());
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().exit_code() == 65);
  BOOST_TEST(refused.status().message().find("is already registered with different content") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
