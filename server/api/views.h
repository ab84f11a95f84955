// JSON views the API answers with (the shapes are in docs/api/openapi.yaml).
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "koop/directory.h"
#include "koop/engine.h"
#include "koop/workflow_info.h"
#include "server/workflow_catalog.h"

namespace koop::server {

std::string Stringify(const Poco::JSON::Object& object);
// One instance of a list: id, case, workflow, municipality, status, stages (atomic, with Polish
// titles), next deadline, overdue.
Poco::JSON::Object::Ptr ListingJson(const InstanceListing& listing, const WorkflowCatalog& catalog);
// {"KEY": [deadline, ...], "next": CURSOR or null}: written straight into one string (the task
// list's hot path: no object tree per row).
std::string DeadlinesJson(const std::string& key, const std::vector<DeadlineListing>& deadlines,
                          const std::string& next);
// Appends `text` as a JSON string literal (quotes, backslashes and control characters escaped).
void AppendJsonString(std::string& out, const std::string& text);
// What a start or fire did: instance, seq, states, finished.
std::string OutcomeJson(const StepOutcome& outcome);
// "Etap „Diagnoza” nie przyjmuje zdarzenia „Podpisano kartę planu pracy”." (Polish, for people).
std::string RefusalReason(const InstanceListing& listing, const WorkflowInfo& workflow,
                          const std::string& event_title);

}  // namespace koop::server
