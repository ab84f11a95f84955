// Snapshot/Restore: the complete state of a session as one JSON document (format 1):
//   {"format":1, "chart":..., "session":..., "now":..., "started":..., "running":...,
//    "final":..., "final_configuration":[...], "configuration":[ids], "to_invoke":[ids],
//    "data_initialized":[ids], "history":{"h":[ids]}, "data":{...}, "params":{...},
//    "internal":[events], "external":[events], "delayed":[{due,seq,sendid,target,event}],
//    "counters":{"send":n,"seq":n,"invoke":n}}
// States are stored by id so a snapshot stays readable. Sessions with running invoked children
// are not snapshotted (workflows do not invoke; the W3C tests do not snapshot).
#include "exec/interpreter_state.h"
#include "exec/json_tree.h"
#include "json/json_writer.h"

namespace koop::exec {
namespace {

void WriteEvent(json::Writer& w, const Event& e) {
  w.Object()
      .Key("name")
      .String(e.name)
      .Key("type")
      .String(Event::TypeName(e.type))
      .Key("sendid")
      .String(e.sendid)
      .Key("origin")
      .String(e.origin)
      .Key("origintype")
      .String(e.origintype)
      .Key("invokeid")
      .String(e.invokeid)
      .Key("data")
      .Raw(e.data_json == "undefined" ? std::string_view("null") : e.data_json)
      .End();
}

// A document that does not have the snapshot's shape.
Status Invalid(const Status& s) { return Status::DataError("invalid snapshot: " + s.message()); }

// Assigns a Result's value to `target`, or returns its failed Status as an invalid snapshot.
#define KOOP_ASSIGN(target, expr)                                  \
  do {                                                             \
    auto koop_result_ = (expr);                                    \
    if (!koop_result_.ok()) return Invalid(koop_result_.status()); \
    target = std::move(*koop_result_);                             \
  } while (0)

Result<Event> EventFrom(const JsonNode& o) {
  if (o.kind != JsonNode::Kind::kObject)
    return Status::DataError("invalid snapshot: an event is not an object");
  Event e;
  KOOP_ASSIGN(e.name, JsonString(o, "name"));
  std::string type;
  KOOP_ASSIGN(type, JsonString(o, "type"));
  e.type = type == "platform"   ? Event::Type::kPlatform
           : type == "internal" ? Event::Type::kInternal
                                : Event::Type::kExternal;
  KOOP_ASSIGN(e.sendid, JsonString(o, "sendid"));
  KOOP_ASSIGN(e.origin, JsonString(o, "origin"));
  KOOP_ASSIGN(e.origintype, JsonString(o, "origintype"));
  KOOP_ASSIGN(e.invokeid, JsonString(o, "invokeid"));
  const JsonNode* data = o.Find("data");
  if (data == nullptr) return Status::DataError("invalid snapshot: an event's 'data' is missing");
  e.data_json = std::string(data->raw);
  return e;
}

}  // namespace

Result<std::string> InterpreterState::SnapshotJson() {
  for (const auto& [id, child] : children) {
    if (child.session && child.session->running) {
      return Status::Internal("cannot snapshot a session with a running invoked child ('" + id +
                              "')");
    }
  }
  auto data = dm->ToJson();
  if (!data.ok()) return data.status();
  json::Writer w;
  auto ids = [&](const char* key, const StateSet& set) {
    w.Key(key).Array();
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (set[i]) w.String(chart->states[i].id);
    }
    w.End();
  };
  // The members in this order: replays compare snapshots byte for byte.
  w.Object()
      .Key("format")
      .Int(1)
      .Key("chart")
      .String(chart->file)
      .Key("version")
      .String(chart->version)
      .Key("session")
      .String(session_id)
      .Key("now")
      .Int(now)
      .Key("started")
      .Bool(started)
      .Key("running")
      .Bool(running)
      .Key("final")
      .String(final_state)
      .Key("final_configuration")
      .Array();
  for (const std::string& id : final_configuration) w.String(id);
  w.End();
  ids("configuration", configuration);
  ids("to_invoke", states_to_invoke);
  ids("data_initialized", data_initialized);
  w.Key("history").Object();
  for (const auto& [h, value] : history) {
    w.Key(S(h).id).Array();
    for (const auto& s : value) w.String(S(s).id);
    w.End();
  }
  w.End().Key("data").Raw(*data).Key("params").Object();
  for (const auto& [name, value] : params) w.Key(name).Raw(value);
  w.End().Key("internal").Array();
  for (const Event& e : internal_queue) WriteEvent(w, e);
  w.End().Key("external").Array();
  for (const Event& e : external_queue) WriteEvent(w, e);
  w.End().Key("delayed").Array();
  for (const auto& d : delayed) {
    w.Object().Key("due").Int(d.due).Key("seq").Int(d.seq).Key("sendid").String(d.sendid);
    w.Key("target").String(d.target).Key("event");
    WriteEvent(w, d.event);
    w.End();
  }
  w.End().Key("counters").Object();
  w.Key("send").Int(static_cast<std::int64_t>(send_counter));
  w.Key("seq").Int(static_cast<std::int64_t>(seq_counter));
  w.Key("invoke").Int(static_cast<std::int64_t>(invoke_counter));
  w.End().End();
  return w.Take();
}

