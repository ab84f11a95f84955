// One scenario command's line taken apart: the leading words, an optional `at DATE [HH:MM]`, flag
// words after it, and an optional `with JSON` running to the end of the record.
#pragma once

#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"
#include "scenario/scenario_file.h"

namespace koop::scenario {

struct Command {
  std::string where;              // "file:line" of the record
  std::string name;               // first word: start, fire, remind, ...
  std::string rest;               // the first line after the name, as written
  std::vector<std::string> args;  // words before `at`/`with`
  bool has_at = false;
  TimeMs at = 0;
  std::string at_text;             // "2026-12-10 09:00"
  std::vector<std::string> flags;  // words after the time, before `with`
  bool has_with = false;
  std::string json;  // text after `with`
};

// `where` is "file:line" of the record; errors add ":col: message".
Result<Command> ParseCommand(const Record& record, const std::string& where);

}  // namespace koop::scenario
