// Shared set-up of the durable-instance tests: an engine over the test workflows and
// municipalities in tests/unit/instance/data/, on a fixed clock, and a loop over every backend.
#pragma once

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "koop/database.h"
#include "koop/engine.h"
#include "unit/store/test_backends.h"

namespace koop::testing {

inline const std::string kInstanceData =
    std::string(KOOP_SOURCE_DIR) + "/tests/unit/instance/data/";

inline TimeMs At(const char* text) { return *ParseInstant(text); }

// The instances of a Database, used like a pointer to its Engine (engine->Start(...)).
class TestEngine {
 public:
  explicit TestEngine(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  Engine* operator->() { return &db_->instances(); }
  Engine& operator*() { return db_->instances(); }
  Database& database() { return *db_; }

 private:
  std::unique_ptr<Database> db_;
};

// The instances of a database on `uri` whose clock stands at `now`.
inline TestEngine OpenEngine(const std::string& uri, const char* now = "2026-11-23T08:00") {
  DatabaseOptions options;
  options.uri = uri;
  options.clock = std::make_shared<FixedClock>(At(now));
  options.workflows_dir = kInstanceData;
  options.municipalities_dir = kInstanceData;
  options.actor = "test";
  auto db = Database::Open(options);
  BOOST_REQUIRE_MESSAGE(db.ok(), db.status().message());
  return TestEngine(std::move(*db));
}

// Runs `body(uri)` on a fresh database of every backend the run has (SQLite, PostgreSQL).
template <typename Body>
void ForEachBackend(Body body) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      body(tdb.uri());
    }
  }
}

}  // namespace koop::testing
