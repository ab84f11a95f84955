// The declared fields of an instance as text lines for the case page ("Dane sprawy"): objects as
// "klucz: wartość", lists item by item. Only what the access policy left in the document is
// shown; `null` and empty values are skipped.
#pragma once

#include <string>
#include <vector>

#include "koop/workflow_info.h"
#include "server/pages/page_view.h"

namespace koop::server::pages {

// `data_json`: the instance's data as the account may see it.
Data CaseFields(const WorkflowInfo& workflow, const std::string& data_json);

// The "data" object of a `koop show --json` document ("{}" when it has none).
std::string DocumentData(const std::string& document);

// The Polish warnings the workflow keeps in its `ostrzezenia` list (empty when none).
std::vector<std::string> CaseWarnings(const std::string& data_json);

}  // namespace koop::server::pages
