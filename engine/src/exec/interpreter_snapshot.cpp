// Snapshot/Restore: the complete state of a session as one JSON document (format 1):
//   {"format":1, "chart":..., "session":..., "now":..., "started":..., "running":...,
//    "final":..., "final_configuration":[...], "configuration":[ids], "to_invoke":[ids],
//    "data_initialized":[ids], "history":{"h":[ids]}, "data":{...}, "params":{...},
//    "internal":[events], "external":[events], "delayed":[{due,seq,sendid,target,event}],
//    "counters":{"send":n,"seq":n,"invoke":n}}
// States are stored by id so a snapshot stays readable. Sessions with running invoked children
// are not snapshotted (workflows do not invoke; the W3C tests do not snapshot).
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "exec/interpreter_state.h"

namespace koop::exec {
namespace {

std::string EventJson(const Event& e) {
  return "{\"name\":" + JsonQuote(e.name) + ",\"type\":" + JsonQuote(Event::TypeName(e.type)) +
         ",\"sendid\":" + JsonQuote(e.sendid) + ",\"origin\":" + JsonQuote(e.origin) +
         ",\"origintype\":" + JsonQuote(e.origintype) + ",\"invokeid\":" + JsonQuote(e.invokeid) +
         ",\"data\":" + (e.data_json == "undefined" ? std::string("null") : e.data_json) + "}";
}

std::string Raw(const Poco::Dynamic::Var& v) {
  std::ostringstream os;
  Poco::JSON::Stringifier::stringify(v, os);
  return os.str();
}

Event EventFrom(const Poco::JSON::Object::Ptr& o) {
  Event e;
  e.name = o->getValue<std::string>("name");
  std::string type = o->getValue<std::string>("type");
  e.type = type == "platform" ? Event::Type::kPlatform
           : type == "internal" ? Event::Type::kInternal
                                : Event::Type::kExternal;
  e.sendid = o->getValue<std::string>("sendid");
  e.origin = o->getValue<std::string>("origin");
  e.origintype = o->getValue<std::string>("origintype");
  e.invokeid = o->getValue<std::string>("invokeid");
  e.data_json = Raw(o->get("data"));
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
  auto ids = [&](const StateSet& set) {
    std::string out = "[";
    for (std::size_t i = 0; i < set.size(); ++i) {
      if (!set[i]) continue;
      if (out.size() > 1) out += ",";
      out += JsonQuote(chart->states[i].id);
    }
    return out + "]";
  };
  std::string out = "{\"format\":1,\"chart\":" + JsonQuote(chart->file) +
                    ",\"version\":" + JsonQuote(chart->version) +
                    ",\"session\":" + JsonQuote(session_id) + ",\"now\":" + std::to_string(now) +
                    ",\"started\":" + (started ? "true" : "false") +
                    ",\"running\":" + (running ? "true" : "false") +
                    ",\"final\":" + JsonQuote(final_state) + ",\"final_configuration\":[";
  for (std::size_t i = 0; i < final_configuration.size(); ++i) {
    out += (i ? "," : "") + JsonQuote(final_configuration[i]);
  }
  out += "],\"configuration\":" + ids(configuration) + ",\"to_invoke\":" + ids(states_to_invoke) +
         ",\"data_initialized\":" + ids(data_initialized) + ",\"history\":{";
  bool first = true;
  for (const auto& [h, value] : history) {
    out += (first ? "" : ",") + JsonQuote(S(h).id) + ":[";
    for (std::size_t i = 0; i < value.size(); ++i) out += (i ? "," : "") + JsonQuote(S(value[i]).id);
    out += "]";
    first = false;
  }
  out += "},\"data\":" + *data + ",\"params\":{";
  first = true;
  for (const auto& [name, value] : params) {
    out += (first ? "" : ",") + JsonQuote(name) + ":" + value;
    first = false;
  }
  out += "},\"internal\":[";
  for (std::size_t i = 0; i < internal_queue.size(); ++i) {
    out += (i ? "," : "") + EventJson(internal_queue[i]);
  }
  out += "],\"external\":[";
  for (std::size_t i = 0; i < external_queue.size(); ++i) {
    out += (i ? "," : "") + EventJson(external_queue[i]);
  }
  out += "],\"delayed\":[";
  for (std::size_t i = 0; i < delayed.size(); ++i) {
    const auto& d = delayed[i];
    out += (i ? "," : "") + std::string("{\"due\":") + std::to_string(d.due) +
           ",\"seq\":" + std::to_string(d.seq) + ",\"sendid\":" + JsonQuote(d.sendid) +
           ",\"target\":" + JsonQuote(d.target) + ",\"event\":" + EventJson(d.event) + "}";
  }
  out += "],\"counters\":{\"send\":" + std::to_string(send_counter) +
         ",\"seq\":" + std::to_string(seq_counter) +
         ",\"invoke\":" + std::to_string(invoke_counter) + "}}";
  return out;
}

Status InterpreterState::RestoreJson(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    auto root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
    if (root->getValue<int>("format") != 1) return Status::DataError("unknown snapshot format");
    session_id = root->getValue<std::string>("session");
    now = root->getValue<TimeMs>("now");
    started = root->getValue<bool>("started");
    running = root->getValue<bool>("running");
    final_state = root->getValue<std::string>("final");
    final_configuration.clear();
    for (const auto& v : *root->getArray("final_configuration")) {
      final_configuration.push_back(v.toString());
    }
    auto load_set = [&](const char* key, StateSet& set) -> Status {
      set.assign(chart->states.size(), 0);
      for (const auto& v : *root->getArray(key)) {
        int s = chart->FindState(v.toString());
        if (s < 0) s = v.toString() == S(0).id ? 0 : -1;
        if (s < 0) return Status::DataError("snapshot names unknown state '" + v.toString() + "'");
        set[static_cast<std::size_t>(s)] = 1;
      }
      return Status::Ok();
    };
    KOOP_RETURN_IF_ERROR(load_set("configuration", configuration));
    KOOP_RETURN_IF_ERROR(load_set("to_invoke", states_to_invoke));
    KOOP_RETURN_IF_ERROR(load_set("data_initialized", data_initialized));
    history.clear();
    auto hist = root->getObject("history");
    for (const auto& [hid, value] : *hist) {
      int h = chart->FindState(hid);
      if (h < 0) return Status::DataError("snapshot names unknown history '" + hid + "'");
      std::vector<int> states;
      for (const auto& v : *value.extract<Poco::JSON::Array::Ptr>()) {
        int s = chart->FindState(v.toString());
        if (s < 0) return Status::DataError("snapshot names unknown state '" + v.toString() + "'");
        states.push_back(s);
      }
      history[h] = states;
    }
    params.clear();
    for (const auto& [name, value] : *root->getObject("params")) params[name] = Raw(value);
    internal_queue.clear();
    for (const auto& v : *root->getArray("internal")) {
      internal_queue.push_back(EventFrom(v.extract<Poco::JSON::Object::Ptr>()));
    }
    external_queue.clear();
    for (const auto& v : *root->getArray("external")) {
      external_queue.push_back(EventFrom(v.extract<Poco::JSON::Object::Ptr>()));
    }
    delayed.clear();
    for (const auto& v : *root->getArray("delayed")) {
      auto o = v.extract<Poco::JSON::Object::Ptr>();
      delayed.push_back({o->getValue<TimeMs>("due"), o->getValue<std::uint64_t>("seq"),
                         o->getValue<std::string>("sendid"), o->getValue<std::string>("target"),
                         EventFrom(o->getObject("event"))});
    }
    auto counters = root->getObject("counters");
    send_counter = counters->getValue<std::uint64_t>("send");
    seq_counter = counters->getValue<std::uint64_t>("seq");
    invoke_counter = counters->getValue<std::uint64_t>("invoke");
    std::string data = Raw(root->get("data"));
    // System variables, then the global scripts (they define functions), then the data.
    std::string ioproc = "{\"http://www.w3.org/TR/scxml/#SCXMLEventProcessor\":{\"location\":" +
                         JsonQuote("#_scxml_" + session_id) + "},\"scxml\":{\"location\":" +
                         JsonQuote("#_scxml_" + session_id) + "}}";
    KOOP_RETURN_IF_ERROR(dm->InitSystem(session_id, chart->name, ioproc));
    heap.SetNow(now);
    for (const auto& a : chart->root_scripts) dm->RunScript(a.expr).ok();
    KOOP_RETURN_IF_ERROR(dm->FromJson(data));
  } catch (const std::exception& e) {
    return Status::DataError(std::string("invalid snapshot: ") + e.what());
  }
  return Status::Ok();
}

}  // namespace koop::exec
