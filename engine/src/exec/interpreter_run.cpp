// Macrosteps, microsteps, entering and exiting states, the queues and the simulated clock.
#include <algorithm>
#include <atomic>

#include "exec/interpreter_state.h"
#include "json/json_writer.h"
#include "koop/calendar_explain.h"

namespace koop::exec {
namespace {

std::atomic<std::uint64_t> g_session_counter{0};
constexpr int kMaxExternalPerPump = 100000;

}  // namespace

std::string JsonQuote(const std::string& s) { return json::Quote(s); }

std::string IoProcessorsJson(const std::string& session_id) {
  const std::string location = "#_scxml_" + session_id;
  json::Writer w;
  w.Object().Key("http://www.w3.org/TR/scxml/#SCXMLEventProcessor").Object();
  w.Key("location").String(location).End();
  w.Key("scxml").Object().Key("location").String(location).End();
  return w.End().Take();
}

InterpreterState::InterpreterState(std::shared_ptr<const model::Chart> c, rules::JsHeap& h,
                                   InterpreterOptions o)
    : chart(std::move(c)), heap(h), options(std::move(o)) {
  session_id =
      options.session_id.empty() ? "s" + std::to_string(++g_session_counter) : options.session_id;
  configuration.assign(chart->states.size(), 0);
  states_to_invoke.assign(chart->states.size(), 0);
  data_initialized.assign(chart->states.size(), 0);
  dm = std::make_unique<DataModel>(heap, this, chart);
}

InterpreterState::~InterpreterState() {
  children.clear();
  dm.reset();
}

bool InterpreterState::InState(const char* state_id) const {
  int s = chart->FindState(state_id);
  return s >= 0 && configuration[static_cast<std::size_t>(s)];
}

const std::string* InterpreterState::ParamJson(const char* name) const {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

bool InterpreterState::DayOff(const char* date, std::string* reason) const {
  Result<Date> day = Date::Parse(date);
  if (!day.ok()) return false;
  *reason = options.calendar ? DayOffReason(*options.calendar, *day) : "";
  return true;
}

void InterpreterState::RaiseError(const std::string& name, const std::string& message,
                                  const std::string& sendid) {
  Event e;
  e.name = name;
  e.type = Event::Type::kPlatform;
  e.sendid = sendid;
  e.data_json = json::Writer().Object().Key("message").String(message).End().Take();
  internal_queue.push_back(std::move(e));
  step_errors.push_back(message);
  Effect eff;
  eff.kind = Effect::Kind::kError;
  eff.text = message;
  AddEffect(std::move(eff));
}

void InterpreterState::AddEffect(Effect e) {
  e.at = now;
  e.event = current_event;
  e.event_data_json = current_event_data == "undefined" ? "null" : current_event_data;
  if (e.state.empty() && executing_state != nullptr) e.state = executing_state->id;
  effects.push_back(std::move(e));
}

void InterpreterState::InitDataFor(int state) {
  if (data_initialized[static_cast<std::size_t>(state)]) return;
  data_initialized[static_cast<std::size_t>(state)] = 1;
  for (const auto& d : S(state).data) {
    auto it = initial_values.find(d.id);
    Status st =
        it != initial_values.end() ? dm->SetVariableJson(d.id, it->second) : dm->Declare(d, true);
    if (!st.ok()) RaiseError("error.execution", st.message());
  }
}

Status InterpreterState::Initialize() {
  KOOP_RETURN_IF_ERROR(dm->InitSystem(session_id, chart->name, IoProcessorsJson(session_id)));
  if (chart->late_binding) {
    // Every variable exists from the start (unassigned); values come on first entry.
    for (const auto& st : chart->states) {
      for (const auto& d : st.data) KOOP_RETURN_IF_ERROR(dm->Declare(d, false));
    }
    InitDataFor(0);
  } else {
    for (const auto& st : chart->states) InitDataFor(st.index);
  }
  for (const auto& a : chart->root_scripts) {
    Status st = dm->RunScript(a.expr);
    if (!st.ok()) RaiseError("error.execution", st.message());
  }
  return Status::Ok();
}

Status InterpreterState::EnterInitial() {
  started = true;
  running = true;
  heap.SetNow(now);
  microsteps = 0;
  EnterStates({S(0).initial_transition});
  return Macrostep();
}

Status InterpreterState::Macrostep() {
  while (true) {
    while (running) {
      std::vector<int> enabled = SelectTransitions(nullptr);
      if (enabled.empty()) {
        if (internal_queue.empty()) break;
        Event e = std::move(internal_queue.front());
        internal_queue.pop_front();
        current_event = e.name;
        current_event_data = e.data_json;
        Status st = dm->SetEvent(e);
        if (!st.ok()) return st;
        enabled = SelectTransitions(&e);
      }
      if (!enabled.empty()) {
        if (++microsteps > options.max_microsteps) {
          cycle_error = true;
          return Status::DataError(chart->file + ": more than " +
                                   std::to_string(options.max_microsteps) +
                                   " microsteps in one macrostep (cyclic eventless transitions?)");
        }
        Microstep(enabled);
      }
    }
    if (!running) {
      ExitInterpreter();
      return Status::Ok();
    }
    StartInvokes();
    if (internal_queue.empty()) return Status::Ok();
  }
}

Status InterpreterState::HandleExternal(Event e) {
  if (!running) return Status::Ok();
  microsteps = 0;
  heap.SetNow(now);
  current_event = e.name;
  current_event_data = e.data_json;
  KOOP_RETURN_IF_ERROR(dm->SetEvent(e));
  ApplyFinalizeAndForward(e);
  std::vector<int> enabled = SelectTransitions(&e);
  if (!enabled.empty()) {
    ++microsteps;
    Microstep(enabled);
  }
  // Recurring obligations satisfied by this event (whether or not a transition was taken).
  for (std::size_t s = 0; s < configuration.size(); ++s) {
    if (!configuration[s]) continue;
    for (const auto& r : chart->states[s].recurring) {
      if (AnyDescriptorMatches(r.satisfied_by, e.name)) {
        Effect eff;
        eff.kind = Effect::Kind::kRecurringSatisfied;
        eff.id = r.id;
        eff.recurring = &r;
        eff.state = chart->states[s].id;
        AddEffect(std::move(eff));
      }
    }
  }
  last_event_handled = !enabled.empty();
  return Macrostep();
}

Status InterpreterState::Pump() {
  int budget = kMaxExternalPerPump;
  while (true) {
    bool progress = false;
    if (running && !external_queue.empty()) {
      Event e = std::move(external_queue.front());
      external_queue.pop_front();
      KOOP_RETURN_IF_ERROR(HandleExternal(std::move(e)));
      progress = true;
    }
    for (auto& [id, child] : children) {
      if (child.session && child.session->running && !child.session->external_queue.empty()) {
        KOOP_RETURN_IF_ERROR(child.session->Pump());
        progress = true;
      }
    }
    if (!progress) return Status::Ok();
    if (--budget <= 0) {
      return Status::DataError(chart->file + ": more than " + std::to_string(kMaxExternalPerPump) +
                               " events without waiting (an event loop?)");
    }
  }
}

void InterpreterState::Microstep(const std::vector<int>& transitions) {
  ExitStates(transitions);
  for (int t : transitions) {
    executing_state = &S(T(t).source);
    Execute(T(t).actions);
  }
  executing_state = nullptr;
  EnterStates(transitions);
}

void InterpreterState::ExitStates(const std::vector<int>& transitions) {
  std::vector<int> to_exit = ComputeExitSet(transitions);
  std::sort(to_exit.rbegin(), to_exit.rend());  // exit order: reverse document order
  for (int s : to_exit) states_to_invoke[static_cast<std::size_t>(s)] = 0;
  for (int s : to_exit) {
    for (int h : S(s).history) {
      std::vector<int> value;
      const int n = static_cast<int>(chart->states.size());
      for (int x = 0; x < n; ++x) {
        if (!configuration[static_cast<std::size_t>(x)]) continue;
        if (S(h).kind == model::StateKind::kHistoryDeep ? (S(x).IsAtomic() && IsDescendant(x, s))
                                                        : S(x).parent == s) {
          value.push_back(x);
        }
      }
      history[h] = value;
    }
  }
  for (int s : to_exit) {
    executing_state = &S(s);
    for (const auto& b : S(s).onexit) Execute(b);
    for (const auto& r : S(s).recurring) {
      Effect e;
      e.kind = Effect::Kind::kRecurringDeactivated;
      e.id = r.id;
      e.recurring = &r;
      AddEffect(std::move(e));
    }
    executing_state = nullptr;
    CancelInvokes(s);
    configuration[static_cast<std::size_t>(s)] = 0;
  }
}

void InterpreterState::EnterStates(const std::vector<int>& transitions) {
  std::vector<int> to_enter;
  std::set<int> default_entry;
  std::map<int, const model::Block*> history_content;
  ComputeEntrySet(transitions, to_enter, default_entry, history_content);
  std::sort(to_enter.begin(), to_enter.end());  // entry order: document order
  for (int s : to_enter) {
    if (s == 0) continue;
    configuration[static_cast<std::size_t>(s)] = 1;
    states_to_invoke[static_cast<std::size_t>(s)] = 1;
    if (chart->late_binding) InitDataFor(s);
    executing_state = &S(s);
    for (const auto& b : S(s).onentry) Execute(b);
    if (default_entry.count(s) && S(s).initial_transition >= 0) {
      Execute(T(S(s).initial_transition).actions);
    }
    auto hc = history_content.find(s);
    if (hc != history_content.end()) Execute(*hc->second);
    for (const auto& r : S(s).recurring) {
      Effect e;
      e.kind = Effect::Kind::kRecurringActivated;
      e.id = r.id;
      e.recurring = &r;
      AddEffect(std::move(e));
    }
    executing_state = nullptr;
    if (S(s).kind != model::StateKind::kFinal) continue;
    int up = S(s).parent;
    if (up == 0) {
      running = false;
      final_state = S(s).id;
      continue;
    }
    Event ev;
    ev.name = "done.state." + S(up).id;
    ev.type = Event::Type::kPlatform;
    if (S(s).donedata.present) {
      auto data = EvalData({}, {}, S(s).donedata.params, S(s).donedata.content);
      if (data.ok())
        ev.data_json = *data;
      else
        RaiseError("error.execution", data.status().message());
    }
    internal_queue.push_back(std::move(ev));
    int grand = S(up).parent;
    if (grand > 0 && S(grand).kind == model::StateKind::kParallel) {
      bool all = true;
      for (int c : S(grand).children) all = all && IsInFinalState(c);
      if (all) {
        Event g;
        g.name = "done.state." + S(grand).id;
        g.type = Event::Type::kPlatform;
        internal_queue.push_back(std::move(g));
      }
    }
  }
}

void InterpreterState::ExitInterpreter() {
  final_configuration.clear();
  std::vector<int> active;
  for (std::size_t s = 0; s < configuration.size(); ++s) {
    if (!configuration[s]) continue;
    active.push_back(static_cast<int>(s));
    if (chart->states[s].IsAtomic()) final_configuration.push_back(chart->states[s].id);
  }
  std::sort(final_configuration.begin(), final_configuration.end());
  std::sort(active.rbegin(), active.rend());
  for (int s : active) {
    executing_state = &S(s);
    for (const auto& b : S(s).onexit) Execute(b);
    executing_state = nullptr;
    CancelInvokes(s);
    configuration[static_cast<std::size_t>(s)] = 0;
    if (S(s).kind == model::StateKind::kFinal && S(s).parent == 0) ReturnDoneEvent(s);
  }
  delayed.clear();
}

const DelayedSend* InterpreterState::EarliestDue(InterpreterState** owner) {
  const DelayedSend* best = nullptr;
  for (const auto& d : delayed) {
    if (best == nullptr || d.due < best->due || (d.due == best->due && d.seq < best->seq)) {
      best = &d;
      *owner = this;
    }
  }
  for (auto& [id, child] : children) {
    if (!child.session || !child.session->running) continue;
    InterpreterState* o = nullptr;
    const DelayedSend* c = child.session->EarliestDue(&o);
    if (c != nullptr && (best == nullptr || c->due < best->due)) {
      best = c;
      *owner = o;
    }
  }
  return best;
}

void InterpreterState::SetNowTree(TimeMs t) {
  now = t;
  for (auto& [id, child] : children) {
    if (child.session) child.session->SetNowTree(t);
  }
}

Status InterpreterState::DeliverDelayed(InterpreterState* owner) {
  auto it = std::min_element(owner->delayed.begin(), owner->delayed.end(),
                             [](const DelayedSend& a, const DelayedSend& b) {
                               return a.due != b.due ? a.due < b.due : a.seq < b.seq;
                             });
  DelayedSend d = std::move(*it);
  owner->delayed.erase(it);
  owner->Deliver(d.target, std::move(d.event));
  if (owner->running && !owner->internal_queue.empty()) {
    KOOP_RETURN_IF_ERROR(owner->Macrostep());
  }
  return Status::Ok();
}

Status InterpreterState::AdvanceTo(TimeMs at) {
  while (true) {
    InterpreterState* owner = nullptr;
    const DelayedSend* next = EarliestDue(&owner);
    if (next == nullptr || next->due > at) break;
    SetNowTree(std::max(now, next->due));
    heap.SetNow(now);
    KOOP_RETURN_IF_ERROR(DeliverDelayed(owner));
    KOOP_RETURN_IF_ERROR(Pump());
  }
  SetNowTree(std::max(now, at));
  heap.SetNow(now);
  return Status::Ok();
}

}  // namespace koop::exec
