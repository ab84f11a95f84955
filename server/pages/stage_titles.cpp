#include "server/pages/stage_titles.h"

namespace koop::server::pages {

std::string StageTitle(const WorkflowCatalog& catalog, const std::string& workflow_id,
                       const std::string& state_id) {
  const WorkflowInfo* w = catalog.Find(workflow_id);
  const StageInfo* s = w ? w->FindStage(state_id) : nullptr;
  return s && !s->title.empty() ? s->title : state_id;
}

std::string StagesLabel(const WorkflowCatalog& catalog, const std::string& workflow_id,
                        const std::vector<std::string>& states) {
  const WorkflowInfo* w = catalog.Find(workflow_id);
  std::string out;
  for (const std::string& id : states) {
    const StageInfo* s = w ? w->FindStage(id) : nullptr;
    if (w && !s) continue;  // a compound state: its atomic children are listed too
    if (!out.empty()) out += "; ";
    out += s && !s->title.empty() ? s->title : id;
  }
  return out;
}

std::string EventTitle(const WorkflowCatalog& catalog, const std::string& workflow_id,
                       const std::string& event) {
  const WorkflowInfo* w = catalog.Find(workflow_id);
  const EventInfo* e = w ? w->FindEvent(event) : nullptr;
  return e && !e->title.empty() ? e->title : event;
}

std::string WorkflowTitle(const WorkflowCatalog& catalog, const std::string& workflow_id) {
  const WorkflowInfo* w = catalog.Find(workflow_id);
  return w && !w->title.empty() ? w->title : workflow_id;
}

}  // namespace koop::server::pages
