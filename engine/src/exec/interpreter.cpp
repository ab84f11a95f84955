#include "exec/interpreter.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <sstream>

#include "exec/interpreter_state.h"
#include "json/json_reader.h"

namespace koop::exec {
namespace {

// Binds <k:param> values: the caller's JSON wins, then the declared default (typed).
Status BindParams(const model::Chart& chart, const std::string& params_json,
                  std::map<std::string, std::string>& out) {
  Result<Poco::JSON::Object::Ptr> parsed =
      json::ParseObject(params_json.empty() ? "{}" : params_json, "parameters");
  if (!parsed.ok()) return parsed.status();
  Poco::JSON::Object::Ptr given = *parsed;
  for (const auto& p : chart.params) {
    if (given && given->has(p.name)) {
      std::ostringstream os;
      Poco::JSON::Stringifier::stringify(given->get(p.name), os);
      out[p.name] = os.str();
    } else if (p.default_value) {
      switch (p.type) {
        case model::ValueType::kInt:
        case model::ValueType::kNumber:
        case model::ValueType::kDays:
        case model::ValueType::kWorkingDays:
        case model::ValueType::kBool:
        case model::ValueType::kList:
        case model::ValueType::kObject:
          out[p.name] = *p.default_value;
          break;
        default:
          out[p.name] = JsonQuote(*p.default_value);
      }
    }
  }
  // Parameters not declared by the chart are still visible (municipality extras).
  if (given) {
    for (const auto& [name, value] : *given) {
      if (out.count(name)) continue;
      std::ostringstream os;
      Poco::JSON::Stringifier::stringify(value, os);
      out[name] = os.str();
    }
  }
  return Status::Ok();
}

bool ValidJson(const std::string& text) {
  try {
    Poco::JSON::Parser parser;
    parser.parse("[" + text + "]");  // scalars ("null", "1") are valid event data too
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

Interpreter::Interpreter() = default;
Interpreter::~Interpreter() = default;

Result<std::unique_ptr<Interpreter>> Interpreter::Create(std::shared_ptr<const model::Chart> chart,
                                                         InterpreterOptions options) {
  rules::JsHeap& heap = options.heap ? *options.heap : rules::JsHeap::ThreadDefault();
  std::unique_ptr<Interpreter> it(new Interpreter());
  std::map<std::string, std::string> params;
  KOOP_RETURN_IF_ERROR(BindParams(*chart, options.params_json, params));
  it->s_ = std::make_unique<InterpreterState>(std::move(chart), heap, std::move(options));
  it->s_->params = std::move(params);
  return it;
}

namespace {

// A call stopped by the time or memory limit refuses the whole step: the caller discards the
// interpreter and writes nothing (a runaway is not an error the chart may handle).
Status StopStatus(InterpreterState& s) {
  std::string stop = s.heap.TakeStop();
  if (stop.empty()) return Status::Ok();
  return Status::DataError(stop + "; the event is refused");
}

StepResult Report(InterpreterState& s) {
  StepResult r;
  r.finished = s.started && !s.running;
  r.errors = std::move(s.step_errors);
  s.step_errors.clear();
  return r;
}

}  // namespace

Result<StepResult> Interpreter::Start(TimeMs at,
                                      const std::map<std::string, std::string>& initial_values) {
  if (s_->started) return Status::Usage("the instance has already started");
  for (const auto& d : s_->chart->Root().data) {
    auto it = initial_values.find(d.id);
    if (it != initial_values.end()) s_->initial_values[d.id] = it->second;
  }
  s_->now = at;
  s_->heap.SetNow(at);
  s_->step_errors.clear();
  s_->heap.TakeStop();
  KOOP_RETURN_IF_ERROR(s_->Initialize());
  KOOP_RETURN_IF_ERROR(s_->EnterInitial());
  KOOP_RETURN_IF_ERROR(s_->Pump());
  KOOP_RETURN_IF_ERROR(StopStatus(*s_));
  StepResult r = Report(*s_);
  r.macrosteps = 1;
  return r;
}

Result<StepResult> Interpreter::Fire(const std::string& name, const std::string& data_json,
                                     TimeMs at) {
  if (!s_->started) return Status::Usage("the instance has not started");
  if (name.empty()) return Status::Usage("an event needs a name");
  std::string data = data_json.empty() ? "null" : data_json;
  if (!ValidJson(data)) return Status::DataError("event data is not valid JSON");
  s_->step_errors.clear();
  s_->heap.TakeStop();
  KOOP_RETURN_IF_ERROR(s_->AdvanceTo(at));
  KOOP_RETURN_IF_ERROR(StopStatus(*s_));
  StepResult before = Report(*s_);
  if (!s_->running) {
    before.event_handled = false;
    return before;
  }
  Event e;
  e.name = name;
  e.type = Event::Type::kExternal;
  e.data_json = data;
  KOOP_RETURN_IF_ERROR(s_->HandleExternal(std::move(e)));
  bool handled = s_->last_event_handled;
  KOOP_RETURN_IF_ERROR(s_->Pump());
  KOOP_RETURN_IF_ERROR(StopStatus(*s_));
  StepResult r = Report(*s_);
  r.errors.insert(r.errors.begin(), before.errors.begin(), before.errors.end());
  r.event_handled = handled;
  r.macrosteps = 1;
  return r;
}

Result<StepResult> Interpreter::AdvanceTo(TimeMs at) {
  if (!s_->started) return Status::Usage("the instance has not started");
  s_->step_errors.clear();
  s_->heap.TakeStop();
  KOOP_RETURN_IF_ERROR(s_->AdvanceTo(at));
  KOOP_RETURN_IF_ERROR(StopStatus(*s_));
  return Report(*s_);
}

std::optional<TimeMs> Interpreter::NextDueTime() const {
  InterpreterState* owner = nullptr;
  const DelayedSend* d = s_->EarliestDue(&owner);
  if (d == nullptr) return std::nullopt;
  return d->due;
}

std::vector<std::string> Interpreter::Configuration() const {
  if (s_->started && !s_->running) return s_->final_configuration;
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s_->configuration.size(); ++i) {
    if (s_->configuration[i] && s_->chart->states[i].IsAtomic()) {
      out.push_back(s_->chart->states[i].id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Interpreter::ActiveStates() const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s_->configuration.size(); ++i) {
    if (s_->configuration[i]) out.push_back(s_->chart->states[i].id);
  }
  return out;
}

bool Interpreter::IsActive(const std::string& state_id) const {
  return s_->InState(state_id.c_str());
}

bool Interpreter::Finished() const { return s_->started && !s_->running; }
std::string Interpreter::FinalStateId() const { return s_->final_state; }
Result<std::string> Interpreter::DataJson() const { return s_->dm->ToJson(); }
Result<std::string> Interpreter::Evaluate(const std::string& expression) {
  s_->heap.SetNow(s_->now);
  return s_->dm->EvaluateText(expression);
}

Result<std::string> Interpreter::Snapshot() const { return s_->SnapshotJson(); }

Result<std::unique_ptr<Interpreter>> Interpreter::Restore(std::shared_ptr<const model::Chart> chart,
                                                          const std::string& snapshot,
                                                          InterpreterOptions options) {
  auto it = Create(std::move(chart), std::move(options));
  if (!it.ok()) return it.status();
  KOOP_RETURN_IF_ERROR((*it)->s_->RestoreJson(snapshot));
  return it;
}

std::vector<Effect> Interpreter::TakeEffects() {
  std::vector<Effect> out = std::move(s_->effects);
  s_->effects.clear();
  return out;
}

const model::Chart& Interpreter::chart() const { return *s_->chart; }
const std::string& Interpreter::session_id() const { return s_->session_id; }

const char* EffectKindName(Effect::Kind kind) {
  switch (kind) {
    case Effect::Kind::kDeadlineCreated:
      return "deadline.created";
    case Effect::Kind::kDeadlineCancelled:
      return "deadline.cancelled";
    case Effect::Kind::kSatisfied:
      return "satisfied";
    case Effect::Kind::kRecurringActivated:
      return "recurring.activated";
    case Effect::Kind::kRecurringDeactivated:
      return "recurring.deactivated";
    case Effect::Kind::kRecurringSatisfied:
      return "recurring.satisfied";
    case Effect::Kind::kLog:
      return "log";
    case Effect::Kind::kError:
      return "error";
    case Effect::Kind::kRefused:
      return "refused";
  }
  return "?";
}

}  // namespace koop::exec
