// The state of one scenario run: its database, engine, the instances it started (by name), the
// folders and settings its header lines chose, and the report. Commands (scenario_steps.cpp) turn
// one record into output lines; the loop (scenario_run.cpp) compares them with the expected block.
#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "koop/database.h"
#include "koop/engine.h"
#include "koop/reminders.h"
#include "koop/scenario.h"
#include "scenario/scenario_command.h"
#include "scenario/scenario_db.h"
#include "scenario/scenario_views.h"

namespace koop::scenario {

class ScenarioRun {
 public:
  ScenarioRun(const ScenarioOptions& options, const std::string& path);
  ~ScenarioRun();

  Status Prepare();  // the fresh database
  // Runs one record's command: its output lines, or a failed Status (printed as "error N: ...").
  Result<Lines> Execute(const Record& record, const std::string& where);
  // Replaces instance ids by {name} and the run's folders by {workflows}/ etc.
  std::string Normalize(const std::string& line) const;
  // Commands whose output must never show a `personal` text.
  static bool IsPublicOutput(const std::string& command);
  const std::vector<std::string>& personal() const { return personal_; }

  ScenarioReport report;

 private:
  Result<Lines> Header(const Command& c, const std::string& where);
  Result<Lines> Start(const Command& c);
  Result<Lines> Fire(const Command& c);
  Result<Lines> Remind(const Command& c);
  Result<Lines> Query(const Command& c);
  Result<Lines> Listing(const Command& c);
  Result<Lines> Pack(const Command& c);
  Result<Lines> Smtp(const Command& c);
  Result<Lines> Mail(const Command& c);
  Result<Engine*> OpenEngine();
  Result<Database*> OpenDatabase();     // the one handle (opened on first use)
  Result<std::string> Current() const;  // the current instance's id
  Result<std::map<std::string, InstanceView>> ShowAll();

  ScenarioOptions options_;
  std::string path_;
  std::string base_dir_;  // the scenario file's folder (absolute)
  std::string workflow_, municipality_;
  std::map<std::string, std::string> settings_;
  std::vector<std::string> personal_;
  std::unique_ptr<FreshDatabase> db_;
  std::unique_ptr<Database> database_;
  std::vector<std::pair<std::string, std::string>> instances_;  // name, id; in start order
  std::string current_;                                         // name
  int mail_seen_ = 0;  // messages of the SMTP folder already shown by `mail`
};

}  // namespace koop::scenario
