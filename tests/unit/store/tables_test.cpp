// Typed table operations and transaction behaviour, on every available backend.
#include <boost/test/unit_test.hpp>
#include <type_traits>

#include "store/deadline_table.h"
#include "store/definition_table.h"
#include "store/event_table.h"
#include "store/instance_table.h"
#include "store/store.h"
#include "unit/store/test_backends.h"

namespace koop::store {
namespace {

using testing::Backends;
using testing::TempDir;
using testing::TestDatabase;

DefinitionRow Def(const std::string& version, const std::string& hash) {
  return DefinitionRow{"case", version, hash, "<scxml/>", "workflows/case.xml", 1000};
}

InstanceRow Inst(const std::string& id) {
  InstanceRow row;
  row.instance_id = id;
  row.workflow_id = "case";
  row.workflow_version = "1";
  row.municipality_id = "sieradz";
  row.municipality = "{}";
  row.status = "active";
  row.snapshot = "{\"config\":[\"a\"]}";
  row.created_at = row.updated_at = 2000;
  return row;
}

// Runs `body` with a fresh store for each backend (and the backend's name, if it takes one).
template <typename Body>
void ForEachBackend(Body body) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      TempDir dir;
      TestDatabase tdb(kind, dir);
      auto store = Store::Open(tdb.uri());
      BOOST_REQUIRE_MESSAGE(store.ok(), store.status().message());
      if constexpr (std::is_invocable_v<Body, Store&, const std::string&>) {
        body(**store, kind);
      } else {
        body(**store);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE(StoreTables)

BOOST_AUTO_TEST_CASE(DefinitionsAreUniqueByVersionAndByHash) {
  ForEachBackend([](Store& store, const std::string& kind) {
    // A duplicate key is bad data on SQLite; on PostgreSQL koop checks keys under the row lock
    // before inserting, so a unique violation there is a concurrent writer: 75 (see
    // docs/guarantees-store-notify.md).
    const int duplicate = kind == "sqlite" ? 65 : 75;
    auto tx = store.BeginWrite();
    BOOST_REQUIRE(InsertDefinition(*tx, Def("1", "aaa")).ok());
    BOOST_REQUIRE(tx->Savepoint("dup").ok());
    Status same_version = InsertDefinition(*tx, Def("1", "bbb"));
    BOOST_TEST(same_version.exit_code() == duplicate, same_version.message());
    // A failed statement poisons the transaction until the savepoint is restored.
    BOOST_TEST(tx->Query("SELECT 1").status().exit_code() == 70);
    BOOST_REQUIRE(tx->RollbackToSavepoint("dup").ok());
    BOOST_REQUIRE(tx->Commit().ok());
    auto tx2 = store.BeginWrite();
    Status same_hash = InsertDefinition(*tx2, Def("2", "aaa"));
    BOOST_TEST(same_hash.exit_code() == duplicate, same_hash.message());
    BOOST_REQUIRE(tx2->Rollback().ok());
    auto tx3 = store.BeginRead();
    auto found = FindDefinition(*tx3, "case", "1");
    BOOST_REQUIRE(found.ok());
    BOOST_REQUIRE(found->has_value());
    BOOST_TEST((*found)->hash == "aaa");
    BOOST_TEST((*found)->source == "<scxml/>");
    BOOST_TEST(FindDefinitionByHash(*tx3, "case", "aaa")->has_value());
    BOOST_TEST(!FindDefinition(*tx3, "case", "2")->has_value());
  });
}

BOOST_AUTO_TEST_CASE(AnUncommittedTransactionLeavesNoTrace) {
  ForEachBackend([](Store& store) {
    {
      auto tx = store.BeginWrite();
      BOOST_REQUIRE(InsertDefinition(*tx, Def("1", "aaa")).ok());
      BOOST_REQUIRE(InsertInstance(*tx, Inst("i1")).ok());
      // destroyed without Commit
    }
    auto tx = store.BeginRead();
    BOOST_TEST(!FindInstance(*tx, "i1")->has_value());
    BOOST_TEST(!FindDefinition(*tx, "case", "1")->has_value());
  });
}

BOOST_AUTO_TEST_CASE(InstancesEventsAndOptimisticUpdates) {
  ForEachBackend([](Store& store) {
    auto tx = store.BeginWrite();
    BOOST_REQUIRE(InsertDefinition(*tx, Def("1", "aaa")).ok());
    BOOST_REQUIRE(InsertInstance(*tx, Inst("i1")).ok());
    BOOST_REQUIRE(
        AppendEvent(*tx, EventRow{"i1", 0, "koop.start", "{}", 2000, "test", "started", 2001})
            .ok());
    BOOST_REQUIRE(AppendEvent(*tx, EventRow{"i1", 1, "consent.given", "{\"by\":\"ł\"}", 3000,
                                            "test", "handled", 3001})
                      .ok());
    // The same sequence number twice is refused: bad data on SQLite (writers are serialised, so
    // it cannot be a race), a conflict to retry on PostgreSQL (another writer took the number).
    BOOST_REQUIRE(tx->Savepoint("dup").ok());
    BOOST_TEST(
        AppendEvent(*tx, EventRow{"i1", 1, "x", "{}", 3000, "t", "handled", 3001}).exit_code() ==
        (store.dialect() == Dialect::kSqlite ? 65 : 75));
    BOOST_REQUIRE(tx->RollbackToSavepoint("dup").ok());
    InstanceRow row = Inst("i1");
    row.last_seq = 1;
    row.last_event_at = 3000;
    row.next_timer_at = 9000;
    row.snapshot = "{\"config\":[\"b\"]}";
    BOOST_REQUIRE(UpdateInstance(*tx, row, 0).ok());
    Status stale = UpdateInstance(*tx, row, 0);
    BOOST_TEST(stale.exit_code() == 70);
    BOOST_TEST(stale.message() == "instance i1 was changed concurrently (expected event 0)");
    BOOST_REQUIRE(tx->Commit().ok());

    auto rtx = store.BeginRead();
    auto found = FindInstance(*rtx, "i1");
    BOOST_REQUIRE((found.ok() && found->has_value()));
    BOOST_TEST((*found)->last_seq == 1);
    BOOST_TEST((*found)->last_event_at == 3000);
    BOOST_TEST((*found)->snapshot == "{\"config\":[\"b\"]}");
    BOOST_TEST((*found)->next_timer_at.value_or(0) == 9000);
    auto events = ReadEvents(*rtx, "i1");
    BOOST_REQUIRE(events.ok());
    BOOST_REQUIRE(events->size() == 2u);
    BOOST_TEST((*events)[1].data == "{\"by\":\"ł\"}");
    BOOST_TEST((*events)[1].outcome == "handled");
    auto due = InstancesWithTimersDue(*rtx, 9000);
    BOOST_REQUIRE(due.ok());
    BOOST_TEST(due->size() == 1u);
    BOOST_TEST(InstancesWithTimersDue(*rtx, 8999)->empty());
    BOOST_TEST(ListInstances(*rtx)->size() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(TheEventLogIsAppendOnly) {
  ForEachBackend([](Store& store) {
    {
      auto tx = store.BeginWrite();
      BOOST_REQUIRE(InsertDefinition(*tx, Def("1", "aaa")).ok());
      BOOST_REQUIRE(InsertInstance(*tx, Inst("i1")).ok());
      BOOST_REQUIRE(
          AppendEvent(*tx, EventRow{"i1", 0, "koop.start", "{}", 1, "t", "started", 1}).ok());
      BOOST_REQUIRE(tx->Commit().ok());
    }
    auto tx = store.BeginWrite();
    auto update = tx->Exec("UPDATE events SET name = 'forged'");
    BOOST_TEST(!update.ok());
    BOOST_TEST(update.status().message().find("the event log is append-only") != std::string::npos,
               update.status().message());
  });
}

BOOST_AUTO_TEST_CASE(EventsNeedTheirInstance) {
  ForEachBackend([](Store& store) {
    auto tx = store.BeginWrite();
    Status s = AppendEvent(*tx, EventRow{"ghost", 0, "koop.start", "{}", 1, "t", "started", 1});
    BOOST_TEST(s.exit_code() == 65, s.message());
    Status commit = tx->Commit();
    BOOST_TEST(commit.message() ==
               "commit refused: the transaction was aborted by an earlier error");
  });
}

BOOST_AUTO_TEST_CASE(SavepointsUndoOneUnitOfABatch) {
  ForEachBackend([](Store& store) {
    auto tx = store.BeginWrite();
    BOOST_REQUIRE(InsertDefinition(*tx, Def("1", "aaa")).ok());
    BOOST_REQUIRE(tx->Savepoint("ev").ok());
    BOOST_REQUIRE(InsertInstance(*tx, Inst("i1")).ok());
    BOOST_REQUIRE(tx->RollbackToSavepoint("ev").ok());
    BOOST_REQUIRE(tx->Savepoint("ev").ok());
    BOOST_REQUIRE(InsertInstance(*tx, Inst("i2")).ok());
    BOOST_REQUIRE(tx->ReleaseSavepoint("ev").ok());
    BOOST_REQUIRE(tx->Commit().ok());
    auto rtx = store.BeginRead();
    BOOST_TEST(!FindInstance(*rtx, "i1")->has_value());
    BOOST_TEST(FindInstance(*rtx, "i2")->has_value());
  });
}

BOOST_AUTO_TEST_CASE(DeadlinesOpenAndClose) {
  ForEachBackend([](Store& store) {
    auto tx = store.BeginWrite();
    BOOST_REQUIRE(InsertDefinition(*tx, Def("1", "aaa")).ok());
    BOOST_REQUIRE(InsertInstance(*tx, Inst("i1")).ok());
    auto occurrence = NextDeadlineOccurrence(*tx, "i1", "ggk.invitations");
    BOOST_REQUIRE(occurrence.ok());
    BOOST_TEST(*occurrence == 1);
    DeadlineRow d{"i1",
                  "ggk.invitations",
                  1,
                  "Wysłanie zaproszeń",
                  "2026-12-01",
                  1800000000000,
                  kDeadlineOpen,
                  "ggk",
                  "[\"P2D\"]",
                  "[\"coordinator\"]",
                  5,
                  5};
    BOOST_REQUIRE(InsertDeadline(*tx, d).ok());
    BOOST_TEST(*NextDeadlineOccurrence(*tx, "i1", "ggk.invitations") == 2);
    BOOST_TEST(OpenDeadlines(*tx, "i1")->size() == 1u);
    BOOST_TEST(*CloseDeadline(*tx, "i1", "ggk.invitations", kDeadlineSatisfied, 9) == 1);
    BOOST_TEST(OpenDeadlines(*tx, "i1")->empty());
    auto all = AllDeadlines(*tx, "i1");
    BOOST_REQUIRE(all->size() == 1u);
    BOOST_TEST(all->front().state == "satisfied");
    BOOST_TEST(all->front().title == "Wysłanie zaproszeń");
    BOOST_TEST(all->front().due_at == 1800000000000);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::store
