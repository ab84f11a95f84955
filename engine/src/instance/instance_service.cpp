#include "instance/instance_service.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <random>
#include <sstream>

#include "instance/initial_data.h"
#include "instance/instance_effects.h"
#include "instance/start_from.h"
#include "json/json_reader.h"
#include "store/event_table.h"

namespace koop::exec {
namespace {

namespace fs = std::filesystem;

std::string NewInstanceId(const std::string& workflow_id) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* kHex = "0123456789abcdef";
  std::string suffix;
  std::uint64_t r = rng();
  for (int i = 0; i < 10; ++i, r >>= 4) suffix += kHex[r & 15];
  return workflow_id + "-" + suffix;
}

Status CheckJsonObject(const std::string& text, const std::string& what) {
  return json::ParseObject(text, what).status();
}

// How deadlines name an instance whose data has no case number (a partnership), in quotes so that
// it reads as a name after "w sprawie" and "sprawa" in reminders:
// "„Zawiązanie Partnerskiego Zespołu Kooperacji – Miasto Sieradz”".
std::string Unnumbered(const model::Chart& chart, const municipality::Municipality& m) {
  std::string name = m.name.empty() ? m.id : m.name;
  return "„" + (chart.title.empty() ? name : chart.title + " – " + name) + "”";
}

// The reasons of every <k:refuse> the macrostep ran, one after another ("" = not refused).
std::string RefusalOf(const std::vector<Effect>& effects) {
  std::string out;
  for (const Effect& e : effects) {
    if (e.kind != Effect::Kind::kRefused) continue;
    out += (out.empty() ? "" : " ") + (e.text.empty() ? std::string("(no reason given)") : e.text);
  }
  return out;
}

// The macrostep's error.execution messages as the JSON array the event log keeps.
std::string ErrorsJson(const std::vector<std::string>& errors) {
  if (errors.empty()) return "[]";
  Poco::JSON::Array array;
  for (const std::string& e : errors) array.add(e);
  std::ostringstream out;
  array.stringify(out);
  return out.str();
}

std::string OutcomeOf(const StepOutcome& o, bool advance) {
  if (o.finished) return "finished";
  if (advance) return "advanced";
  return o.handled ? "handled" : "ignored";
}

StepOutcome ToOutcome(const std::string& id, std::int64_t seq, const StepResult& r,
                      const Interpreter& it, bool count_external) {
  StepOutcome o;
  o.instance_id = id;
  o.seq = seq;
  o.handled = r.event_handled;
  o.finished = it.Finished();
  o.states = it.Configuration();
  o.errors = r.errors;
  o.delayed_delivered = std::max(0, r.macrosteps - (count_external ? 1 : 0));
  return o;
}

}  // namespace

InstanceService::InstanceService(store::Store& store, DatabaseOptions options)
    : store_(store), options_(std::move(options)) {
  if (!options_.clock) options_.clock = SystemClock();
}

Result<std::string> InstanceService::ResolveWorkflowFile(const std::string& id_or_path) const {
  std::error_code ec;
  if (fs::is_regular_file(id_or_path, ec)) return id_or_path;
  if (id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".xml") ||
      id_or_path.ends_with(".scxml")) {
    return Status::NoInput(id_or_path + ": no such workflow file");
  }
  std::vector<std::string> tried;
  for (const char* ext : {".xml", ".scxml"}) {
    std::string p = (fs::path(options_.workflows_dir) / (id_or_path + ext)).string();
    if (fs::is_regular_file(p, ec)) return p;
    tried.push_back(p);
  }
  return Status::NoInput("unknown workflow '" + id_or_path + "' (looked for " + tried[0] + " and " +
                         tried[1] + ")");
}

Result<DefinitionInfo> InstanceService::RegisterWorkflow(const std::string& path) {
  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) return tx.status();
  bool fresh = false;
  Result<LoadedDefinition> def = definitions_.Register(*tx, path, Now(), &fresh);
  if (!def.ok()) return def.status();
  KOOP_RETURN_IF_ERROR(tx->Commit());
  return DefinitionInfo{def->row.workflow_id, def->row.version, def->row.hash, fresh};
}