Status InterpreterState::RestoreJson(const std::string& json) {
  // The snapshot is read with JsonTree: one pass, members in document order, and the nested
  // documents (data model, parameters, event data) taken verbatim, as SnapshotJson wrote them.
  Result<JsonNode> parsed = ParseJsonTree(json);
  if (!parsed.ok()) return Invalid(parsed.status());
  const JsonNode& root = *parsed;
  if (root.kind != JsonNode::Kind::kObject)
    return Status::DataError("invalid snapshot: not an object");
  Result<std::int64_t> format = JsonInt(root, "format");
  if (!format.ok()) return Invalid(format.status());
  if (*format != 1) return Status::DataError("unknown snapshot format");
  KOOP_ASSIGN(session_id, JsonString(root, "session"));
  KOOP_ASSIGN(now, JsonInt(root, "now"));
  KOOP_ASSIGN(started, JsonBool(root, "started"));
  KOOP_ASSIGN(running, JsonBool(root, "running"));
  KOOP_ASSIGN(final_state, JsonString(root, "final"));
  auto array = [&](const JsonNode& object, const char* key) {
    return JsonMember(object, key, JsonNode::Kind::kArray);
  };
  auto object = [&](const JsonNode& owner, const char* key) {
    return JsonMember(owner, key, JsonNode::Kind::kObject);
  };
  auto text = [](const JsonNode& v) {
    return v.kind == JsonNode::Kind::kString ? v.text : std::string(v.raw);
  };
  final_configuration.clear();
  Result<const JsonNode*> finals = array(root, "final_configuration");
  if (!finals.ok()) return Invalid(finals.status());
  for (const JsonNode& v : (*finals)->items) final_configuration.push_back(text(v));
  auto load_set = [&](const char* key, StateSet& set) -> Status {
    Result<const JsonNode*> ids = array(root, key);
    if (!ids.ok()) return Invalid(ids.status());
    set.assign(chart->states.size(), 0);
    for (const JsonNode& v : (*ids)->items) {
      const std::string id = text(v);
      int s = chart->FindState(id);
      if (s < 0) s = id == S(0).id ? 0 : -1;
      if (s < 0) return Status::DataError("snapshot names unknown state '" + id + "'");
      set[static_cast<std::size_t>(s)] = 1;
    }
    return Status::Ok();
  };
  KOOP_RETURN_IF_ERROR(load_set("configuration", configuration));
  KOOP_RETURN_IF_ERROR(load_set("to_invoke", states_to_invoke));
  KOOP_RETURN_IF_ERROR(load_set("data_initialized", data_initialized));
  history.clear();
  Result<const JsonNode*> hist = object(root, "history");
  if (!hist.ok()) return Invalid(hist.status());
  for (const auto& [hid, value] : (*hist)->members) {
    int h = chart->FindState(hid);
    if (h < 0) return Status::DataError("snapshot names unknown history '" + hid + "'");
    if (value.kind != JsonNode::Kind::kArray)
      return Status::DataError("invalid snapshot: history is not an array");
    std::vector<int> states;
    for (const JsonNode& v : value.items) {
      int s = chart->FindState(text(v));
      if (s < 0) return Status::DataError("snapshot names unknown state '" + text(v) + "'");
      states.push_back(s);
    }
    history[h] = states;
  }
  params.clear();
  Result<const JsonNode*> param_values = object(root, "params");
  if (!param_values.ok()) return Invalid(param_values.status());
  for (const auto& [name, value] : (*param_values)->members) params[name] = std::string(value.raw);
  for (auto [key, queue] :
       {std::pair{"internal", &internal_queue}, {"external", &external_queue}}) {
    queue->clear();
    Result<const JsonNode*> events = array(root, key);
    if (!events.ok()) return Invalid(events.status());
    for (const JsonNode& v : (*events)->items) {
      Result<Event> e = EventFrom(v);
      if (!e.ok()) return e.status();
      queue->push_back(std::move(*e));
    }
  }
  delayed.clear();
  Result<const JsonNode*> pending = array(root, "delayed");
  if (!pending.ok()) return Invalid(pending.status());
  for (const JsonNode& o : (*pending)->items) {
    if (o.kind != JsonNode::Kind::kObject)
      return Status::DataError("invalid snapshot: a delayed event is not an object");
    Result<std::int64_t> due = JsonInt(o, "due");
    Result<std::int64_t> seq = JsonInt(o, "seq");
    Result<std::string> sendid = JsonString(o, "sendid");
    Result<std::string> target = JsonString(o, "target");
    Result<const JsonNode*> event = object(o, "event");
    for (const Status* st :
         {&due.status(), &seq.status(), &sendid.status(), &target.status(), &event.status()}) {
      if (!st->ok()) return Invalid(*st);
    }
    Result<Event> e = EventFrom(**event);
    if (!e.ok()) return e.status();
    delayed.push_back({*due, static_cast<std::uint64_t>(*seq), std::move(*sendid),
                       std::move(*target), std::move(*e)});
  }
  Result<const JsonNode*> counters = object(root, "counters");
  if (!counters.ok()) return Invalid(counters.status());
  for (auto [key, counter] :
       {std::pair{"send", &send_counter}, {"seq", &seq_counter}, {"invoke", &invoke_counter}}) {
    Result<std::int64_t> n = JsonInt(**counters, key);
    if (!n.ok()) return Invalid(n.status());
    *counter = static_cast<std::uint64_t>(*n);
  }
  const JsonNode* data = root.Find("data");
  if (data == nullptr) return Status::DataError("invalid snapshot: 'data' is missing");
  // System variables, then the global scripts (they define functions), then the data.
  KOOP_RETURN_IF_ERROR(dm->InitSystem(session_id, chart->name, IoProcessorsJson(session_id)));
  heap.SetNow(now);
  for (const auto& a : chart->root_scripts) dm->RunScript(a.expr).ok();
  KOOP_RETURN_IF_ERROR(dm->FromJson(std::string(data->raw)));
  return Status::Ok();
}

}  // namespace koop::exec
