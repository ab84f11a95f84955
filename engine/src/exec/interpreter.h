// Interpreter: one running instance of a Chart, following the algorithm of the SCXML
// Recommendation, Appendix D (macrosteps of microsteps, internal and external queues, document
// order, entry/exit order, history, done events, error.execution, invoke of SCXML children).
//
// Time is simulated: the caller says when things happen (`at` in ms since the epoch) and delayed
// <send>s become due at `at + delay`. Nothing reads a wall clock. Fire() and AdvanceTo() first
// deliver every delayed send due by `at` (each as its own macrostep, in due order), then do
// their own work.
//
// The data model lives in a JsHeap (rules/js_heap.h) shared by all instances on one thread; each
// instance owns one scope object in it. An Interpreter must be used on the thread of its heap
// and is not thread-safe. Snapshot()/Restore() capture everything needed to continue exactly:
// configuration, data model (JSON values), history, queues, pending delayed sends, counters.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "exec/effects.h"
#include "koop/calendar.h"
#include "koop/clock.h"
#include "koop/status.h"
#include "model/chart.h"

namespace koop::rules {
class JsHeap;
}

namespace koop::exec {

class DataModel;
struct InterpreterState;

struct InterpreterOptions {
  rules::JsHeap* heap = nullptr;   // null: the calling thread's default heap
  std::string session_id;          // empty: generated ("s1", "s2", ...) per process
  std::string params_json = "{}";  // values of <k:param> (municipality binding); defaults fill in
  int max_microsteps = 10000;      // per macrostep; more = cyclic eventless transitions
  int max_invoke_depth = 8;        // nested <invoke> of SCXML children
  // The municipality's calendar behind the rules' dayOff(date); null: no day is off. It must be
  // the instance's own (its stored municipality), so a replay decides as the event did.
  std::shared_ptr<const Calendar> calendar;
};

// What one Start/Fire/AdvanceTo did.
struct StepResult {
  bool event_handled = true;        // false: the external event enabled no transition (ignored)
  int macrosteps = 0;               // external events processed (delayed sends included)
  bool finished = false;            // the instance reached a top-level final state
  std::vector<std::string> errors;  // error.execution messages raised, "file:line:col: ..."
};

class Interpreter {
 public:
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  static Result<std::unique_ptr<Interpreter>> Create(std::shared_ptr<const model::Chart> chart,
                                                     InterpreterOptions options = {});

  // Enters the initial configuration (the first macrostep). Call once. `initial_values` (id ->
  // JSON) seed the top-level <data> of those ids instead of their expr/src/content, before any
  // script, onentry or eventless transition runs, as values passed to an invoked session do
  // (SCXML 6.4.4); ids that are not top-level <data> are ignored (see instance/initial_data.h).
  Result<StepResult> Start(TimeMs at,
                           const std::map<std::string, std::string>& initial_values = {});
  // Delivers due delayed sends, then the external event `name` with JSON `data_json` and the
  // whole macrostep it causes. A cyclic eventless loop fails with kDataError (state unchanged
  // since the last completed macrostep is NOT guaranteed; callers commit only successful steps).
  Result<StepResult> Fire(const std::string& name, const std::string& data_json, TimeMs at);
  // Delivers every delayed send due by `at`.
  Result<StepResult> AdvanceTo(TimeMs at);
  // Due time of the earliest pending delayed send (incl. those of invoked children).
  std::optional<TimeMs> NextDueTime() const;

  // Ids of active atomic states, sorted.
  std::vector<std::string> Configuration() const;
  // Ids of all active states in document order (including compound/parallel ancestors).
  std::vector<std::string> ActiveStates() const;
  bool IsActive(const std::string& state_id) const;
  bool Finished() const;
  // Id of the top-level final state reached ("pass" in the W3C tests), or "" if not finished.
  std::string FinalStateId() const;
  // The data model's user variables as a JSON object (system variables left out).
  Result<std::string> DataJson() const;
  // Evaluates an expression in the instance's data model and returns JSON (for tests/tools).
  Result<std::string> Evaluate(const std::string& expression);

  // Everything needed to continue exactly, as one JSON document.
  Result<std::string> Snapshot() const;
  static Result<std::unique_ptr<Interpreter>> Restore(std::shared_ptr<const model::Chart> chart,
                                                      const std::string& snapshot,
                                                      InterpreterOptions options = {});

  // Effects of koop content and <log> since the last call (see effects.h).
  std::vector<Effect> TakeEffects();

  const model::Chart& chart() const;
  const std::string& session_id() const;

 private:
  Interpreter();
  std::unique_ptr<InterpreterState> s_;
  friend struct InterpreterState;
};

}  // namespace koop::exec