namespace {

template <typename F>
Result<StepOutcome> RetryOnConflict(F attempt) {
  Result<StepOutcome> r = attempt();
  for (int i = 1; i < 3 && !r.ok() && r.status().code() == Code::kTempFail; ++i) r = attempt();
  return r;
}

}  // namespace

Result<StepOutcome> InstanceService::Start(const StartRequest& request) {
  return RetryOnConflict([&] { return StartOnce(request); });
}

Result<StepOutcome> InstanceService::Fire(const FireRequest& request) {
  return RetryOnConflict([&] { return FireOnce(request); });
}

Result<StepOutcome> InstanceService::StartOnce(const StartRequest& request) {
  KOOP_RETURN_IF_ERROR(CheckJsonObject(request.data_json, "data"));
  Result<std::string> file = ResolveWorkflowFile(request.workflow);
  if (!file.ok()) return file.status();
  Result<std::string> mfile =
      municipality::FindMunicipalityFile(options_.municipalities_dir, request.municipality_id);
  if (!mfile.ok()) return mfile.status();
  Result<municipality::Municipality> m = municipality::LoadMunicipality(*mfile);
  if (!m.ok()) return m.status();

  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<StepOutcome> outcome = StartIn(*tx, request, *file, *m, *mfile);
  if (!outcome.ok()) return outcome.status();
  KOOP_RETURN_IF_ERROR(tx->Commit());
  return outcome;
}

Result<StepOutcome> InstanceService::StartIn(store::Transaction& tx, const StartRequest& request,
                                             const std::string& file,
                                             const municipality::Municipality& m,
                                             const std::string& where) {
  Result<LoadedDefinition> def = definitions_.Register(tx, file, Now());
  if (!def.ok()) return def.status();
  const std::string& workflow_id = def->row.workflow_id;
  if (!m.workflows.empty() && !m.UsesWorkflow(workflow_id)) {
    return Status::DataError((where.empty() ? "" : where + ": ") + "municipality '" + m.id +
                             "' does not use workflow '" + workflow_id + "' (add <workflow ref=\"" +
                             workflow_id + "\"/>)");
  }
  Result<std::string> params = BindParamsJson(*def->chart, m);
  if (!params.ok()) return params.status();

  Result<std::map<std::string, std::string>> seed = SeedValues(*def->chart, request.data_json);
  if (!seed.ok()) return seed.status();
  std::string id = NewInstanceId(workflow_id);
  std::string recorded_data = request.data_json;
  if (!request.from_instance.empty()) {
    Result<std::string> from =
        StartFromData(tx, definitions_, *def->chart, workflow_id, m.id, request.from_instance);
    if (!from.ok()) return from.status();
    (*seed)[def->chart->start_as] = *from;
    // The start event records the value too, so that replaying the log seeds it again.
    Result<std::string> with = WithStartValue(request.data_json, def->chart->start_as, *from);
    if (!with.ok()) return with.status();
    recorded_data = std::move(*with);
    id = SuccessorId(workflow_id, request.from_instance);
    Result<std::optional<store::InstanceRow>> taken = store::FindInstance(tx, id);
    if (!taken.ok()) return taken.status();
    if (taken->has_value()) {
      return Status::DataError("instance " + request.from_instance + " was already continued by " +
                               id);
    }
  }

  std::shared_ptr<Calendar> calendar = municipality::OfficeCalendar(m);
  InterpreterOptions io;
  io.session_id = id;
  io.params_json = *params;
  io.calendar = calendar;
  Result<std::unique_ptr<Interpreter>> it = Interpreter::Create(def->chart, io);
  if (!it.ok()) return it.status();
  Result<StepResult> step = (*it)->Start(request.at, *seed);
  if (!step.ok()) return step.status();
  std::vector<Effect> effects = (*it)->TakeEffects();
  std::string refused = RefusalOf(effects);
  if (!refused.empty()) return Status::DataError("start refused: " + refused);
  Result<std::string> start_data = (*it)->DataJson();
  if (!start_data.ok()) return start_data.status();
  KOOP_RETURN_IF_ERROR(CheckRequiredFields(*def->chart, *start_data));
  Result<std::string> snapshot = (*it)->Snapshot();
  if (!snapshot.ok()) return snapshot.status();

  store::InstanceRow row;
  row.instance_id = id;
  row.workflow_id = workflow_id;
  row.workflow_version = def->row.version;
  row.municipality_id = m.id;
  row.municipality = municipality::MunicipalityToJson(m);
  row.status = (*it)->Finished() ? "finished" : "active";
  row.last_seq = 0;
  row.last_event_at = request.at;
  row.snapshot = *snapshot;
  row.next_timer_at = (*it)->NextDueTime();
  row.created_at = row.updated_at = Now();
  KOOP_RETURN_IF_ERROR(store::InsertInstance(tx, row));
  StepOutcome outcome = ToOutcome(id, 0, *step, **it, false);
  KOOP_RETURN_IF_ERROR(store::AppendEvent(
      tx,
      store::EventRow{id, 0, kStartEvent, recorded_data, request.at,
                      request.actor.empty() ? options_.actor : request.actor,
                      outcome.finished ? "finished" : "started", Now(), ErrorsJson(step->errors)}));
  Result<std::string> data = (*it)->DataJson();
  EffectContext ctx;
  ctx.instance_id = id;
  ctx.calendar = calendar.get();
  ctx.params_json = *params;
  ctx.data_json = data.ok() ? *data : "{}";
  ctx.at = request.at;
  ctx.chart = def->chart.get();
  ctx.unnumbered = Unnumbered(*def->chart, m);
  KOOP_RETURN_IF_ERROR(RecordEffects(tx, ctx, effects, def->row.source_name));
  return outcome;
}

