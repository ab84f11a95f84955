// `koop scxml test FILE.scxml...` — runs W3C-style test charts on a simulated clock; a chart
// passes iff it ends in the top-level final state `pass` (DESIGN.md §9). When no event is
// waiting the clock jumps to the next delayed send, so timers take no real time. With several
// files each runs in its own JavaScript heap and gets a line "FILE: pass" or "FILE: fail: why"
// (this saves a process start per test in the conformance runner). Exit codes: 0 all passed,
// 1 a chart failed, 65 invalid chart (single file), 66 missing file (single file).
#include <Poco/Util/Option.h>

#include <chrono>
#include <ostream>

#include "command.h"
#include "koop/statechart.h"

namespace koop::runner {
namespace {

constexpr TimeMs kMaxSimulatedMs = 3600 * 1000;  // an hour of simulated time is "stuck"

void DefineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("verbose", "v", "print <log> output and errors"));
  options.addOption(
      Poco::Util::Option("time-limit", "", "seconds of real time per chart").argument("SECONDS"));
}

// Runs one chart; returns "" on pass, else the reason. A load error is returned as a Status.
Result<std::string> RunOne(const std::string& file, bool verbose, double limit_s,
                           std::ostream& out) {
  auto started = std::chrono::steady_clock::now();
  auto chart = Statechart::Load(file, /*check_unreachable=*/false);
  if (!chart.ok()) return chart.status();
  RunOptions options;
  options.own_heap = true;
  auto run = StatechartRun::Create(*chart, options);
  if (!run.ok()) return run.status();
  auto print = [&](const StepReport& r) {
    if (!verbose) return;
    for (const auto& l : r.log) out << "log: " << l << "\n";
    for (const auto& e : r.errors) out << "error: " << e << "\n";
  };
  auto step = (*run)->Start(0);
  if (!step.ok()) return "error: " + step.status().message();
  print(*step);
  while (!(*run)->Finished()) {
    auto next = (*run)->NextDueTime();
    if (!next || *next > kMaxSimulatedMs) break;
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - started;
    if (spent.count() > limit_s) return std::string("time limit exceeded");
    step = (*run)->AdvanceTo(*next);
    if (!step.ok()) return "error: " + step.status().message();
    print(*step);
  }
  if ((*run)->Finished() && (*run)->FinalStateId() == "pass") return std::string();
  std::string states;
  for (const auto& s : (*run)->ActiveStates()) states += (states.empty() ? "" : " ") + s;
  return (*run)->Finished() ? "ended in '" + (*run)->FinalStateId() + "'"
                            : "stuck in [" + states + "]";
}

int Run(Invocation& inv) {
  bool verbose = inv.Has("verbose");
  double limit = 60;
  if (inv.Has("time-limit")) {
    try {
      limit = std::stod(inv.Get("time-limit"));
    } catch (const std::exception&) {
      return inv.Fail(Status::Usage("--time-limit needs a number of seconds"));
    }
  }
  if (inv.positional.size() == 1) {
    auto r = RunOne(inv.positional[0], verbose, limit, *inv.out);
    if (!r.ok()) return inv.Fail(r.status());
    *inv.out << (r->empty() ? "pass" : "fail: " + *r) << "\n";
    return r->empty() ? 0 : 1;
  }
  int failed = 0;
  for (const auto& file : inv.positional) {
    auto r = RunOne(file, verbose, limit, *inv.out);
    std::string line = !r.ok()      ? "fail: " + r.status().message().substr(0, 200)
                       : r->empty() ? std::string("pass")
                                    : "fail: " + *r;
    for (auto& c : line) {
      if (c == '\n') c = ' ';
    }
    *inv.out << file << ": " << line << std::endl;
    failed += line != "pass";
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace

extern const CommandSpec kScxmlTestCommand = {
    "scxml test",
    "FILE.scxml...",
    "run W3C-style test charts; exit 0 if each ends in pass",
    DefineOptions,
    Run,
    1,
    -1};

}  // namespace koop::runner
