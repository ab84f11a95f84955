// `koop scxml test` — run a W3C-style test chart; exit 0 if it ends in pass
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "scxml test"); }

}  // namespace

extern const CommandSpec kScxmlTestCommand = {"scxml test", "FILE.scxml", "run a W3C-style test chart; exit 0 if it ends in pass", nullptr, Run, 0, -1};

}  // namespace koop::runner