Result<std::string> InstanceService::StartSuccessor(
    store::Transaction& tx, const model::Chart& chart, const store::InstanceRow& row,
    const municipality::Municipality& m, const std::vector<std::string>& states,
    const std::string& source_name, TimeMs at, const std::string& actor) {
  std::string final_state, workflow;
  for (const std::string& s : states) {
    int i = chart.FindState(s);
    if (i > 0 && !chart.states[static_cast<std::size_t>(i)].successor.empty()) {
      final_state = s;
      workflow = chart.states[static_cast<std::size_t>(i)].successor;
    }
  }
  if (workflow.empty()) return std::string();
  const std::string context = "instance " + row.instance_id + " ended in '" + final_state +
                              "', but its successor '" + workflow + "' cannot start";
  // Looked up as `koop start` would; else beside the ending instance's own definition, where a
  // workflow's successor is kept (an event may be fired from any folder).
  Result<std::string> file = ResolveWorkflowFile(workflow);
  for (const char* ext : {".scxml", ".xml"}) {
    fs::path beside = fs::path(source_name).parent_path() / (workflow + ext);
    std::error_code ec;
    if (!file.ok() && fs::is_regular_file(beside, ec)) file = beside.string();
  }
  if (!file.ok()) return file.status().WithContext(context);
  StartRequest request{workflow, m.id, "{}", at};
  request.actor = actor;
  request.from_instance = row.instance_id;
  Result<StepOutcome> started = StartIn(tx, request, *file, m, "");
  if (!started.ok()) {
    // A successor that cannot start from this instance is the definitions' fault, not the
    // caller's usage: bad data (65) like any other refusal of the ending event.
    Status s = started.status();
    if (s.code() == Code::kUsage) s = Status::DataError(s.message());
    return s.WithContext(context);
  }
  return started->instance_id;
}

