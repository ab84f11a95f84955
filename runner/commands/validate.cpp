// `koop validate` — check workflow, municipality and rule files
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "validate"); }

}  // namespace

extern const CommandSpec kValidateCommand = {"validate", "FILE...", "check workflow, municipality and rule files", nullptr, Run, 0, -1};

}  // namespace koop::runner
