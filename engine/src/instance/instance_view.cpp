// Reading instances: Show (stage, fields, deadlines, timers, history), List, Replay, and the
// stable JSON form of a view (docs/storage.md, "koop show --json").
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>
#include <utility>

#include "instance/initial_data.h"
#include "instance/instance_service.h"
#include "json/json_reader.h"
#include "store/deadline_table.h"
#include "store/event_table.h"
#include "time/deadline_actions.h"

namespace koop::exec {

Poco::JSON::Object::Ptr NewObject();

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// The pending timers of a snapshot; an unreadable snapshot is an error naming the instance.
Result<std::vector<TimerView>> TimersOf(const std::string& snapshot, const std::string& source) {
  Result<Object::Ptr> root = json::ParseObject(snapshot, source);
  if (!root.ok()) return root.status();
  std::vector<TimerView> timers;
  try {
    Array::Ptr delayed = (*root)->getArray("delayed");
    for (std::size_t i = 0; delayed && i < delayed->size(); ++i) {
      Object::Ptr d = delayed->getObject(i);
      Object::Ptr event = d->getObject("event");
      timers.push_back(
          TimerView{event ? event->getValue<std::string>("name") : "", d->getValue<TimeMs>("due")});
    }
  } catch (const std::exception& e) {
    return Status::DataError(source + ": a timer is malformed: " + e.what());
  }
  return timers;
}

std::string EventTitle(const model::Chart& chart, const std::string& name) {
  for (const auto& t : chart.event_titles) {
    if (t.name == name) return t.title;
  }
  return "";
}

// The messages of an event row's `errors` column (a JSON array of texts).
Result<std::vector<std::string>> ErrorsOf(const std::string& text, const std::string& source) {
  std::vector<std::string> out;
  if (text.empty() || text == "[]") return out;
  Result<Array::Ptr> array = json::ParseArray(text, source);
  if (!array.ok()) return array.status();
  for (std::size_t i = 0; i < (*array)->size(); ++i) {
    if (!(*array)->get(i).isString()) return Status::DataError(source + ": not a list of texts");
    out.push_back((*array)->getElement<std::string>(i));
  }
  return out;
}

// The view of a stored deadline row: its series and its escalation day, computed as the
// scheduler computes it (time/deadline_actions.h) on the municipality's calendar.
Result<DeadlineView> DeadlineOf(const store::DeadlineRow& d, const Calendar& calendar) {
  const std::string of = " of deadline " + d.deadline_id + " of instance " + d.instance_id;
  DeadlineView view;
  view.id = d.deadline_id;
  view.occurrence = d.occurrence;
  view.title = d.title;
  view.due_date = d.due_date;
  view.due_at = d.due_at;
  view.state = d.state;
  view.owner_state = d.owner_state;
  view.recur_every = d.recur_every;
  view.recur_anchor = d.recur_anchor;
  view.recur_count = d.recur_count;
  view.escalate = d.escalate;
  view.case_number = d.case_number;
  view.stage_title = d.stage_title;
  if (!d.explanation.empty()) {
    Result<std::vector<std::string>> lines = json::ParseStrings(d.explanation, "explanation" + of);
    if (!lines.ok()) return lines.status();
    view.explanation = std::move(*lines);
  }
  if (!d.escalate.empty()) {
    Result<std::vector<std::string>> to =
        json::ParseStrings(d.escalate_to, "escalation roles" + of);
    if (!to.ok()) return to.status();
    view.escalate_to = std::move(*to);
    Result<Date> due = Date::Parse(d.due_date);
    if (due.ok()) {
      for (const DeadlineAction& a : DeadlineActions(*due, {}, 0, calendar, d.escalate)) {
        if (a.kind == DeadlineActionKind::kEscalation) view.escalation_date = a.day.ToString();
      }
    }
  }
  return view;
}

// sprawa.numer of the data model, "" when there is none.
Result<std::string> CaseNumberOf(const std::string& data_json, const std::string& source) {
  Result<Object::Ptr> root = json::ParseObject(data_json, source);
  if (!root.ok()) return root.status();
  Object::Ptr sprawa =
      (*root)->get("sprawa").type() == typeid(Object::Ptr) ? (*root)->getObject("sprawa") : nullptr;
  if (!sprawa || !sprawa->has("numer") || !sprawa->get("numer").isString()) return std::string();
  return sprawa->getValue<std::string>("numer");
}

}  // namespace

