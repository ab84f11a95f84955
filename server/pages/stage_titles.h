// Polish titles of stages and events for the pages, from the served workflows' declarations
// (koop/workflow_info.h); the id itself when a workflow gives no title.
#pragma once

#include <string>
#include <vector>

#include "server/workflow_catalog.h"

namespace koop::server::pages {

std::string StageTitle(const WorkflowCatalog& catalog, const std::string& workflow_id,
                       const std::string& state_id);
// The atomic stages among `states` (a listing's configuration), titles joined by "; ".
std::string StagesLabel(const WorkflowCatalog& catalog, const std::string& workflow_id,
                        const std::vector<std::string>& states);
std::string EventTitle(const WorkflowCatalog& catalog, const std::string& workflow_id,
                       const std::string& event);
std::string WorkflowTitle(const WorkflowCatalog& catalog, const std::string& workflow_id);

}  // namespace koop::server::pages
