// Engine: the workflow instances of one database (reached from koop::Database, koop/database.h):
// registers workflow definitions by id, version and content hash, starts instances for a
// municipality, applies events (each one transaction: event log row, macrostep, new snapshot,
// deadline rows) and shows an instance's state and history.
//
//   auto db = koop::Database::Open(options);
//   koop::Engine& engine = (*db)->instances();
//   auto started = engine.Start({"case", "sieradz", "{}", at});
//   auto fired = engine.Fire({started->instance_id, "consent.given", "{}", at2});
//
// An Engine is used from one thread at a time (its interpreter heap is thread-bound).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop {

struct StartRequest {
  std::string workflow;          // a path to the definition file, or a workflow id
  std::string municipality_id;   // a municipality id or a path to its file
  std::string data_json = "{}";  // initial values merged into the data model
  TimeMs at = 0;
  std::string actor =
      "";  // who starts it ("" = DatabaseOptions::actor); the server's signed-in login
  // An instance this one continues (<k:start from as>: the partnership's operation from its
  // finished founding); its data, without personal fields, becomes the declared data value.
  std::string from_instance = "";
};

struct FireRequest {
  std::string instance_id;
  std::string event;
  std::string data_json = "{}";
  TimeMs at = 0;
  // Events are applied in time order, so an `at` before the instance's last event is refused.
  // With this set, such an event is recorded at the last event's time instead (the scheduler's
  // deadline events: they carry their due time and must not be lost when raised late).
  bool at_or_after_last = false;
  std::string actor = "";  // who fires it ("" = DatabaseOptions::actor)
  // With this set, an event no transition takes (the stage does not accept it or a guard refuses
  // it) or whose macrostep raises error.execution is rolled back: nothing is written and the
  // outcome says recorded = false (the HTTP API; the CLI records such events as ignored).
  bool refuse_unhandled = false;
  // When set, the event is recorded at most once per instance under this key: a second Fire with
  // the same key changes nothing and reports `repeated` (the scheduler's deadline events, whose
  // key is their outbox id; checked in the transaction that records the event).
  std::string once_key = "";
};

// What a Start or Fire did; reported only after it is durably committed.
struct StepOutcome {
  std::string instance_id;
  std::int64_t seq = 0;             // the event's number in the log (0 = start)
  bool handled = true;              // false: no transition took the event (recorded, ignored)
  bool finished = false;            // the instance reached a top-level final state
  std::vector<std::string> states;  // active atomic states afterwards, sorted
  std::vector<std::string> errors;  // error.execution messages raised by the macrostep
  int delayed_delivered = 0;        // delayed events that fell due before the event
  bool recorded = true;             // false: refused (FireRequest::refuse_unhandled), not written
  bool repeated = false;            // FireRequest::once_key was recorded before: nothing applied
  // The instance started, in the same transaction, because this one ended in a top-level
  // <final> declaring <k:successor workflow> (the partnership's operation when its founding
  // ends); "" when none.
  std::string successor_id = "";
};

struct DeadlineView {
  std::string id;
  std::int64_t occurrence = 1;
  std::string title;
  std::string due_date;  // YYYY-MM-DD (Europe/Warsaw)
  TimeMs due_at = 0;
  std::string state;  // open, satisfied, cancelled
  std::string owner_state;
  // A recurring obligation's series (empty recur_every: a one-off deadline): its period, the
  // anchor date and how many periods after the anchor the previous due date was (this row is due
  // at anchor + (recur_count + 1) · period).
  std::string recur_every;   // ISO 8601 period, "P3M"
  std::string recur_anchor;  // YYYY-MM-DD
  std::int64_t recur_count = 0;
  // The escalation ("" = none): that long after the due date, to these roles, on this day of the
  // municipality's calendar (the day it goes, or would have gone for a closed deadline).
  std::string escalate;  // "P7D"
  std::vector<std::string> escalate_to;
  std::string escalation_date;  // YYYY-MM-DD, "" when there is no escalation
  // What people read (empty on deadlines recorded before schema version 9): the case's own
  // number, the Polish title of owner_state, and why the due date fell where it did, in Polish:
  // the start day, the counting rule, each day moved past (Saturday, a holiday by name, a
  // closure day of the office).
  std::string case_number;
  std::string stage_title;
  std::vector<std::string> explanation;
};

struct TimerView {
  std::string event;  // the delayed event's name
  TimeMs due_at = 0;
};

struct HistoryEntry {
  std::int64_t seq = 0;
  std::string event;
  std::string event_title;  // Polish title when the workflow gives one
  TimeMs at = 0;
  std::string actor;
  std::string outcome;              // started, handled, ignored, finished
  std::vector<std::string> errors;  // error.execution messages of its macrostep
};

struct StageView {
  std::string id;
  std::string title;  // Polish title (k:title), "" when none
};

struct InstanceView {
  std::string instance_id;
  std::string workflow_id;
  std::string workflow_version;
  std::string workflow_title;
  std::string workflow_hash;
  std::string municipality_id;
  std::string municipality_name;
  std::string case_number;  // the case's own number (data sprawa.numer), "" when it has none
  std::string status;       // active, finished
  std::int64_t last_seq = 0;
  std::vector<StageView> stages;        // active atomic states
  std::string data_json = "{}";         // the data model (personal fields included: not for logs)
  // The top-level data names its definition declares personal ("rodzina" for "rodzina.adres"),
  // in declaration order: what a reader without the right to see them must not get.
  std::vector<std::string> personal_fields;
  std::vector<DeadlineView> deadlines;  // open ones first by due time, then closed
  std::vector<TimerView> timers;        // pending delayed events
  std::vector<HistoryEntry> history;
  TimeMs created_at = 0;
  TimeMs updated_at = 0;
};

// The stable `koop show --json` document (docs/storage.md describes every key).
std::string InstanceViewToJson(const InstanceView& view);

struct DefinitionInfo {
  std::string workflow_id;
  std::string version;
  std::string hash;
  bool newly_registered = false;
};

struct InstanceSummary {
  std::string instance_id;
  std::string workflow_id;
  std::string workflow_version;
  std::string municipality_id;
  std::string status;
  std::int64_t last_seq = 0;
  TimeMs updated_at = 0;
};

class Engine {
 public:
  virtual ~Engine() = default;

  // Stores a definition file (idempotent). The same id and version with different content is a
  // kDataError: change k:version for new content.
  virtual Result<DefinitionInfo> RegisterWorkflow(const std::string& path) = 0;

  virtual Result<StepOutcome> Start(const StartRequest& request) = 0;
  // Applies one event in one transaction. A failure changes nothing.
  virtual Result<StepOutcome> Fire(const FireRequest& request) = 0;
  // Applies several events in one commit (group commit); each event is its own savepoint, so a
  // failing event is rolled back alone and reported in its slot. Nothing is returned before the
  // commit is durable.
  virtual std::vector<Result<StepOutcome>> FireBatch(const std::vector<FireRequest>& requests) = 0;
  // Delivers the instance's delayed events due by `at` (recorded as a "koop.advance" event).
  virtual Result<StepOutcome> Advance(const std::string& instance_id, TimeMs at) = 0;

  virtual Result<InstanceView> Show(const std::string& instance_id) = 0;
  virtual Result<std::vector<InstanceSummary>> List() = 0;
  // Re-runs the instance's event log from its stored definition and compares the result with the
  // stored snapshot: kDataError naming the first difference, or the replayed snapshot.
  virtual Result<std::string> Replay(const std::string& instance_id) = 0;
};

}  // namespace koop
