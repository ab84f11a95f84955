// Shared set-up of the durable-instance tests: an engine over the test workflows and
// municipalities in tests/unit/instance/data/, on a fixed clock, and a loop over every backend.
#pragma once

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "koop/engine.h"
#include "unit/store/test_backends.h"

namespace koop::testing {

inline const std::string kInstanceData =
    std::string(KOOP_SOURCE_DIR) + "/tests/unit/instance/data/";

inline TimeMs At(const char* text) { return *ParseInstant(text); }

// An engine on `uri` whose clock stands at `now`.
inline std::unique_ptr<Engine> OpenEngine(const std::string& uri,
                                          const char* now = "2026-11-23T08:00") {
  EngineOptions options;
  options.db_uri = uri;
  options.clock = std::make_shared<FixedClock>(At(now));
  options.workflows_dir = kInstanceData;
  options.municipalities_dir = kInstanceData;
  options.actor = "test";
  auto engine = Engine::Open(options);
  BOOST_REQUIRE_MESSAGE(engine.ok(), engine.status().message());
  return std::move(*engine);
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
