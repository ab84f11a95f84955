#include "demo/demo_script.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <fstream>
#include <sstream>

#include "pack/json_tree.h"

namespace koop::demo {

using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

std::string Str(const Object::Ptr& o, const std::string& key) {
  return o->has(key) ? o->get(key).toString() : "";
}

}  // namespace

Result<Script> LoadScript(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NoInput(path + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  auto root = pack::ParseObject(text.str(), path);
  if (!root.ok()) return root.status();
  Script s;
  s.file = path;
  s.title = Str(*root, "title");
  s.municipality = Str(*root, "municipality");
  s.workflow = Str(*root, "workflow");
  if (s.municipality.empty() || s.workflow.empty() || !(*root)->has("start")) {
    return Status::DataError(path +
                             ": a script needs \"municipality\", \"workflow\" and \"start\"");
  }
  Object::Ptr start = (*root)->getObject("start");
  if (!start) return Status::DataError(path + ": \"start\" must be an object");
  s.start_at_text = Str(start, "at");
  auto at = ParseInstant(s.start_at_text);
  if (!at.ok()) return at.status().WithContext(path + ": start");
  s.start_at = *at;
  if (start->has("data")) s.start_data_json = pack::ToJson(start->get("data"));
  Array::Ptr steps = (*root)->getArray("steps");
  for (std::size_t i = 0; steps && i < steps->size(); ++i) {
    Object::Ptr o = steps->getObject(i);
    std::string where = path + ": step " + std::to_string(i + 1);
    if (!o) return Status::DataError(where + ": not an object");
    ScriptStep step;
    if (o->has("report")) {
      step.report = true;
      step.at_text = Str(o, "report");
    } else {
      step.at_text = Str(o, "at");
      step.event = Str(o, "event");
      if (step.event.empty()) return Status::DataError(where + ": needs \"event\" or \"report\"");
      if (o->has("data")) step.data_json = pack::ToJson(o->get("data"));
      step.pack = Str(o, "pack");
    }
    auto t = ParseInstant(step.at_text);
    if (!t.ok()) return t.status().WithContext(where);
    step.at = *t;
    s.steps.push_back(std::move(step));
  }
  return s;
}

}  // namespace koop::demo
