// <invoke> of SCXML children: each child is an InterpreterState owned by its parent, sharing the
// parent's JsHeap and simulated clock. Children talk to the parent only through queues
// (#_parent, done.invoke.<id>), so no session ever runs inside another's macrostep.
#include <algorithm>

#include "exec/interpreter_state.h"
#include "model/loader.h"

namespace koop::exec {
namespace {

model::LoadOptions ChildLoadOptions() {
  model::LoadOptions o;
  o.warn_unreachable = false;
  return o;
}

}  // namespace

void InterpreterState::StartInvokes() {
  const int n = static_cast<int>(chart->states.size());
  for (int s = 0; s < n; ++s) {
    if (!states_to_invoke[static_cast<std::size_t>(s)]) continue;
    states_to_invoke[static_cast<std::size_t>(s)] = 0;
    for (int i = 0; i < static_cast<int>(S(s).invokes.size()); ++i) {
      if (!configuration[static_cast<std::size_t>(s)]) break;
      Invoke(s, i);
    }
  }
}

void InterpreterState::Invoke(int state, int index) {
  const model::Invoke& inv = S(state).invokes[static_cast<std::size_t>(index)];
  auto fail = [&](const std::string& msg) { RaiseError("error.execution", msg); };
  std::string where =
      chart->file + ":" + std::to_string(inv.pos.line) + ":" + std::to_string(inv.pos.column);
  std::string id = inv.id;
  if (id.empty()) {
    id = S(state).id + "." + session_id + ".inv" + std::to_string(++invoke_counter);
    if (!inv.idlocation.empty()) {
      Status st = dm->AssignJson(inv.idlocation_expr, JsonQuote(id));
      if (!st.ok()) return fail(st.message());
    }
  }
  if (!inv.typeexpr.empty()) {
    auto t = dm->EvalString(inv.typeexpr);
    if (!t.ok()) return fail(t.status().message());
    if (*t != "http://www.w3.org/TR/scxml/" && *t != "http://www.w3.org/TR/scxml" &&
        *t != "scxml") {
      return fail(where + ": unsupported invoke type '" + *t + "'");
    }
  }
  if (invoke_depth + 1 > options.max_invoke_depth) {
    return fail(where + ": invoke nesting deeper than " + std::to_string(options.max_invoke_depth));
  }
  std::shared_ptr<const model::Chart> child_chart = inv.src_chart;
  if (!child_chart && !inv.srcexpr.empty()) {
    auto src = dm->EvalString(inv.srcexpr);
    if (!src.ok()) return fail(src.status().message());
    std::string path = *src;
    if (path.rfind("file:", 0) == 0) path = path.substr(5);
    if (!path.empty() && path[0] != '/') path = inv.base_dir + "/" + path;
    auto loaded = model::LoadChart(path, ChildLoadOptions());
    if (!loaded.ok()) return fail(where + ": cannot invoke: " + loaded.status().message());
    child_chart = *loaded;
  } else if (!child_chart && inv.content.document) {
    child_chart = inv.content.document;
  } else if (!child_chart && !inv.content.expr.empty()) {
    auto text = dm->EvalString(inv.content.expr);
    if (!text.ok()) return fail(text.status().message());
    auto loaded = model::LoadChartFromString(*text, chart->file + " (invoke content)", inv.base_dir,
                                             ChildLoadOptions());
    if (!loaded.ok()) return fail(where + ": cannot invoke: " + loaded.status().message());
    child_chart = *loaded;
  }
  if (!child_chart) return fail(where + ": <invoke> has no document to run");
  std::map<std::string, std::string> values;
  for (std::size_t i = 0; i < inv.namelist.size(); ++i) {
    auto v = dm->EvalJson(inv.namelist_exprs[i]);
    if (!v.ok()) return fail(v.status().message());
    values[inv.namelist[i]] = *v;
  }
  for (const auto& p : inv.params) {
    auto v = dm->EvalJson(p.expr);
    if (!v.ok()) return fail(v.status().message());
    values[p.name] = *v;
  }
  InterpreterOptions child_options = options;
  child_options.session_id.clear();
  child_options.params_json = "{}";
  auto child = std::make_unique<InterpreterState>(child_chart, heap, child_options);
  child->parent = this;
  child->invoke_id = id;
  child->invoke_depth = invoke_depth + 1;
  child->now = now;
  // Only variables the child declares at its top level take the passed values.
  for (const auto& d : child_chart->states[0].data) {
    auto it = values.find(d.id);
    if (it != values.end()) child->initial_values[d.id] = it->second;
  }
  InterpreterState* raw = child.get();
  children[id] = Child{std::move(child), state, index, inv.autoforward};
  Status st = raw->Initialize();
  if (st.ok()) st = raw->EnterInitial();
  heap.SetNow(now);
  if (!st.ok()) {
    children.erase(id);
    return fail(where + ": invoked session failed: " + st.message());
  }
}

void InterpreterState::CancelInvokes(int state) {
  for (auto it = children.begin(); it != children.end();) {
    if (it->second.state == state) {
      it = children.erase(it);
    } else {
      ++it;
    }
  }
}

void InterpreterState::ReturnDoneEvent(int final_index) {
  if (parent == nullptr) return;
  Event e;
  e.name = "done.invoke." + invoke_id;
  e.type = Event::Type::kExternal;
  e.invokeid = invoke_id;
  const auto& st = S(final_index);
  if (st.donedata.present) {
    auto data = EvalData({}, {}, st.donedata.params, st.donedata.content);
    if (data.ok()) e.data_json = *data;
  }
  parent->external_queue.push_back(std::move(e));
}

void InterpreterState::ApplyFinalizeAndForward(const Event& e) {
  std::vector<std::string> ids;
  for (const auto& [id, child] : children) ids.push_back(id);
  for (const auto& id : ids) {
    auto it = children.find(id);
    if (it == children.end()) continue;
    Child& child = it->second;
    if (!configuration[static_cast<std::size_t>(child.state)]) continue;
    const model::Invoke& inv = S(child.state).invokes[static_cast<std::size_t>(child.invoke_index)];
    if (!e.invokeid.empty() && e.invokeid == id) {
      executing_state = &S(child.state);
      Execute(inv.finalize);
      executing_state = nullptr;
    }
    if (child.autoforward && child.session && child.session->running) {
      child.session->external_queue.push_back(e);
    }
  }
}

}  // namespace koop::exec
