// An event script of the demo (samples/scripts/*.json, format in samples/README.md): a workflow
// started for a municipality at a simulated time, then steps that fire events (optionally
// rendering a pack afterwards) or report the deadlines and reminders at a moment.
#pragma once

#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop::demo {

struct ScriptStep {
  TimeMs at = 0;
  std::string at_text;
  std::string event;  // empty for a report step
  std::string data_json = "{}";
  std::string pack;     // pack to render after the event ("" = none)
  bool report = false;  // print deadlines and reminders at `at`
};

struct Script {
  std::string file;
  std::string title;
  std::string municipality;
  std::string workflow;
  TimeMs start_at = 0;
  std::string start_at_text;
  std::string start_data_json = "{}";
  std::vector<ScriptStep> steps;
};

// Reads and checks a script; errors name the file and the step.
Result<Script> LoadScript(const std::string& path);

}  // namespace koop::demo
