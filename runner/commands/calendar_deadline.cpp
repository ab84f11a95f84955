// `koop calendar deadline` — deadline under KPA art. 57
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "calendar deadline"); }

}  // namespace

extern const CommandSpec kCalendarDeadlineCommand = {"calendar deadline", "DATE DURATION", "deadline under KPA art. 57", nullptr, Run, 0, -1};

}  // namespace koop::runner
