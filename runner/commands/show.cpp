// `koop show` — stage, fields, open deadlines and history of an instance
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "show"); }

}  // namespace

extern const CommandSpec kShowCommand = {"show", "INSTANCE [--json]", "stage, fields, open deadlines and history of an instance", nullptr, Run, 0, -1};

}  // namespace koop::runner
