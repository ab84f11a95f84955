// `koop deadlines` — open deadlines across instances
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "deadlines"); }

}  // namespace

extern const CommandSpec kDeadlinesCommand = {"deadlines", "[--until DATE] [--json|--ics]", "open deadlines across instances", nullptr, Run, 0, -1};

}  // namespace koop::runner
