// `koop scenario FILE...` — runs scenario files (docs/scenarios.md) as tests: each on a fresh
// SQLite database, or with --postgres URI on a fresh schema of that PostgreSQL database. Prints
// "ok FILE" or "FAIL FILE" with every difference; exit 0 when all hold, 1 when an expectation
// failed, the error's code (64, 65, 66, 74) when a file cannot be run.
#include "koop/scenario.h"

#include <Poco/Util/Option.h>

#include <cstdlib>
#include <ostream>

#include "command.h"
#include "resource_dirs.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  ScenarioOptions o;
  o.postgres_uri = inv.Get("postgres");
  // Scenarios that name their own folders need none of these: fall back to the bare names.
  o.workflows_dir = DirOrDefault(inv, Resource::kWorkflows);
  o.municipalities_dir = DirOrDefault(inv, Resource::kMunicipalities);
  o.templates_dir = DirOrDefault(inv, Resource::kTemplates);
  o.out_dir = inv.Get("output");
  // tests/scenario/with_smtp.sh names its server's folder in the environment.
  const char* smtp_env = std::getenv("KOOP_SCENARIO_SMTP");
  o.smtp_dir = inv.Get("smtp", smtp_env != nullptr ? smtp_env : "");
  if (inv.Has("transcript")) o.transcript = inv.out;
  const std::string backend = o.postgres_uri.empty() ? "SQLite" : "PostgreSQL";
  int failed = 0;
  int error_code = 0;
  for (const auto& file : inv.positional) {
    Result<ScenarioReport> report = RunScenario(file, o);
    if (!report.ok()) {
      inv.Fail(report.status());
      if (error_code == 0) error_code = report.status().exit_code();
      continue;
    }
    if (report->failures.empty()) {
      *inv.out << "ok " << file << " on " << backend << " (" << report->commands << " commands, "
               << report->checks << " checks)\n";
      continue;
    }
    ++failed;
    *inv.out << "FAIL " << file << " on " << backend << "\n";
    for (const auto& f : report->failures) *inv.out << f << "\n";
    if (report->needs_smtp) {
      *inv.out << file
               << ": give the SMTP server's folder with --smtp DIR (or KOOP_SCENARIO_SMTP)\n";
    }
  }
  if (error_code != 0) return error_code;
  return failed > 0 ? 1 : 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("postgres", "", "run on a fresh schema in this database").argument("URI"));
  options.addOption(
      Poco::Util::Option("workflows", "", "workflows folder (default workflows)").argument("DIR"));
  options.addOption(
      Poco::Util::Option("municipalities", "", "municipalities folder (default samples)")
          .argument("DIR"));
  options.addOption(Poco::Util::Option("templates", "", "templates folder (default doc-templates)")
                        .argument("DIR"));
  options.addOption(
      Poco::Util::Option("output", "o", "keep the documents of `pack` in DIR").argument("DIR"));
  options.addOption(
      Poco::Util::Option("smtp", "", "folder of a loopback SMTP server (tests/cli/smtp_server.py)")
          .argument("DIR"));
  options.addOption(
      Poco::Util::Option("transcript", "t", "print every command and its output as it runs"));
}

}  // namespace

extern const CommandSpec kScenarioCommand = {
    "scenario", "FILE... [--postgres URI]", "run scenario files as tests", Define, Run, 1, -1};

}  // namespace koop::runner
