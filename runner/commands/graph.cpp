// `koop graph WORKFLOW.xml -o OUT.svg|OUT.dot` — a diagram of a workflow's states and transitions
// with their Polish titles. The DOT text is ours; SVG comes from Graphviz's `dot` program. The
// output is written to a temporary file and renamed, so nothing half-written is left behind.
// Exit codes: 0 ok, 64 usage, 65 invalid workflow, 66 missing file, 70 `dot` failed, 74 I/O.
#include <Poco/Process.h>
#include <Poco/Util/Option.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include "command.h"
#include "koop/statechart.h"

namespace koop::runner {
namespace {

void DefineOptions(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("output", "o", "output file (.svg or .dot)")
                        .required(true)
                        .argument("FILE"));
}

int Run(Invocation& inv) {
  namespace fs = std::filesystem;
  std::string out = inv.Get("output");
  bool svg = out.size() > 4 && out.substr(out.size() - 4) == ".svg";
  bool dot = out.size() > 4 && out.substr(out.size() - 4) == ".dot";
  if (!svg && !dot) return inv.Fail(Status::Usage("-o must name a .svg or .dot file"));
  auto chart = Statechart::Load(inv.positional[0]);
  if (!chart.ok()) return inv.Fail(chart.status());
  std::string text = (*chart)->ToDot();
  std::string tmp = out + ".tmp";
  std::string dot_file = svg ? out + ".dot.tmp" : tmp;
  {
    std::ofstream f(dot_file, std::ios::binary);
    f << text;
    if (!f) return inv.Fail(Status::IoError(dot_file + ": cannot write"));
  }
  if (svg) {
    int rc = -1;
    try {
      Poco::Process::Args args{"-Tsvg", "-o" + tmp, dot_file};
      rc = Poco::Process::launch("dot", args).wait();
    } catch (const std::exception& e) {
      std::remove(dot_file.c_str());
      return inv.Fail(Status::Internal(std::string("cannot run Graphviz 'dot': ") + e.what()));
    }
    std::remove(dot_file.c_str());
    if (rc != 0) {
      std::remove(tmp.c_str());
      return inv.Fail(Status::Internal("Graphviz 'dot' failed (exit " + std::to_string(rc) + ")"));
    }
  }
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) return inv.Fail(Status::IoError(out + ": " + ec.message()));
  *inv.out << out << "\n";
  return 0;
}

}  // namespace

extern const CommandSpec kGraphCommand = {
    "graph", "WORKFLOW.xml -o OUT.svg|OUT.dot", "diagram of a workflow", DefineOptions, Run, 1, 1};

}  // namespace koop::runner
