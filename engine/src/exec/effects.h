// Effects: what a macrostep produced besides the new configuration, for the durable layer to
// persist and the time engine to schedule. The interpreter appends them as koop executable
// content runs and as states with <k:recurring> are entered or exited; Interpreter::TakeEffects()
// hands them over and clears the list.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "model/koop_plan.h"

namespace koop::exec {

struct Effect {
  enum class Kind {
    kDeadlineCreated,       // <k:deadline> ran; `deadline` set
    kDeadlineCancelled,     // <k:cancel-deadline id>
    kSatisfied,             // <k:satisfy id> (a deadline or recurring obligation was met)
    kRecurringActivated,    // a state holding <k:recurring> was entered; `recurring` set
    kRecurringDeactivated,  // ... and exited
    kRecurringSatisfied,    // an event matched a recurring obligation's satisfied-by
    kLog,                   // <log>: label + text
    kError,                 // error.execution raised: text says what and where
    kRefused,               // <k:refuse>: text holds the reason; the event must not be applied
  };
  Kind kind = Kind::kLog;
  std::string id;     // deadline / obligation id
  std::string state;  // id of the state whose content or entry produced it
  const model::KoopDeadline* deadline = nullptr;    // points into the Chart (keep it alive)
  const model::KoopRecurring* recurring = nullptr;  // points into the Chart
  std::string label;                                // log label
  std::string text;                                 // log text, error message
  std::string event;                     // name of the event being processed ("" at start)
  std::string event_data_json = "null";  // its data (for anchors like event(x))
  TimeMs at = 0;                         // time of the macrostep
};

const char* EffectKindName(Effect::Kind kind);

}  // namespace koop::exec