Poco::JSON::Object::Ptr NewObject() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

namespace {

// The stored row of instance `id`; kNoInput when there is none.
Result<store::InstanceRow> ExistingInstance(store::Transaction& tx, const std::string& id) {
  Result<std::optional<store::InstanceRow>> found = store::FindInstance(tx, id);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return Status::NoInput("no instance '" + id + "'");
  return std::move(**found);
}

}  // namespace

Result<InstanceService::Stored> InstanceService::ReadStored(const std::string& instance_id) {
  Result<store::Transaction> tx = store_.BeginRead();
  if (!tx.ok()) return tx.status();
  Result<store::InstanceRow> found = ExistingInstance(*tx, instance_id);
  if (!found.ok()) return found.status();
  Result<Bound> bound = Bind(*tx, *found);
  if (!bound.ok()) return bound.status();
  return Stored{std::move(*tx), std::move(*found), std::move(*bound)};
}

Result<InstanceView> InstanceService::Show(const std::string& instance_id) {
  Result<Stored> stored = ReadStored(instance_id);
  if (!stored.ok()) return stored.status();
  store::Transaction* tx = &stored->tx;
  const store::InstanceRow& row = stored->row;
  const LoadedDefinition* def = &stored->bound.def;
  const std::string* params = &stored->bound.params_json;
  InterpreterOptions io;
  io.session_id = row.instance_id;
  io.params_json = *params;
  io.calendar = municipality::OfficeCalendar(stored->bound.municipality);
  Result<std::unique_ptr<Interpreter>> it = Interpreter::Restore(def->chart, row.snapshot, io);
  if (!it.ok()) return it.status().WithContext("instance " + row.instance_id);

  InstanceView v;
  v.instance_id = row.instance_id;
  v.workflow_id = row.workflow_id;
  v.workflow_version = row.workflow_version;
  v.workflow_title = def->chart->title;
  v.workflow_hash = def->row.hash;
  for (const model::KoopField& f : def->chart->fields) {
    if (!f.personal) continue;
    std::string root = f.name.substr(0, f.name.find('.'));
    if (std::find(v.personal_fields.begin(), v.personal_fields.end(), root) ==
        v.personal_fields.end()) {
      v.personal_fields.push_back(root);
    }
  }
  v.municipality_id = stored->bound.municipality.id;
  v.municipality_name = stored->bound.municipality.name;
  v.status = row.status;
  v.last_seq = row.last_seq;
  v.created_at = row.created_at;
  v.updated_at = row.updated_at;
  for (const std::string& id : (*it)->Configuration()) {
    int index = def->chart->FindState(id);
    v.stages.push_back(StageView{id, index >= 0 ? def->chart->states[index].title : ""});
  }
  Result<std::string> data = (*it)->DataJson();
  if (!data.ok()) return data.status();
  v.data_json = *data;
  Result<std::string> case_number = CaseNumberOf(v.data_json, "data of instance " + instance_id);
  if (!case_number.ok()) return case_number.status();
  v.case_number = *case_number;
  Result<std::vector<store::DeadlineRow>> deadlines = store::AllDeadlines(*tx, instance_id);
  if (!deadlines.ok()) return deadlines.status();
  std::shared_ptr<Calendar> calendar = municipality::OfficeCalendar(stored->bound.municipality);
  for (int pass = 0; pass < 2; ++pass) {  // open ones first
    for (const auto& d : *deadlines) {
      if ((d.state == store::kDeadlineOpen) != (pass == 0)) continue;
      Result<DeadlineView> view = DeadlineOf(d, *calendar);
      if (!view.ok()) return view.status();
      v.deadlines.push_back(std::move(*view));
    }
  }
  Result<std::vector<TimerView>> timers =
      TimersOf(row.snapshot, "snapshot of instance " + instance_id);
  if (!timers.ok()) return timers.status();
  v.timers = std::move(*timers);
  Result<std::vector<store::EventRow>> events = store::ReadEvents(*tx, instance_id);
  if (!events.ok()) return events.status();
  for (const auto& e : *events) {
    HistoryEntry h;
    h.seq = e.seq;
    h.event = e.name;
    h.event_title = EventTitle(*def->chart, e.name);
    h.at = e.at;
    h.actor = e.actor;
    h.outcome = e.outcome;
    Result<std::vector<std::string>> errors = ErrorsOf(
        e.errors, "errors of event " + std::to_string(e.seq) + " of instance " + instance_id);
    if (!errors.ok()) return errors.status();
    h.errors = std::move(*errors);
    v.history.push_back(std::move(h));
  }
  return v;
}

