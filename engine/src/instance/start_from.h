// Starting an instance from another one (<k:start from as>): the partnership's operation starts
// from its finished founding, whose data (the agreement, its signatories) the new instance takes
// as one top-level value. What the new workflow does with it is its own business (rules).
#pragma once

#include <string>

#include "instance/instance_definitions.h"
#include "koop/status.h"
#include "model/chart.h"
#include "store/transaction.h"

namespace koop::exec {

// The data model of instance `from_id` as a JSON object without its fields declared personal,
// for `chart`'s start_as. kUsage when `chart` declares no <k:start from>; kNoInput when there is
// no such instance; kDataError when it is another workflow's, another municipality's, or has not
// finished.
Result<std::string> StartFromData(store::Transaction& tx, InstanceDefinitions& definitions,
                                  const model::Chart& chart, const std::string& workflow_id,
                                  const std::string& municipality_id, const std::string& from_id);

// The id of the instance that continues `from_id` as workflow `workflow_id`
// ("pzk-founding-3f…" → "pzk-operation-3f…"): one per source and workflow, so a second start
// from the same instance (by hand after the automatic one, or twice) finds it and is refused.
std::string SuccessorId(const std::string& workflow_id, const std::string& from_id);

// `data_json` (a JSON object) with `as` set to the JSON value `value_json`: what the start event
// records, so that replaying the log seeds the instance as the start did.
Result<std::string> WithStartValue(const std::string& data_json, const std::string& as,
                                   const std::string& value_json);

}  // namespace koop::exec
