// Scenario files (docs/scenarios.md): a readable script that names a workflow and a municipality,
// starts instances and fires events at simulated dates, runs the reminder scheduler at a date,
// and states what must hold afterwards (stages, fields, deadlines, reminders sent, raised events,
// exact error messages). A scenario runs through the public Engine and ReminderService on a fresh
// database of its own: a SQLite file in a temporary folder, or a fresh schema in a PostgreSQL
// database. `koop scenario` runs them as tests; `koop demo` runs the sample scenarios and prints
// their transcript.
//
//   koop::ScenarioOptions options;
//   auto report = koop::RunScenario("tests/scenario/remind/christmas.test", options);
//   if (report.ok() && report->failures.empty()) { ... }
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "koop/status.h"

namespace koop {

struct ScenarioOptions {
  // "" runs on a new SQLite file in a temporary folder; a postgresql:// URI runs on a new schema
  // in that database (created and dropped by the run).
  std::string postgres_uri;
  // When set (and postgres_uri is not), the SQLite file to run on instead of a temporary one; it
  // is kept afterwards (the demo's database). Several scenarios may share it.
  std::string sqlite_path;
  // Defaults for a scenario that does not name its own folders (its `workflows`,
  // `municipalities`, `templates` lines are relative to the scenario file).
  std::string workflows_dir = "workflows";
  std::string municipalities_dir = "samples";
  std::string templates_dir = "doc-templates";
  // Where `pack` writes documents (DIR/<scenario name>/<pack>/); "" = a temporary folder removed
  // after the run.
  std::string out_dir;
  // The folder of a real SMTP server on loopback (tests/cli/smtp_server.py: DIR/port, DIR/cert.pem,
  // messages DIR/NNNNNN.eml) for scenarios with an `smtp` line; user "koop", password from the
  // environment variable KOOP_SMTP_PASSWORD. "" = such scenarios fail with a clear error.
  std::string smtp_dir;
  // When set, every command and its output are printed here as they run (the demo).
  std::ostream* transcript = nullptr;
};

struct ScenarioReport {
  std::string file;
  std::string title;
  int commands = 0;   // commands run
  int checks = 0;     // expected outputs compared (each `----` block, each `personal` text check)
  int events = 0;     // events fired
  int documents = 0;  // documents written by `pack`
  int reminders = 0;  // reminders sent by `remind`
  std::vector<std::string> failures;  // "file:line: what differed", in file order
  // A `smtp` line ran without ScenarioOptions::smtp_dir (its failure says so; a command line adds
  // how to give the folder).
  bool needs_smtp = false;
};

// Runs one scenario file. A file that cannot be read is kNoInput; a malformed file is kDataError
// naming file:line:col; a database that cannot be created is kIoError. Expectations that do not
// hold are not errors: they are listed in the report's failures.
Result<ScenarioReport> RunScenario(const std::string& path, const ScenarioOptions& options);

}  // namespace koop