Result<std::vector<InstanceSummary>> InstanceService::List() {
  Result<store::Transaction> tx = store_.BeginRead();
  if (!tx.ok()) return tx.status();
  Result<std::vector<store::InstanceRow>> rows = store::ListInstances(*tx);
  if (!rows.ok()) return rows.status();
  std::vector<InstanceSummary> out;
  for (const auto& r : *rows) {
    out.push_back(InstanceSummary{r.instance_id, r.workflow_id, r.workflow_version,
                                  r.municipality_id, r.status, r.last_seq, r.updated_at});
  }
  return out;
}

Result<std::string> InstanceService::Replay(const std::string& instance_id) {
  Result<Stored> stored = ReadStored(instance_id);
  if (!stored.ok()) return stored.status();
  store::Transaction* tx = &stored->tx;
  const store::InstanceRow& row = stored->row;
  const LoadedDefinition* def = &stored->bound.def;
  const std::string* params = &stored->bound.params_json;
  Result<std::vector<store::EventRow>> events = store::ReadEvents(*tx, instance_id);
  if (!events.ok()) return events.status();
  if (events->empty() || events->front().name != kStartEvent) {
    return Status::DataError("instance " + instance_id + ": the event log does not begin with " +
                             kStartEvent);
  }
  InterpreterOptions io;
  io.session_id = row.instance_id;
  io.params_json = *params;
  io.calendar = municipality::OfficeCalendar(stored->bound.municipality);
  Result<std::unique_ptr<Interpreter>> it = Interpreter::Create(def->chart, io);
  if (!it.ok()) return it.status();
  for (const store::EventRow& e : *events) {
    Result<StepResult> step = Status::Ok();
    if (e.seq == 0) {
      // The start event carries the initial data: seeded before the first macrostep, as at start.
      Result<std::map<std::string, std::string>> seed = SeedValues(*def->chart, e.data);
      if (!seed.ok()) return seed.status().WithContext("instance " + instance_id);
      step = (*it)->Start(e.at, *seed);
    } else if (e.name == kAdvanceEvent) {
      step = (*it)->AdvanceTo(e.at);
    } else {
      step = (*it)->Fire(e.name, e.data, e.at);
    }
    if (!step.ok()) return step.status().WithContext("replaying event " + std::to_string(e.seq));
    (void)(*it)->TakeEffects();
  }
  Result<std::string> snapshot = (*it)->Snapshot();
  if (!snapshot.ok()) return snapshot.status();
  if (*snapshot != row.snapshot) {
    std::size_t at = 0;
    while (at < snapshot->size() && at < row.snapshot.size() &&
           (*snapshot)[at] == row.snapshot[at]) {
      ++at;
    }
    return Status::DataError("instance " + instance_id + ": replaying " +
                             std::to_string(events->size()) +
                             " events does not reproduce the stored snapshot (first difference at "
                             "character " +
                             std::to_string(at) + ")");
  }
  return snapshot;
}

}  // namespace koop::exec

