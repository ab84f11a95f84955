// Workflows: GET /api/v1/workflows (the served workflows), GET /api/v1/workflows/{id} (fields,
// events with who may fire them, stages with the events each takes: what forms are built from)
// and the declared values of its events and of its start (<k:data>, <k:start>),
// and GET /api/v1/workflows/{id}/graph.svg (Graphviz `dot` over the workflow's DOT, cached).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

#include <map>
#include <mutex>

#include "koop/statechart.h"
#include "server/api/api.h"
#include "server/api/views.h"

namespace koop::server {
namespace {

Poco::JSON::Array::Ptr Strings(const std::vector<std::string>& items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const std::string& s : items) a->add(s);
  return a;
}

// Declared values of an event or of the start (<k:data>): what a form asks for.
Poco::JSON::Array::Ptr DataJson(const std::vector<EventDataInfo>& data) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const EventDataInfo& d : data) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("name", d.name);
    o->set("type", d.type);
    o->set("title", d.title);
    o->set("required", d.required);
    o->set("working_day", d.working_day);
    o->set("values", Strings(d.values));
    a->add(o);
  }
  return a;
}

Poco::JSON::Object::Ptr WorkflowJson(const WorkflowInfo& w, bool full) {
  Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
  o->set("id", w.id);
  o->set("version", w.version);
  o->set("title", w.title);
  if (!full) return o;
  Poco::JSON::Array::Ptr fields = new Poco::JSON::Array;
  for (const FieldInfo& f : w.fields) {
    Poco::JSON::Object::Ptr fo = new Poco::JSON::Object;
    fo->set("name", f.name);
    fo->set("type", f.type);
    fo->set("title", f.title);
    fo->set("required", f.required);
    fo->set("personal", f.personal);
    fo->set("team", f.team);
    fields->add(fo);
  }
  o->set("fields", fields);
  Poco::JSON::Array::Ptr events = new Poco::JSON::Array;
  for (const EventInfo& e : w.events) {
    Poco::JSON::Object::Ptr eo = new Poco::JSON::Object;
    eo->set("name", e.name);
    eo->set("title", e.title);
    eo->set("by", Strings(e.by.empty() ? std::vector<std::string>{"coordinator"} : e.by));
    eo->set("data", DataJson(e.data));
    events->add(eo);
  }
  o->set("events", events);
  Poco::JSON::Array::Ptr stages = new Poco::JSON::Array;
  for (const StageInfo& s : w.stages) {
    Poco::JSON::Object::Ptr so = new Poco::JSON::Object;
    so->set("id", s.id);
    so->set("title", s.title);
    so->set("events", Strings(s.events));
    stages->add(so);
  }
  o->set("stages", stages);
  // <k:start>: the values POST /api/v1/instances takes for this workflow (the web's new-case
  // form); null when the workflow is not started from a form.
  if (w.startable) {
    Poco::JSON::Object::Ptr start = new Poco::JSON::Object;
    start->set("data", DataJson(w.start_data));
    o->set("start", start);
  } else {
    o->set("start", Poco::Dynamic::Var());
  }
  return o;
}

void ListWorkflows(Exchange& ex) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const std::string& id : ex.catalog().ids()) {
    items->add(WorkflowJson(*ex.catalog().Find(id), false));
  }
  Poco::JSON::Object root;
  root.set("workflows", items);
  ex.Json(200, Stringify(root));
}

void DescribeOne(Exchange& ex) {
  const WorkflowInfo* w = ex.catalog().Find(ex.Param("id"));
  if (!w) {
    ex.Problem(ProblemKind::kNotFound, "no workflow '" + ex.Param("id") + "'");
    return;
  }
  ex.Json(200, Stringify(*WorkflowJson(*w, true)));
}

// Runs `dot -Tsvg` over the DOT text.
Result<std::string> RenderSvg(const std::string& dot) {
  try {
    Poco::Pipe in, out;
    Poco::ProcessHandle ph = Poco::Process::launch("dot", {"-Tsvg"}, &in, &out, nullptr);
    Poco::PipeOutputStream to(in);
    to << dot;
    to.close();
    Poco::PipeInputStream from(out);
    std::string svg;
    Poco::StreamCopier::copyToString(from, svg);
    if (ph.wait() != 0) return Status::Internal("dot -Tsvg failed");
    return svg;
  } catch (const Poco::Exception& e) {
    return Status::Internal("cannot run Graphviz dot: " + e.displayText());
  }
}

void Graph(Exchange& ex) {
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  const std::string path = ex.catalog().PathOf(ex.Param("id"));
  if (path.empty()) {
    ex.Problem(ProblemKind::kNotFound, "no workflow '" + ex.Param("id") + "'");
    return;
  }
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(path);
  if (it == cache.end()) {
    Result<std::shared_ptr<const Statechart>> chart = Statechart::Load(path);
    if (!chart.ok()) {
      ex.ProblemFor(chart.status());
      return;
    }
    Result<std::string> svg = RenderSvg((*chart)->ToDot());
    if (!svg.ok()) {
      ex.ProblemFor(svg.status());
      return;
    }
    it = cache.emplace(path, *svg).first;
  }
  ex.SetHeader("Cache-Control", "private, max-age=300");
  ex.Send(200, "image/svg+xml", it->second);
}

}  // namespace

void RegisterWorkflowRoutes(Router& router) {
  router.Add({"GET", "/api/v1/workflows", Access::kSignedIn, {}, ListWorkflows, ""});
  router.Add({"GET", "/api/v1/workflows/{id}", Access::kSignedIn, {}, DescribeOne, ""});
  router.Add({"GET", "/api/v1/workflows/{id}/graph.svg", Access::kSignedIn, {}, Graph, ""});
}

}  // namespace koop::server
