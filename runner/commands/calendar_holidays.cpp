// `koop calendar holidays` — Polish statutory days off of a year
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "calendar holidays"); }

}  // namespace

extern const CommandSpec kCalendarHolidaysCommand = {"calendar holidays", "YEAR", "Polish statutory days off of a year", nullptr, Run, 0, -1};

}  // namespace koop::runner
