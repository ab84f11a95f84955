// What the scenario commands print about an instance (docs/scenarios.md): stages, deadlines,
// history, a field of the data model, and the deadline changes a step made. One line per item;
// times are local (Europe/Warsaw) "YYYY-MM-DD HH:MM".
#pragma once

#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/engine.h"
#include "koop/status.h"

namespace koop::scenario {

using Lines = std::vector<std::string>;

std::string LocalTime(TimeMs t);  // "2026-12-10 09:00"

Lines StageLines(const InstanceView& view);  // active stage ids, sorted
// "DUE  ID  STATE  TITLE", plus "  every P3M from 2027-01-04, period 1" for a series and
// "  escalation P7D to leader on 2027-04-12" when there is one. open_only: only open rows.
Lines DeadlineLines(const InstanceView& view, bool open_only);
// "YYYY-MM-DD HH:MM  EVENT  OUTCOME  by ACTOR", then "  ! message" per error.execution.
Lines HistoryLines(const InstanceView& view);
// "opened ID due DATE", "satisfied ID", "cancelled ID": rows new in `after` or whose state
// changed since `before`, in `after`'s order.
Lines DeadlineChanges(const InstanceView& before, const InstanceView& after);

// The value at PATH ("a.b[0].c", "a[-1]" for the last element) of the data model as compact JSON;
// kDataError when the path is malformed or names nothing (the message names the path).
Result<std::string> FieldJson(const std::string& data_json, const std::string& path);
// The number of elements of the array (or keys of the object) at PATH.
Result<std::string> FieldCount(const std::string& data_json, const std::string& path);

}  // namespace koop::scenario
