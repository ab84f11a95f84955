// `koop graph` — diagram of a workflow
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "graph"); }

}  // namespace

extern const CommandSpec kGraphCommand = {"graph", "WORKFLOW.xml -o OUT.svg|OUT.dot", "diagram of a workflow", nullptr, Run, 0, -1};

}  // namespace koop::runner
