// `koop daemon` — run the reminder scheduler as a service
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "daemon"); }

}  // namespace

extern const CommandSpec kDaemonCommand = {"daemon", "[--interval DURATION]", "run the reminder scheduler as a service", nullptr, Run, 0, -1};

}  // namespace koop::runner
