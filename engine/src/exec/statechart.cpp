// The public statechart API (koop/statechart.h) over model::LoadChart and exec::Interpreter.
#include "koop/statechart.h"

#include "exec/interpreter.h"
#include "model/dot_writer.h"
#include "model/loader.h"
#include "rules/js_heap.h"
#include "rules/rule_library.h"

namespace koop {

struct Statechart::Impl {
  std::shared_ptr<const model::Chart> chart;
};

struct StatechartRun::Impl {
  std::shared_ptr<const Statechart> chart;
  std::unique_ptr<rules::JsHeap> heap;  // declared before the interpreter: destroyed after it
  std::unique_ptr<exec::Interpreter> interpreter;
};

Statechart::Statechart(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Statechart::~Statechart() = default;

Result<std::shared_ptr<const Statechart>> Statechart::Load(const std::string& path,
                                                           bool check_unreachable) {
  model::LoadOptions options;
  options.warn_unreachable = check_unreachable;
  auto chart = model::LoadChart(path, options);
  if (!chart.ok()) return chart.status();
  auto impl = std::make_unique<Impl>();
  impl->chart = *chart;
  return std::shared_ptr<const Statechart>(new Statechart(std::move(impl)));
}

Status Statechart::Validate(const std::string& path) {
  auto chart = model::LoadChart(path);
  return chart.ok() ? Status::Ok() : chart.status();
}

std::string Statechart::ToDot() const { return model::ChartToDot(*impl_->chart); }
std::string Statechart::name() const { return impl_->chart->name; }
std::string Statechart::title() const { return impl_->chart->title; }
std::string Statechart::version() const { return impl_->chart->version; }

StatechartRun::StatechartRun(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StatechartRun::~StatechartRun() = default;

Result<std::unique_ptr<StatechartRun>> StatechartRun::Create(
    std::shared_ptr<const Statechart> chart, const RunOptions& run_options) {
  auto impl = std::make_unique<Impl>();
  exec::InterpreterOptions options;
  options.params_json = run_options.params_json;
  if (run_options.own_heap) {
    impl->heap = std::make_unique<rules::JsHeap>();
    options.heap = impl->heap.get();
  }
  auto it = exec::Interpreter::Create(chart->impl_->chart, options);
  if (!it.ok()) return it.status();
  impl->chart = std::move(chart);
  impl->interpreter = std::move(*it);
  return std::unique_ptr<StatechartRun>(new StatechartRun(std::move(impl)));
}

Result<std::unique_ptr<StatechartRun>> StatechartRun::Restore(
    std::shared_ptr<const Statechart> chart, const std::string& snapshot) {
  auto it = exec::Interpreter::Restore(chart->impl_->chart, snapshot);
  if (!it.ok()) return it.status();
  auto impl = std::make_unique<Impl>();
  impl->chart = std::move(chart);
  impl->interpreter = std::move(*it);
  return std::unique_ptr<StatechartRun>(new StatechartRun(std::move(impl)));
}

namespace {

Result<StepReport> ToReport(Result<exec::StepResult> r, exec::Interpreter& it) {
  if (!r.ok()) return r.status();
  StepReport rep;
  rep.event_handled = r->event_handled;
  rep.finished = r->finished;
  rep.errors = r->errors;
  for (const auto& e : it.TakeEffects()) {
    if (e.kind == exec::Effect::Kind::kLog) {
      rep.log.push_back(e.label.empty() ? e.text : e.label + ": " + e.text);
    }
  }
  return rep;
}

}  // namespace

Result<StepReport> StatechartRun::Start(TimeMs at) {
  return ToReport(impl_->interpreter->Start(at), *impl_->interpreter);
}
Result<StepReport> StatechartRun::Fire(const std::string& event, const std::string& data_json,
                                       TimeMs at) {
  return ToReport(impl_->interpreter->Fire(event, data_json, at), *impl_->interpreter);
}
Result<StepReport> StatechartRun::AdvanceTo(TimeMs at) {
  return ToReport(impl_->interpreter->AdvanceTo(at), *impl_->interpreter);
}
std::optional<TimeMs> StatechartRun::NextDueTime() const {
  return impl_->interpreter->NextDueTime();
}
std::vector<std::string> StatechartRun::ActiveStates() const {
  return impl_->interpreter->Configuration();
}
bool StatechartRun::Finished() const { return impl_->interpreter->Finished(); }
std::string StatechartRun::FinalStateId() const { return impl_->interpreter->FinalStateId(); }
Result<std::string> StatechartRun::DataJson() const { return impl_->interpreter->DataJson(); }
Result<std::string> StatechartRun::Snapshot() const { return impl_->interpreter->Snapshot(); }

}  // namespace koop

namespace koop {

Status ValidateRuleFile(const std::string& path) { return rules::CheckRuleFile(path); }

}  // namespace koop
