// The migration that adds instances.last_event_at fills it in from the event log, so instances
// written by an older koop keep refusing events earlier than their last one.
#include <boost/test/unit_test.hpp>
#include <cstring>

#include "store/instance_table.h"
#include "store/migrations.h"
#include "store/store.h"
#include "unit/store/test_backends.h"

namespace koop::store {
namespace {

using testing::Backends;
using testing::TempDir;
using testing::TestDatabase;

// The version of the migration that adds the column.
int LastEventMigration() {
  for (const Migration& m : Migrations()) {
    for (const char* sql : m.common) {
      if (std::strstr(sql, "ADD COLUMN last_event_at") != nullptr) return m.version;
    }
  }
  return 0;
}

// Builds the schema as it was just before that migration, as an older koop left it.
void CreateOlderSchema(Database& db, int below) {
  BOOST_REQUIRE(db.Exec("CREATE TABLE koop_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)").ok());
  for (const Migration& m : Migrations()) {
    if (m.version >= below) break;
    const auto& own = db.dialect() == Dialect::kSqlite ? m.sqlite : m.postgres;
    for (const auto* list : {&m.common, &own}) {
      for (const char* sql : *list) BOOST_REQUIRE_MESSAGE(db.Exec(sql).ok(), sql);
    }
  }
  BOOST_REQUIRE(db.Exec("INSERT INTO koop_meta (key, value) VALUES ('schema_version', ?)",
                        {std::to_string(below - 1)})
                    .ok());
}

BOOST_AUTO_TEST_SUITE(StoreLastEventMigration)

BOOST_AUTO_TEST_CASE(FillsInTheTimeOfEachInstancesLastEvent) {
  const int version = LastEventMigration();
  BOOST_REQUIRE(version > 1);
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      {
        auto db = OpenDatabase(*ParseDbUri(tdb.uri()), {});
        BOOST_REQUIRE(db.ok());
        CreateOlderSchema(**db, version);
        Database& d = **db;
        BOOST_REQUIRE(d.Exec("INSERT INTO workflow_definitions VALUES ('w', '1', 'h', '<scxml/>', "
                             "'w.xml', 0)")
                          .ok());
        const char* instance =
            "INSERT INTO instances (instance_id, workflow_id, workflow_version, municipality_id, "
            "municipality, status, last_seq, snapshot, next_timer_at, created_at, updated_at) "
            "VALUES (?, 'w', '1', 'm', '{}', 'active', ?, '{}', NULL, 0, 0)";
        BOOST_REQUIRE(d.Exec(instance, {"a", 2}).ok());
        BOOST_REQUIRE(d.Exec(instance, {"b", 0}).ok());
        const char* event =
            "INSERT INTO events (instance_id, seq, name, data, at, actor, outcome, recorded_at) "
            "VALUES (?, ?, 'e', '{}', ?, 't', 'handled', 0)";
        BOOST_REQUIRE(d.Exec(event, {"a", 0, 1000}).ok());
        BOOST_REQUIRE(d.Exec(event, {"a", 1, 5000}).ok());
        BOOST_REQUIRE(d.Exec(event, {"a", 2, 7000}).ok());
        BOOST_REQUIRE(d.Exec(event, {"b", 0, 3000}).ok());
      }
      auto store = Store::Open(tdb.uri());
      BOOST_REQUIRE_MESSAGE(store.ok(), store.status().message());
      BOOST_TEST((*store)->applied_migrations() == LatestSchemaVersion() - version + 1);
      auto tx = (*store)->BeginRead();
      auto a = FindInstance(*tx, "a");
      auto b = FindInstance(*tx, "b");
      BOOST_REQUIRE(a.ok());
      BOOST_REQUIRE(a->has_value());
      BOOST_TEST((*a)->last_event_at == 7000);
      BOOST_TEST((*b)->last_event_at == 3000);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::store
