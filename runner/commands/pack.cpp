// `koop pack` — render a stage's document pack
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "pack"); }

}  // namespace

extern const CommandSpec kPackCommand = {"pack", "INSTANCE PACK -o DIR", "render a stage's document pack", nullptr, Run, 0, -1};

}  // namespace koop::runner
