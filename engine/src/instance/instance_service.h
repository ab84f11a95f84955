// InstanceService: durable workflow instances on a Store. Every external event is one write
// transaction: the instance row is locked, the interpreter is restored from the stored snapshot,
// the macrostep runs, and the event log row, the new snapshot and the effect rows (deadlines) are
// written together; any failure rolls all of it back. Replay() re-runs the log from the stored
// definition and must reproduce the stored snapshot exactly. Not thread-safe; one per Engine.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "exec/interpreter.h"
#include "instance/instance_definitions.h"
#include "koop/calendar.h"
#include "koop/database.h"
#include "koop/engine.h"
#include "municipality/municipality.h"
#include "store/instance_table.h"
#include "store/store.h"

namespace koop::exec {

inline constexpr const char* kStartEvent = "koop.start";
inline constexpr const char* kAdvanceEvent = "koop.advance";

class InstanceService {
 public:
  InstanceService(store::Store& store, DatabaseOptions options);

  Result<DefinitionInfo> RegisterWorkflow(const std::string& path);
  Result<StepOutcome> Start(const StartRequest& request);
  Result<StepOutcome> Fire(const FireRequest& request);
  std::vector<Result<StepOutcome>> FireBatch(const std::vector<FireRequest>& requests);
  Result<StepOutcome> Advance(const std::string& instance_id, TimeMs at);
  Result<InstanceView> Show(const std::string& instance_id);
  Result<std::vector<InstanceSummary>> List();
  Result<std::string> Replay(const std::string& instance_id);

  // The path of workflow `id_or_path` (see DatabaseOptions::workflows_dir).
  Result<std::string> ResolveWorkflowFile(const std::string& id_or_path) const;

 private:
  // Start and Fire run these again (at most 3 times in all) when the database reports a conflict
  // with a concurrent writer (kTempFail: two first starts of one definition, two fires on one
  // instance on PostgreSQL); a conflict that persists is returned as kTempFail (exit 75).
  Result<StepOutcome> StartOnce(const StartRequest& request);
  Result<StepOutcome> FireOnce(const FireRequest& request);
  // A start inside an open transaction (the caller commits): workflow file `file`, municipality
  // `m`, `where` (if not empty) names its file in errors.
  Result<StepOutcome> StartIn(store::Transaction& tx, const StartRequest& request,
                              const std::string& file, const municipality::Municipality& m,
                              const std::string& where);
  // The <k:successor> of the top-level <final> among `states` of an instance that has just ended
  // (`row`, already updated in `tx`), started from it in `tx`: its id, "" when none is declared.
  // An error when it cannot start, so the ending event is not recorded either. `source_name`:
  // where the ending instance's definition was registered from (its successor is looked up there
  // when the workflows folder does not have it).
  Result<std::string> StartSuccessor(store::Transaction& tx, const model::Chart& chart,
                                     const store::InstanceRow& row,
                                     const municipality::Municipality& m,
                                     const std::vector<std::string>& states,
                                     const std::string& source_name, TimeMs at,
                                     const std::string& actor);
  // One event inside an open transaction (the caller commits). `advance_only`: deliver due
  // delayed events without an external event.
  Result<StepOutcome> ApplyEvent(store::Transaction& tx, const FireRequest& request,
                                 bool advance_only);
  // What a stored instance needs to run: its definition, its copy of the municipality and the
  // parameters bound from the two.
  struct Bound {
    LoadedDefinition def;
    municipality::Municipality municipality;
    std::string params_json;
  };
  Result<Bound> Bind(store::Transaction& tx, const store::InstanceRow& row);
  // A stored instance opened for reading (Show, Replay): the read transaction, its row, Bind().
  struct Stored {
    store::Transaction tx;
    store::InstanceRow row;
    Bound bound;
  };
  Result<Stored> ReadStored(const std::string& instance_id);
  // Bind() plus the municipality's calendar, kept per (definition, stored municipality): both are
  // immutable, so events on instances that share them reuse one copy instead of parsing the
  // municipality and binding the parameters again for every event.
  struct EventContext {
    Bound bound;
    std::shared_ptr<Calendar> calendar;
  };
  Result<std::shared_ptr<const EventContext>> ContextFor(store::Transaction& tx,
                                                         const store::InstanceRow& row);
  TimeMs Now() const { return options_.clock->NowMs(); }

  store::Store& store_;
  DatabaseOptions options_;
  InstanceDefinitions definitions_;
  static constexpr std::size_t kMaxContexts = 64;
  std::unordered_map<std::string, std::shared_ptr<const EventContext>> contexts_;
};

// Parameter values for the interpreter: the municipality's bindings typed by the chart's
// <k:param> declarations (numbers, booleans, JSON lists/objects, strings).
Result<std::string> BindParamsJson(const model::Chart& chart, const municipality::Municipality& m);

}  // namespace koop::exec