Result<StepOutcome> InstanceService::ApplyEvent(store::Transaction& tx, const FireRequest& request,
                                                bool advance_only) {
  if (!advance_only) {
    KOOP_RETURN_IF_ERROR(CheckJsonObject(request.data_json, "data"));
    if (request.event.empty() || request.event.find(' ') != std::string::npos) {
      return Status::Usage("'" + request.event + "' is not an event name");
    }
  }
  Result<std::optional<store::InstanceRow>> found =
      store::FindInstance(tx, request.instance_id, /*lock=*/true);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NoInput("no instance '" + request.instance_id + "'");
  store::InstanceRow row = std::move(**found);
  if (!advance_only && !request.once_key.empty()) {
    // Checked under the instance's lock, in the transaction that would record the event; the
    // unique index (instance_id, once_key) backs it against any other writer.
    Result<std::optional<std::int64_t>> seen =
        store::FindOnceEvent(tx, row.instance_id, request.once_key);
    if (!seen.ok()) return seen.status();
    if (seen->has_value()) {
      StepOutcome repeated;
      repeated.instance_id = row.instance_id;
      repeated.seq = **seen;
      repeated.finished = row.status == "finished";
      repeated.repeated = true;
      return repeated;
    }
  }
  if (row.status == "finished") {
    return Status::DataError("instance " + row.instance_id +
                             " has finished; it takes no more events");
  }
  const TimeMs last_at = row.last_event_at;
  const TimeMs at = request.at_or_after_last ? std::max(request.at, last_at) : request.at;
  if (at < last_at) {
    return Status::DataError("event time " + FormatInstantUtc(at) +
                             " is before the instance's last event (" + FormatInstantUtc(last_at) +
                             "); events are applied in time order");
  }
  Result<std::shared_ptr<const EventContext>> context = ContextFor(tx, row);
  if (!context.ok()) return context.status();
  const LoadedDefinition* def = &(*context)->bound.def;
  const std::string* params = &(*context)->bound.params_json;
  InterpreterOptions io;
  io.session_id = row.instance_id;
  io.params_json = *params;
  io.calendar = (*context)->calendar;
  Result<std::unique_ptr<Interpreter>> it = Interpreter::Restore(def->chart, row.snapshot, io);
  if (!it.ok()) return it.status().WithContext("instance " + row.instance_id);
  Result<StepResult> step =
      advance_only ? (*it)->AdvanceTo(at) : (*it)->Fire(request.event, request.data_json, at);
  if (!step.ok()) return step.status().WithContext("instance " + row.instance_id);
  Result<std::string> snapshot = (*it)->Snapshot();
  if (!snapshot.ok()) return snapshot.status().WithContext("instance " + row.instance_id);

  std::vector<Effect> effects = (*it)->TakeEffects();
  Result<std::string> data_after = Status::Internal("not dumped");  // once, when needed
  if (!advance_only) {
    // A rule refused the event (<k:refuse>): nothing of it is written.
    std::string refused = RefusalOf(effects);
    if (!refused.empty()) {
      return Status::DataError("event '" + request.event + "' refused: " + refused);
    }
    // Declared fields keep their declared types: an event whose data put a text into an object
    // field (or a bad date into a date field) is refused, and nothing of it is written.
    if (!def->chart->fields.empty()) {
      data_after = (*it)->DataJson();
      if (!data_after.ok()) return data_after.status().WithContext("instance " + row.instance_id);
      Status typed = CheckFieldTypes(*def->chart, *data_after);
      if (!typed.ok()) {
        return Status::DataError("event '" + request.event + "' refused: " + typed.message());
      }
    }
  }

  const std::int64_t seq = row.last_seq + 1;
  StepOutcome outcome = ToOutcome(row.instance_id, seq, *step, **it, !advance_only);
  if (advance_only) outcome.handled = true;
  KOOP_RETURN_IF_ERROR(store::AppendEvent(
      tx, store::EventRow{row.instance_id, seq, advance_only ? kAdvanceEvent : request.event,
                          advance_only ? "{}" : request.data_json, at,
                          request.actor.empty() ? options_.actor : request.actor,
                          OutcomeOf(outcome, advance_only), Now(), ErrorsJson(step->errors),
                          advance_only ? "" : request.once_key}));
  if (!effects.empty()) {
    if (!data_after.ok()) data_after = (*it)->DataJson();
    const Result<std::string>& data = data_after;
    EffectContext ctx;
    ctx.instance_id = row.instance_id;
    ctx.calendar = (*context)->calendar.get();
    ctx.params_json = *params;
    ctx.data_json = data.ok() ? *data : "{}";
    ctx.at = at;
    ctx.chart = def->chart.get();
    ctx.unnumbered = Unnumbered(*def->chart, (*context)->bound.municipality);
    KOOP_RETURN_IF_ERROR(RecordEffects(tx, ctx, effects, def->row.source_name));
  }
  const std::int64_t expected = row.last_seq;
  row.last_seq = seq;
  row.last_event_at = at;
  row.snapshot = std::move(*snapshot);
  row.status = outcome.finished ? "finished" : "active";
  row.next_timer_at = (*it)->NextDueTime();
  row.updated_at = Now();
  KOOP_RETURN_IF_ERROR(store::UpdateInstance(tx, row, expected));
  if (outcome.finished) {
    Result<std::string> successor = StartSuccessor(
        tx, *def->chart, row, (*context)->bound.municipality, outcome.states, def->row.source_name,
        at, request.actor.empty() ? options_.actor : request.actor);
    if (!successor.ok()) return successor.status();
    outcome.successor_id = *successor;
  }
  return outcome;
}

