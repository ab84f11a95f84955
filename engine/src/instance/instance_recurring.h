// Recurring obligations as deadline rows. A <k:recurring> keeps one open row: the current period
// of its series (time/recurrence.h), whose period, anchor and count are stored on the row
// (migration 3), so the next period is computed from the row alone and month ends do not drift.
// Satisfying the open row (an event in `satisfied-by`, or <k:satisfy>) closes it and opens the
// next period in the same transaction; docs/calendar.md states how the satisfaction day and the
// anchor interact.
#pragma once

#include <string>

#include "instance/instance_effects.h"

namespace koop::exec {

// The state holding `r` was entered: a new series anchored on the entry day.
Status OpenSeries(store::Transaction& tx, const EffectContext& ctx, const Effect& effect,
                  const model::KoopRecurring& r, const std::string& definition_file);

// Closes the open occurrence of `deadline_id` as satisfied on the effect's day; when it belongs
// to a series, opens the series' next period. `r` (may be null) restarts a series whose open row
// predates migration 3 or is missing.
Status SatisfyOccurrence(store::Transaction& tx, const EffectContext& ctx, const Effect& effect,
                         const std::string& deadline_id, const model::KoopRecurring* r,
                         const std::string& definition_file);

}  // namespace koop::exec
