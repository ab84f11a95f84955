// The reminder service and the deadline listing on a store kept open by koop::Database.
#pragma once

#include <memory>
#include <string>

#include "koop/engine.h"
#include "koop/reminders.h"
#include "store/store.h"

namespace koop::notify {

// The scheduler on `store`; deadline events are raised through `events` (an Engine on the same
// store recording "scheduler" as the actor). kUsage names a bad setting; kNoInput a missing
// templates folder. The service must not outlive `store`.
Result<std::unique_ptr<ReminderService>> OpenReminderService(store::Store& store,
                                                             std::unique_ptr<Engine> events,
                                                             const ReminderOptions& options);

// Open deadlines due on or before `until_date` ("" = all; kUsage when it is not a date).
Result<std::string> ListOpenDeadlines(store::Store& store, const std::string& until_date,
                                      DeadlineFormat format);

}  // namespace koop::notify
