// `koop scxml trace` — print the active atomic states after start and each event
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "scxml trace"); }

}  // namespace

extern const CommandSpec kScxmlTraceCommand = {"scxml trace", "FILE.scxml EVENTS.json", "print the active atomic states after start and each event", nullptr, Run, 0, -1};

}  // namespace koop::runner