namespace koop {

std::string InstanceViewToJson(const InstanceView& v) {
  using exec::NewObject;
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  Object::Ptr root = NewObject();
  root->set("format", 1);
  root->set("instance", v.instance_id);
  Object::Ptr wf = NewObject();
  wf->set("id", v.workflow_id);
  wf->set("version", v.workflow_version);
  wf->set("title", v.workflow_title);
  wf->set("hash", v.workflow_hash);
  root->set("workflow", wf);
  Object::Ptr mun = NewObject();
  mun->set("id", v.municipality_id);
  mun->set("name", v.municipality_name);
  root->set("municipality", mun);
  root->set("case",
            v.case_number.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v.case_number));
  root->set("status", v.status);
  root->set("lastSeq", v.last_seq);
  Array::Ptr stages = new Array();
  for (const auto& s : v.stages) {
    Object::Ptr o = NewObject();
    o->set("id", s.id);
    o->set("title", s.title);
    stages->add(o);
  }
  root->set("stages", stages);
  // Show() has read the data already; a view built elsewhere with unreadable data says so in the
  // document instead of showing an empty object.
  Result<Poco::Dynamic::Var> data = json::Parse(v.data_json, "data of instance " + v.instance_id);
  if (data.ok()) {
    root->set("data", *data);
  } else {
    root->set("data", Poco::Dynamic::Var());
    root->set("data_error", data.status().message());
  }
  Array::Ptr deadlines = new Array();
  for (const auto& d : v.deadlines) {
    Object::Ptr o = NewObject();
    o->set("id", d.id);
    o->set("occurrence", d.occurrence);
    o->set("title", d.title);
    o->set("dueDate", d.due_date);
    o->set("dueAt", FormatInstantUtc(d.due_at));
    o->set("state", d.state);
    o->set("ownerState", d.owner_state);
    if (d.recur_every.empty()) {
      o->set("recurring", Poco::Dynamic::Var());
    } else {
      Object::Ptr r = NewObject();
      r->set("every", d.recur_every);
      r->set("anchor", d.recur_anchor);
      r->set("count", d.recur_count);
      o->set("recurring", r);
    }
    if (d.escalate.empty()) {
      o->set("escalation", Poco::Dynamic::Var());
    } else {
      Object::Ptr e = NewObject();
      e->set("after", d.escalate);
      Array::Ptr to = new Array();
      for (const auto& role : d.escalate_to) to->add(role);
      e->set("to", to);
      e->set("date", d.escalation_date.empty() ? Poco::Dynamic::Var()
                                               : Poco::Dynamic::Var(d.escalation_date));
      o->set("escalation", e);
    }
    o->set("stageTitle", d.stage_title);
    Array::Ptr why = new Array();
    for (const std::string& line : d.explanation) why->add(line);
    o->set("explanation", why);
    deadlines->add(o);
  }
  root->set("deadlines", deadlines);
  Array::Ptr timers = new Array();
  for (const auto& t : v.timers) {
    Object::Ptr o = NewObject();
    o->set("event", t.event);
    o->set("dueAt", FormatInstantUtc(t.due_at));
    timers->add(o);
  }
  root->set("timers", timers);
  Array::Ptr history = new Array();
  for (const auto& h : v.history) {
    Object::Ptr o = NewObject();
    o->set("seq", h.seq);
    o->set("event", h.event);
    o->set("title", h.event_title);
    o->set("at", FormatInstantUtc(h.at));
    o->set("actor", h.actor);
    o->set("outcome", h.outcome);
    Array::Ptr errors = new Array();
    for (const std::string& e : h.errors) errors->add(e);
    o->set("errors", errors);
    history->add(o);
  }
  root->set("history", history);
  root->set("createdAt", FormatInstantUtc(v.created_at));
  root->set("updatedAt", FormatInstantUtc(v.updated_at));
  std::ostringstream out;
  root->stringify(out, 2);
  return out.str();
}

}  // namespace koop
