// The statechart API: load an SCXML chart (with the koop extension) and run it on a simulated
// clock. This is the small public face of engine/src/model (loader) and engine/src/exec
// (interpreter); the durable instances of the workflow engine are built on the same interpreter.
//
//   auto chart = koop::Statechart::Load("case.scxml");          // all problems, file:line:col
//   auto run = koop::StatechartRun::Create(*chart);
//   run->Start(t0);  run->Fire("consent.given", "{}", t1);  run->ActiveStates();
//
// A StatechartRun must be used on one thread (its data model lives in that thread's JavaScript
// heap). Snapshot() gives a JSON document from which Restore() continues exactly.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop {

class Statechart {
 public:
  // Loads and validates; the Status lists every problem as "file:line:col: message" (kDataError),
  // or kNoInput when the file does not exist.
  // `check_unreachable` = false accepts states no transition reaches (W3C test charts).
  static Result<std::shared_ptr<const Statechart>> Load(const std::string& path,
                                                        bool check_unreachable = true);
  // Checks a definition without running it: same messages as Load.
  static Status Validate(const std::string& path);
  // A Graphviz DOT description of the states and transitions (titles shown).
  std::string ToDot() const;

  std::string name() const;
  std::string title() const;
  std::string version() const;

  ~Statechart();

 private:
  friend class StatechartRun;
  struct Impl;  // engine/src/exec/statechart.cpp
  explicit Statechart(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Checks a rule file (JavaScript): it must compile. Errors are "file:line: SyntaxError: ...".
Status ValidateRuleFile(const std::string& path);

// What a Start/Fire/AdvanceTo call did.
struct StepReport {
  bool event_handled = true;        // false: the event matched no transition (it was ignored)
  bool finished = false;            // a top-level final state was reached
  std::vector<std::string> errors;  // error.execution messages
  std::vector<std::string> log;     // <log> output, "label: text"
};

struct RunOptions {
  std::string params_json = "{}";  // values of the chart's <k:param>s
  bool own_heap = false;  // a private JavaScript heap (isolation for test runs; costs ~0.2 ms)
};

class StatechartRun {
 public:
  static Result<std::unique_ptr<StatechartRun>> Create(std::shared_ptr<const Statechart> chart,
                                                       const RunOptions& options = {});
  static Result<std::unique_ptr<StatechartRun>> Restore(std::shared_ptr<const Statechart> chart,
                                                        const std::string& snapshot);
  ~StatechartRun();

  Result<StepReport> Start(TimeMs at);
  Result<StepReport> Fire(const std::string& event, const std::string& data_json, TimeMs at);
  Result<StepReport> AdvanceTo(TimeMs at);
  std::optional<TimeMs> NextDueTime() const;

  std::vector<std::string> ActiveStates() const;  // active atomic state ids, sorted
  bool Finished() const;
  std::string FinalStateId() const;  // "" until finished
  Result<std::string> DataJson() const;
  Result<std::string> Snapshot() const;

 private:
  struct Impl;  // engine/src/exec/statechart.cpp
  explicit StatechartRun(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace koop
