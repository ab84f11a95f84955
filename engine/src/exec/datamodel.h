// DataModel: the ecmascript data model of one instance — a scope object in the thread's JsHeap
// plus the operations the interpreter needs (evaluate, assign, run scripts, set _event, iterate,
// snapshot). Values cross into C++ only as JSON text or strings. Every failure is a kDataError
// Status whose message names the place ("case.xml:14:7: ReferenceError: ..."); the interpreter
// turns it into error.execution. Owned by one Interpreter; not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "exec/event.h"
#include "koop/status.h"
#include "model/chart.h"
#include "rules/js_heap.h"

namespace koop::exec {

class DataModel {
 public:
  DataModel(rules::JsHeap& heap, const rules::ScopeHost* host,
            std::shared_ptr<const model::Chart> chart);
  ~DataModel();
  DataModel(const DataModel&) = delete;
  DataModel& operator=(const DataModel&) = delete;

  // Defines the read-only system variables _sessionid, _name, _ioprocessors (JSON).
  Status InitSystem(const std::string& session_id, const std::string& name,
                    const std::string& ioprocessors_json);
  // Declares <data>: evaluates expr/src/inline when `with_value`, else sets undefined.
  Status Declare(const model::DataDecl& data, bool with_value);
  // Sets a variable (top-level name) from JSON, creating it (for <invoke> params/namelist).
  Status SetVariableJson(const std::string& name, const std::string& json);
  bool HasVariable(const std::string& name);

  Result<bool> EvalBool(const model::Expr& expr);
  // A transition guard: EvalBool in a read-only context. Whatever the guard changed in the data
  // model is undone; its value decides. Guards whose text cannot change anything (no
  // assignment, ++/--, delete or call other than In()/param()) run as plain EvalBool; for the
  // others the data model is compared before and after.
  Result<bool> EvalGuard(const model::Expr& expr);
  Result<std::string> EvalString(const model::Expr& expr);  // ToString of the value
  Result<std::string> EvalJson(const model::Expr& expr);    // JSON; undefined -> "null"
  // <assign location=... expr=...|content>
  Status Assign(const model::Action& assign);
  // Assigns a JSON value to a location expression (idlocation, foreach item/index).
  Status AssignJson(const model::Expr& location, const std::string& json);
  // Runs a <script>; when it fails, the data model is restored to what it was before it.
  Status RunScript(const model::Expr& script);
  // The value of inline <content>/<data> text as JSON: parsed when it is JSON, else a string
  // with whitespace normalized.
  Result<std::string> ContentJson(const std::string& text);
  Status SetEvent(const Event& event);

  // <foreach>: copies the array (error if not iterable) and returns its length; ForeachItem
  // assigns item i (and index) for the body; ForeachEnd drops the copy.
  Result<int> ForeachBegin(const model::Expr& array);
  Status ForeachItem(const model::Action& foreach, int i);
  void ForeachEnd();

  // User variables as a JSON object (functions and system variables left out).
  Result<std::string> ToJson();
  // Replaces the user variables with those of a JSON object from ToJson().
  Status FromJson(const std::string& json);
  // Evaluates free text (tools, tests); compiled each time, not cached.
  Result<std::string> EvaluateText(const std::string& expression);

  // Position string for messages: "file:line:col".
  std::string Where(const model::Expr& expr) const;

 private:
  // Whether a code unit's text may change the data model (code_effects.h), cached per unit.
  bool MayChange(const model::Expr& expr);
  // Runs `eval` as one unit of change: when `may_change`, the data model is saved before it and
  // restored when `eval` fails, or, if `read_only`, whenever it changed anything. So every
  // expression, <assign> and <script> that fails leaves the data model as it was before it.
  template <class Eval>
  Status AsUnit(bool may_change, const model::Expr& expr, bool read_only, Eval&& eval);
  Result<bool> Bool(const model::Expr& expr, bool read_only);
  Status Store(const model::Action& assign);  // Assign without the unit around it
  // Dumping and loading the data model (snapshots, undoing a unit) are the engine's work on
  // at most 4 MB of JSON: they get a time limit of their own, so a value a rule could store in
  // time is always read back, on a loaded machine too. The memory limit stays.
  static constexpr int kEngineTimeMs = 2000;
  Status RunEngine(rules::JsHeap::SafeFn fn, int nargs);
  Status Run(rules::JsHeap::SafeFn fn, void* args, int nargs, int nrets, const std::string& where,
             const rules::CodeSpan& span = {});
  // Lines of the definition that a multi-line inline code unit spans ({} otherwise).
  rules::CodeSpan Span(const model::Expr& expr) const;

  rules::JsHeap& heap_;
  const rules::ScopeHost* host_;
  std::shared_ptr<const model::Chart> chart_;
  int scope_ = 0;
  int foreach_depth_ = 0;
  std::vector<signed char> may_mutate_;  // per code unit: -1 unknown, 0 no, 1 maybe
  bool code_ran_ = false;                // code that may have stored a function or accessor has run
};

}  // namespace koop::exec
