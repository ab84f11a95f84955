// `koop demo [-o DIR]` — the sample municipalities end to end (what `make demo` runs): a fresh
// SQLite database in DIR, the scenarios of samples/demo/ run at their simulated dates with their
// transcript printed, document packs rendered into DIR.
#include "koop/demo.h"

#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"
#include "resource_dirs.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  DemoOptions o;
  o.out_dir = inv.Get("output", o.out_dir);
  for (auto [dir, what] : {std::pair{&o.workflows_dir, Resource::kWorkflows},
                           std::pair{&o.samples_dir, Resource::kSamples},
                           std::pair{&o.templates_dir, Resource::kTemplates}}) {
    Result<std::string> found = LocateDir(inv, what);
    if (!found.ok()) return inv.Fail(found.status());
    *dir = *found;
  }
  auto sum = RunDemo(o, *inv.out);
  if (!sum.ok()) return inv.Fail(sum.status());
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("output", "o", "output folder (default demo-out)").argument("DIR"));
  options.addOption(
      Poco::Util::Option("samples", "", "samples folder (default samples)").argument("DIR"));
  options.addOption(
      Poco::Util::Option("workflows", "", "workflows folder (default workflows)").argument("DIR"));
  options.addOption(Poco::Util::Option("templates", "", "templates folder (default doc-templates)")
                        .argument("DIR"));
}

}  // namespace

extern const CommandSpec kDemoCommand = {
    "demo", "[-o DIR]", "run the sample municipality end to end", Define, Run, 0, 0};

}  // namespace koop::runner
