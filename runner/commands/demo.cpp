// `koop demo [-o DIR]` — the sample municipalities end to end (what `make demo` runs): a fresh
// SQLite database in DIR, the scripts of samples/scripts/ run at their simulated dates, document
// packs rendered into DIR, deadlines and reminders printed.
#include "koop/demo.h"

#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  DemoOptions o;
  o.out_dir = inv.Get("output", o.out_dir);
  o.samples_dir = inv.Get("samples", o.samples_dir);
  o.workflows_dir = inv.Get("workflows", o.workflows_dir);
  o.templates_dir = inv.Get("templates", o.templates_dir);
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
