// InterpreterState: the whole state of one SCXML session and the Appendix D algorithm over it.
// Interpreter (interpreter.h) is its public face; invoked SCXML children are InterpreterStates
// owned by their parent. The algorithm is split by concern:
//   interpreter_select.cpp   transition selection, conflicts, exit and entry sets
//   interpreter_run.cpp      macrosteps, microsteps, entering/exiting, queues, the clock
//   interpreter_content.cpp  executable content, <send>, koop actions
//   interpreter_invoke.cpp   <invoke>, done.invoke, #_parent, finalize, autoforward
//   interpreter_snapshot.cpp Snapshot() and Restore()
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "exec/datamodel.h"
#include "exec/effects.h"
#include "exec/event.h"
#include "exec/interpreter.h"
#include "model/chart.h"
#include "rules/js_heap.h"

namespace koop::exec {

struct DelayedSend {
  TimeMs due = 0;
  std::uint64_t seq = 0;  // ties broken in send order
  std::string sendid;
  std::string target;  // "" = own external queue, "#_internal", "#_parent", "#_<invokeid>"
  Event event;
};

struct InterpreterState : public rules::ScopeHost {
  using StateSet = std::vector<char>;  // indexed by state index

  InterpreterState(std::shared_ptr<const model::Chart> chart, rules::JsHeap& heap,
                   InterpreterOptions options);
  ~InterpreterState() override;

  // ScopeHost
  bool InState(const char* state_id) const override;
  const std::string* ParamJson(const char* name) const override;
  bool DayOff(const char* date, std::string* reason) const override;

  const model::State& S(int i) const { return chart->states[static_cast<std::size_t>(i)]; }
  const model::Transition& T(int i) const {
    return chart->transitions[static_cast<std::size_t>(i)];
  }

  // --- selection (interpreter_select.cpp)
  std::vector<int> SelectTransitions(const Event* event);  // null = eventless
  std::vector<int> RemoveConflicting(const std::vector<int>& enabled);
  std::vector<int> ComputeExitSet(const std::vector<int>& transitions) const;
  void ComputeEntrySet(const std::vector<int>& transitions, std::vector<int>& to_enter,
                       std::set<int>& default_entry,
                       std::map<int, const model::Block*>& history_content);
  void AddDescendants(int state, std::vector<int>& to_enter, std::set<int>& default_entry,
                      std::map<int, const model::Block*>& history_content);
  void AddAncestors(int state, int ancestor, std::vector<int>& to_enter,
                    std::set<int>& default_entry,
                    std::map<int, const model::Block*>& history_content);
  int TransitionDomain(int t) const;
  std::vector<int> EffectiveTargets(int t) const;
  int FindLcca(const std::vector<int>& states) const;
  bool IsDescendant(int s, int ancestor) const;
  std::vector<int> ProperAncestors(int s, int up_to) const;  // up_to excluded; -1 = to root
  bool IsInFinalState(int s) const;
  std::vector<int> InitialTargets(int s) const;

  // --- running (interpreter_run.cpp)
  Status Initialize();             // data model, global scripts
  Status EnterInitial();           // enters the initial configuration, runs the first macrostep
  Status Macrostep();              // eventless + internal events until stable, then invokes
  Status HandleExternal(Event e);  // one external event and its macrostep
  Status Pump();                   // external queues (own and children's) until quiet
  void Microstep(const std::vector<int>& transitions);
  void ExitStates(const std::vector<int>& transitions);
  void EnterStates(const std::vector<int>& transitions);
  void ExitInterpreter();
  void InitDataFor(int state);
  void EnqueueInternal(Event e) { internal_queue.push_back(std::move(e)); }
  void RaiseError(const std::string& name, const std::string& message,
                  const std::string& sendid = "");
  // Earliest due delayed send in this session and its children.
  const DelayedSend* EarliestDue(InterpreterState** owner);
  void SetNowTree(TimeMs t);
  Status DeliverDelayed(InterpreterState* owner);
  Status AdvanceTo(TimeMs at);

  // --- content (interpreter_content.cpp)
  bool Execute(const model::Block& block);  // false: an error stopped the block
  bool ExecuteAction(const model::Action& a);
  bool ExecuteSend(const model::Action& a);
  Result<std::string> EvalData(const std::vector<std::string>& namelist,
                               const std::vector<model::Expr>& namelist_exprs,
                               const std::vector<model::Param>& params,
                               const model::Content& content);
  void Deliver(const std::string& target, Event e);  // routes a sent event now
  void AddEffect(Effect e);

  // --- invoke (interpreter_invoke.cpp)
  void StartInvokes();
  void Invoke(int state, int index);
  void CancelInvokes(int state);
  void ReturnDoneEvent(int final_state);
  void ApplyFinalizeAndForward(const Event& e);

  // --- snapshot (interpreter_snapshot.cpp)
  Result<std::string> SnapshotJson();
  Status RestoreJson(const std::string& json);

  // identity and wiring
  std::shared_ptr<const model::Chart> chart;
  rules::JsHeap& heap;
  InterpreterOptions options;
  std::unique_ptr<DataModel> dm;
  std::string session_id;
  std::map<std::string, std::string> params;  // name -> JSON
  InterpreterState* parent = nullptr;         // set for invoked children
  std::string invoke_id;                      // our id in the parent
  int invoke_depth = 0;
  std::map<std::string, std::string> initial_values;  // invoke params for the child's data

  // SCXML state
  StateSet configuration;
  StateSet states_to_invoke;
  StateSet data_initialized;
  std::map<int, std::vector<int>> history;
  std::deque<Event> internal_queue;
  std::deque<Event> external_queue;
  std::vector<DelayedSend> delayed;
  bool started = false;
  bool running = false;
  std::string final_state;  // top-level final reached
  std::vector<std::string> final_configuration;
  TimeMs now = 0;
  std::uint64_t send_counter = 0;
  std::uint64_t seq_counter = 0;
  std::uint64_t invoke_counter = 0;
  int microsteps = 0;  // in the current macrostep
  bool cycle_error = false;
  bool last_event_handled = true;
  std::string current_event;  // name of the event being processed
  std::string current_event_data = "null";
  const model::State* executing_state = nullptr;

  struct Child {
    std::unique_ptr<InterpreterState> session;
    int state = -1;
    int invoke_index = -1;
    bool autoforward = false;
  };
  std::map<std::string, Child> children;            // by invoke id
  std::vector<std::pair<int, int>> active_invokes;  // (state, invoke index) -> id
  std::map<std::pair<int, int>, std::string> invoke_ids;

  std::vector<Effect> effects;
  std::vector<std::string> step_errors;
};

// `s` as a JSON string (json::Quote).
std::string JsonQuote(const std::string& s);
// The _ioprocessors system variable of a session (SCXML 5.10).
std::string IoProcessorsJson(const std::string& session_id);

}  // namespace koop::exec
