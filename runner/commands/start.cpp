// `koop start` — start a new instance; prints its id
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "start"); }

}  // namespace

extern const CommandSpec kStartCommand = {"start", "WORKFLOW --municipality ID [--data F.json] [--at T]", "start a new instance; prints its id", nullptr, Run, 0, -1};

}  // namespace koop::runner
