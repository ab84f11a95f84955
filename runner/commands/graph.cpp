// `koop graph WORKFLOW.xml -o OUT.svg|OUT.dot` — a diagram of a workflow's states and transitions
// with their Polish titles. The DOT text is ours; SVG comes from Graphviz's `dot` program. The
// output is written to a temporary file and renamed (FileEnv), so nothing half-written is left
// behind and only a regular file is ever replaced.
// Exit codes: 0 ok, 64 usage, 65 invalid workflow, 66 missing file, 70 `dot` failed, 74 I/O.
#include <Poco/Process.h>
#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"
#include "koop/file_env.h"
#include "koop/statechart.h"

namespace koop::runner {
namespace {

void DefineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("output", "o", "output file (.svg or .dot)")
                        .required(true)
                        .argument("FILE"));
}

int Run(Invocation& inv) {
  std::string out = inv.Get("output");
  bool svg = out.size() > 4 && out.substr(out.size() - 4) == ".svg";
  bool dot = out.size() > 4 && out.substr(out.size() - 4) == ".dot";
  if (!svg && !dot) return inv.Fail(Status::Usage("-o must name a .svg or .dot file"));
  auto chart = Statechart::Load(inv.positional[0]);
  if (!chart.ok()) return inv.Fail(chart.status());
  std::string text = (*chart)->ToDot();
  FileEnv& env = DefaultFileEnv();
  Status replaceable = env.CheckReplaceable(out);
  if (!replaceable.ok()) return inv.Fail(replaceable);
  if (dot) {
    Status s = env.WriteFileAtomically(out, text);
    if (!s.ok()) return inv.Fail(s);
  } else {
    // dot writes into a private folder beside OUT; the SVG is then moved into place.
    auto work = env.MakeTempDir(ParentDir(out), ".koop-graph-");
    if (!work.ok()) return inv.Fail(work.status());
    TempDirGuard guard(env, *work);
    std::string dot_file = *work + "/graph.dot";
    std::string svg_file = *work + "/graph.svg";
    Status s = env.WriteFileAtomically(dot_file, text);
    if (!s.ok()) return inv.Fail(s);
    int rc = -1;
    try {
      Poco::Process::Args args{"-Tsvg", "-o" + svg_file, dot_file};
      rc = Poco::Process::launch("dot", args).wait();
    } catch (const std::exception& e) {
      return inv.Fail(Status::Internal(std::string("cannot run Graphviz 'dot': ") + e.what()));
    }
    if (rc != 0) {
      return inv.Fail(Status::Internal("Graphviz 'dot' failed (exit " + std::to_string(rc) + ")"));
    }
    s = env.MoveIntoPlace(svg_file, out);
    if (!s.ok()) return inv.Fail(s);
  }
  *inv.out << out << "\n";
  return 0;
}

}  // namespace

extern const CommandSpec kGraphCommand = {
    "graph", "WORKFLOW.xml -o OUT.svg|OUT.dot", "diagram of a workflow", DefineOptions, Run, 1, 1};

}  // namespace koop::runner
