// `koop scxml test FILE.scxml` — runs a W3C-style test chart on a simulated clock and exits 0
// iff it ends in the top-level final state `pass` (DESIGN.md §9). When no event is waiting the
// clock jumps to the next delayed send, so timers of seconds take no real time. Exit codes:
// 0 pass, 1 fail (ended elsewhere or stuck), 65 invalid chart, 66 missing file.
#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"
#include "koop/statechart.h"

namespace koop::runner {
namespace {

constexpr TimeMs kMaxSimulatedMs = 3600 * 1000;  // an hour of simulated time is "stuck"

void DefineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("verbose", "v", "print <log> output and errors"));
}

int Run(Invocation& inv) {
  const std::string& file = inv.positional.at(0);
  auto chart = Statechart::Load(file, /*check_unreachable=*/false);
  if (!chart.ok()) return inv.Fail(chart.status());
  auto run = StatechartRun::Create(*chart);
  if (!run.ok()) return inv.Fail(run.status());
  bool verbose = inv.Has("verbose");
  auto print = [&](const StepReport& r) {
    if (!verbose) return;
    for (const auto& l : r.log) *inv.out << "log: " << l << "\n";
    for (const auto& e : r.errors) *inv.out << "error: " << e << "\n";
  };
  auto step = (*run)->Start(0);
  if (!step.ok()) return inv.Fail(step.status());
  print(*step);
  while (!(*run)->Finished()) {
    auto next = (*run)->NextDueTime();
    if (!next || *next > kMaxSimulatedMs) break;
    step = (*run)->AdvanceTo(*next);
    if (!step.ok()) return inv.Fail(step.status());
    print(*step);
  }
  std::string final_id = (*run)->FinalStateId();
  if ((*run)->Finished() && final_id == "pass") {
    *inv.out << "pass\n";
    return 0;
  }
  std::string states;
  for (const auto& s : (*run)->ActiveStates()) states += (states.empty() ? "" : " ") + s;
  *inv.out << "fail: " << ((*run)->Finished() ? "ended in '" + final_id + "'"
                                               : "stuck in [" + states + "]")
           << "\n";
  return 1;
}

}  // namespace

extern const CommandSpec kScxmlTestCommand = {
    "scxml test", "FILE.scxml", "run a W3C-style test chart; exit 0 if it ends in pass",
    DefineOptions, Run, 1, 1};

}  // namespace koop::runner
