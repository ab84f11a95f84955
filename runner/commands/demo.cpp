// `koop demo` — placeholder until the model (issue 5) lands: says so and succeeds, so that
// `make demo` works from the first commit.
#include <ostream>

#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  *inv.out << "koop demo: the sample municipalities arrive with the model; nothing to run yet.\n";
  return 0;
}

}  // namespace

extern const CommandSpec kDemoCommand = {"demo", "[-o DIR]", "run the sample municipality end to end",
                                         nullptr, Run, 0, 0};

}  // namespace koop::runner
