// Options shared by the `koop calendar …` commands: the calendar a command counts with (the
// embedded Polish rules or --rules FILE, plus --closed DATE closure days).
#pragma once

#include <Poco/Util/OptionSet.h>

#include <memory>

#include "command.h"
#include "koop/calendar.h"

namespace koop::runner {

void DefineCalendarOptions(Poco::Util::OptionSet& options);
// Builds the calendar from --rules and --closed; a malformed value is a usage error (64), a bad
// rule file a data error (65).
Result<std::shared_ptr<Calendar>> CalendarFromOptions(const Invocation& inv);

}  // namespace koop::runner
