// The demo (`koop demo`, `make demo`): on a fresh SQLite database, runs the sample event scripts
// (samples/scripts/*.json) through the workflows at their simulated dates — a partnership founded
// in a rural municipality, a case in the Sieradz variant — renders the document packs the scripts
// ask for, and prints what happened: stages, the deadlines open at chosen moments and the
// reminders that would go out then (case number, task and date only, never personal data).
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
  int deadlines_open = 0;
  int reminders = 0;
};

// Runs every script; stops at the first failure (its message names the script and step).
Result<DemoSummary> RunDemo(const DemoOptions& options, std::ostream& out);

}  // namespace koop
