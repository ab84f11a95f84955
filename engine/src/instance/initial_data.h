// Initial data of a new instance (`koop start --data F.json`): which keys a workflow accepts and
// the values Interpreter::Start seeds its top-level <data> with (docs/storage.md, "Initial data").
#pragma once

#include <map>
#include <string>

#include "koop/status.h"
#include "model/chart.h"

namespace koop::exec {

// Checks `data_json` (a JSON object) against `chart` and returns its values by key (id -> JSON).
// Every key must be the id of a top-level <data>; a value at a declared <k:field> path must have
// the field's type (null is always allowed). Every problem is reported at once, one per line, each
// starting with "data: " (kDataError; the runner names the --data file instead).
Result<std::map<std::string, std::string>> SeedValues(const model::Chart& chart,
                                                      const std::string& data_json);

// Checks that every <k:field required="true"> has a value (present, not null) in the data model
// a new instance has after its first macrostep (`data_model_json`); all missing ones are named at
// once (kDataError), so `koop start` writes nothing.
// After an event: every declared field that holds a value holds one of its declared type ("field
// 'rodzina' must be an object (JSON object)", one line each; the value is never quoted: fields may
// be personal). 65.
Status CheckFieldTypes(const model::Chart& chart, const std::string& data_model_json);

Status CheckRequiredFields(const model::Chart& chart, const std::string& data_model_json);

}  // namespace koop::exec
