// Recording a macrostep's effects in the event's transaction: <k:deadline> becomes a deadline row
// (due date computed on the municipality's calendar under KPA art. 57), <k:cancel-deadline> and
// <k:satisfy> close rows, and recurring obligations keep one open row for their current period.
// Reminders and escalations are derived from these rows by the time engine.
#pragma once

#include <string>
#include <vector>

#include "exec/effects.h"
#include "koop/calendar.h"
#include "koop/calendar_explain.h"
#include "model/chart.h"
#include "store/deadline_table.h"
#include "store/transaction.h"

namespace koop::exec {

struct EffectContext {
  std::string instance_id;
  const Calendar* calendar = nullptr;  // the municipality's calendar
  std::string params_json = "{}";      // bound parameters (JSON object)
  std::string data_json = "{}";        // the data model after the macrostep
  TimeMs at = 0;                       // the event's time
  // What people read instead of ids (migration 9): the chart gives the states' Polish titles;
  // `unnumbered` names an instance whose data has no sprawa.numer (its workflow's title and its
  // municipality's name).
  const model::Chart* chart = nullptr;
  std::string unnumbered;
};

// The case's own number (sprawa.numer of the data model), else `context.unnumbered`.
// kDataError naming the instance when its data is unreadable JSON.
Result<std::string> CaseLabel(const EffectContext& context);
// Fills the row's case number and stage title (from its owner_state) before it is written.
Status Describe(const EffectContext& context, store::DeadlineRow& row);

// Writes the rows for `effects`. A due date that cannot be computed (a field that is not a date,
// an unknown parameter) is a kDataError naming the deadline and its place in the definition.
Status RecordEffects(store::Transaction& tx, const EffectContext& context,
                     const std::vector<Effect>& effects, const std::string& definition_file);

// The period of a recurring obligation: its literal `every`, or the bound value of the parameter
// it names (a duration, or a count of days/weeks/months). kDataError when the value is missing or
// malformed.
Result<Duration> ResolveEvery(const model::KoopRecurring& recurring, const EffectContext& context);

// The due date of a deadline and why it falls there, in Polish (stored with the row).
Result<DeadlineExplanation> ExplainDue(const model::KoopDeadline& deadline, const Effect& effect,
                                       const EffectContext& context);

// The due date of a deadline (exposed for tests).
Result<Date> ResolveDue(const model::KoopDeadline& deadline, const Effect& effect,
                        const EffectContext& context);

}  // namespace koop::exec
