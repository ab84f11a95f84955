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

}  // namespace koop::exec
