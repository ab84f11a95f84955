// DescribeWorkflow: the people-facing part of a loaded chart (koop/workflow_info.h).
#include "koop/workflow_info.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "model/loader.h"

namespace koop {
namespace {

// Whether a transition's event descriptor matches the event name (SCXML prefix matching).
bool DescriptorMatches(const std::string& descriptor, const std::string& name) {
  if (descriptor == "*") return false;  // catch-alls do not make every event an action
  return name == descriptor ||
         (name.size() > descriptor.size() && name.compare(0, descriptor.size(), descriptor) == 0 &&
          name[descriptor.size()] == '.');
}

std::string AttrOf(const xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

// The <k:data> children of a <k:event> (checked by the loader: model/builder_koop.cpp).
std::vector<EventDataInfo> ReadEventData(const xmlNode* event) {
  std::vector<EventDataInfo> out;
  for (const xmlNode* c = event->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE ||
        std::string(reinterpret_cast<const char*>(c->name)) != "data") {
      continue;
    }
    EventDataInfo d;
    d.name = AttrOf(c, "name");
    d.type = AttrOf(c, "type").empty() ? "string" : AttrOf(c, "type");
    d.title = AttrOf(c, "title");
    d.required = AttrOf(c, "required") == "true";
    d.working_day = AttrOf(c, "working-day") == "true";
    std::istringstream values(AttrOf(c, "values"));
    std::string v;
    while (values >> v) d.values.push_back(v);
    out.push_back(std::move(d));
  }
  return out;
}

// The people-facing declarations the chart plan does not keep (<k:event by> and its <k:data>,
// <k:field team>, <k:deadline due> as written, <k:start>), read from the same file after the
// loader has accepted and checked it.
struct PeopleAttrs {
  std::map<std::string, std::vector<std::string>> event_by;
  std::map<std::string, std::vector<EventDataInfo>> event_data;
  std::map<std::string, bool> field_team;
  std::map<std::string, std::string> deadline_due;
  bool start_declared = false;
  std::vector<EventDataInfo> start_data;
};

// Every <k:deadline id due> below `node`, wherever a state's content holds it.
void ReadDeadlineRules(const xmlNode* node, std::map<std::string, std::string>& out) {
  for (const xmlNode* n = node->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (n->ns && std::string(reinterpret_cast<const char*>(n->ns->href)) == model::kKoopNamespace &&
        std::string(reinterpret_cast<const char*>(n->name)) == "deadline") {
      out.emplace(AttrOf(n, "id"), AttrOf(n, "due"));
    }
    ReadDeadlineRules(n, out);
  }
}

PeopleAttrs ReadPeopleAttrs(const std::string& path) {
  PeopleAttrs out;
  xmlDoc* doc =
      xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (!doc) return out;
  const xmlNode* root = xmlDocGetRootElement(doc);
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || !n->ns ||
        std::string(reinterpret_cast<const char*>(n->ns->href)) != model::kKoopNamespace) {
      continue;
    }
    std::string local(reinterpret_cast<const char*>(n->name));
    if (local == "event") {
      std::istringstream roles(AttrOf(n, "by"));
      std::string role;
      std::vector<std::string>& by = out.event_by[AttrOf(n, "name")];
      while (roles >> role) by.push_back(role);
      out.event_data[AttrOf(n, "name")] = ReadEventData(n);
    } else if (local == "start") {
      out.start_declared = true;
      out.start_data = ReadEventData(n);
    } else if (local == "field") {
      out.field_team[AttrOf(n, "name")] = AttrOf(n, "team") == "true";
    }
  }
  if (root) ReadDeadlineRules(root, out.deadline_due);
  xmlFreeDoc(doc);
  return out;
}

}  // namespace

const EventInfo* WorkflowInfo::FindEvent(const std::string& name) const {
  for (const EventInfo& e : events) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

const FieldInfo* WorkflowInfo::TeamField() const {
  for (const FieldInfo& f : fields) {
    if (f.team) return &f;
  }
  return nullptr;
}

const StageInfo* WorkflowInfo::FindStage(const std::string& stage_id) const {
  for (const StageInfo& s : stages) {
    if (s.id == stage_id) return &s;
  }
  return nullptr;
}

std::vector<std::string> WorkflowInfo::PersonalRoots() const {
  std::vector<std::string> out;
  for (const FieldInfo& f : fields) {
    if (!f.personal) continue;
    std::string root = f.name.substr(0, f.name.find('.'));
    if (std::find(out.begin(), out.end(), root) == out.end()) out.push_back(root);
  }
  return out;
}

Result<std::shared_ptr<const WorkflowInfo>> DescribeWorkflow(const std::string& path) {
  Result<std::shared_ptr<const model::Chart>> loaded = model::LoadChart(path);
  if (!loaded.ok()) return loaded.status();
  const model::Chart& chart = **loaded;
  const PeopleAttrs people = ReadPeopleAttrs(path);
  auto info = std::make_shared<WorkflowInfo>();
  info->id = chart.name;
  info->version = chart.version;
  info->title = chart.title;
  for (const model::KoopParam& p : chart.params) {
    info->params.push_back(
        ParamInfo{p.name, model::ValueTypeName(p.type), p.title, p.default_value.value_or("")});
  }
  for (const model::KoopField& f : chart.fields) {
    auto team = people.field_team.find(f.name);
    info->fields.push_back(FieldInfo{f.name, model::ValueTypeName(f.type), f.title, f.required,
                                     f.personal, team != people.field_team.end() && team->second});
  }
  for (const model::KoopEventTitle& e : chart.event_titles) {
    auto by = people.event_by.find(e.name);
    auto data = people.event_data.find(e.name);
    info->events.push_back(EventInfo{
        e.name, e.title, by == people.event_by.end() ? std::vector<std::string>{} : by->second,
        data == people.event_data.end() ? std::vector<EventDataInfo>{} : data->second});
  }
  info->deadline_rules = people.deadline_due;
  info->startable = people.start_declared;
  info->start_data = people.start_data;
  for (const model::State& s : chart.states) {
    if (s.index == 0 || !s.IsAtomic() || s.generated_id) continue;
    StageInfo stage{s.id, s.title, {}};
    for (const EventInfo& e : info->events) {
      bool takes = false;
      for (int st = s.index; st >= 0 && !takes; st = chart.states[st].parent) {
        for (int t : chart.states[st].transitions) {
          for (const std::string& d : chart.transitions[t].events) {
            if (DescriptorMatches(d, e.name)) takes = true;
          }
        }
      }
      if (takes) stage.events.push_back(e.name);
    }
    info->stages.push_back(std::move(stage));
  }
  return std::shared_ptr<const WorkflowInfo>(std::move(info));
}

}  // namespace koop