Result<StepOutcome> InstanceService::FireOnce(const FireRequest& request) {
  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<StepOutcome> outcome = ApplyEvent(*tx, request, false);
  if (!outcome.ok()) return outcome.status();
  if (request.refuse_unhandled && (!outcome->handled || !outcome->errors.empty())) {
    KOOP_RETURN_IF_ERROR(tx->Rollback());
    outcome->recorded = false;
    return outcome;
  }
  KOOP_RETURN_IF_ERROR(tx->Commit());
  return outcome;
}

Result<StepOutcome> InstanceService::Advance(const std::string& instance_id, TimeMs at) {
  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<StepOutcome> outcome = ApplyEvent(*tx, FireRequest{instance_id, "", "{}", at}, true);
  if (!outcome.ok()) return outcome.status();
  KOOP_RETURN_IF_ERROR(tx->Commit());
  return outcome;
}

std::vector<Result<StepOutcome>> InstanceService::FireBatch(
    const std::vector<FireRequest>& requests) {
  std::vector<Result<StepOutcome>> results;
  Result<store::Transaction> tx = store_.BeginWrite();
  if (!tx.ok()) {
    for (std::size_t i = 0; i < requests.size(); ++i) results.emplace_back(tx.status());
    return results;
  }
  for (const FireRequest& request : requests) {
    Status s = tx->Savepoint("koop_event");
    if (!s.ok()) {
      results.emplace_back(s);
      continue;
    }
    Result<StepOutcome> outcome = ApplyEvent(*tx, request, false);
    // As in FireOnce: an event refused by the stage or a rule is rolled back and reported.
    const bool refused =
        outcome.ok() && request.refuse_unhandled && (!outcome->handled || !outcome->errors.empty());
    if (refused) outcome->recorded = false;
    s = outcome.ok() && !refused ? tx->ReleaseSavepoint("koop_event")
                                 : tx->RollbackToSavepoint("koop_event");
    results.push_back(s.ok() ? std::move(outcome) : Result<StepOutcome>(s));
  }
  Status commit = tx->Commit();
  if (!commit.ok()) {
    // Nothing was applied: report the commit failure in every slot.
    for (auto& r : results) r = Result<StepOutcome>(commit);
  }
  return results;
}

Result<InstanceService::Bound> InstanceService::Bind(store::Transaction& tx,
                                                     const store::InstanceRow& row) {
  Result<LoadedDefinition> def = definitions_.Get(tx, row.workflow_id, row.workflow_version);
  if (!def.ok()) return def.status();
  Result<municipality::Municipality> m = municipality::MunicipalityFromJson(
      row.municipality, "municipality of instance " + row.instance_id);
  if (!m.ok()) return m.status();
  Result<std::string> params = BindParamsJson(*def->chart, *m);
  if (!params.ok()) return params.status();
  return Bound{std::move(*def), std::move(*m), std::move(*params)};
}

Result<std::shared_ptr<const InstanceService::EventContext>> InstanceService::ContextFor(
    store::Transaction& tx, const store::InstanceRow& row) {
  std::string key = row.workflow_id;
  key.append(1, '\0').append(row.workflow_version).append(1, '\0').append(row.municipality);
  if (auto found = contexts_.find(key); found != contexts_.end()) return found->second;
  Result<Bound> bound = Bind(tx, row);
  if (!bound.ok()) return bound.status();
  auto context = std::make_shared<EventContext>();
  context->calendar = municipality::OfficeCalendar(bound->municipality);
  context->bound = std::move(*bound);
  if (contexts_.size() >= kMaxContexts) contexts_.clear();
  contexts_.emplace(std::move(key), context);
  return std::shared_ptr<const EventContext>(std::move(context));
}

}  // namespace koop::exec
