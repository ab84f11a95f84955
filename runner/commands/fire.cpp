// `koop fire` — apply an event to an instance
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "fire"); }

}  // namespace

extern const CommandSpec kFireCommand = {"fire", "INSTANCE EVENT [--data F.json] [--at T]", "apply an event to an instance", nullptr, Run, 0, -1};

}  // namespace koop::runner
