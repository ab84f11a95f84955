// The demo (`koop demo`, `make demo`): on a fresh SQLite database, runs the sample scenarios
// (samples/demo/*.scenario, docs/scenarios.md) through the workflows at their simulated dates — a
// partnership founded in a rural municipality, a case in the Sieradz variant — renders the
// document packs they ask for, and prints every command with what it did: stages, deadlines, the
// reminders the scheduler sends (case number, task and date only, never personal data).
#pragma once

#include <iosfwd>
#include <string>

#include "koop/status.h"

namespace koop {

struct DemoOptions {
  std::string out_dir = "demo-out";  // documents, manifests and demo.db go here (db recreated)
  std::string samples_dir = "samples";
  std::string workflows_dir = "workflows";
  std::string templates_dir = "doc-templates";
};

struct DemoSummary {
  int scripts = 0;
  int events = 0;
  int documents = 0;
  int reminders = 0;
};

// Runs every scenario in file-name order; stops at the first that fails (a failed expectation is
// kDataError naming file:line and the difference).
Result<DemoSummary> RunDemo(const DemoOptions& options, std::ostream& out);

}  // namespace koop
