// A scenario file split into records (docs/scenarios.md). A record is a command (one line; a line
// ending in `with` continues with its JSON on the following lines up to a blank line or `----`),
// optionally followed by a line of dashes `----` (with an optional mode word) and the expected
// output up to the next blank line. Lines starting with '#' outside an expected block are
// comments.
#pragma once

#include <string>
#include <vector>

#include "koop/status.h"

namespace koop::scenario {

enum class Match {
  kNone,      // no expected block: the output is not compared (a failure still fails)
  kExact,     // `----`: the output lines equal the expected lines
  kContains,  // `---- contains`: every expected line is one of the output lines
};

struct Record {
  int line = 0;                    // the command's first line (1-based)
  std::string text;                // the command, continuation lines joined with '\n'
  std::vector<std::string> words;  // the first line split on blanks
  Match match = Match::kNone;
  std::vector<std::string> expected;
};

struct ScenarioFile {
  std::string path;
  std::vector<Record> records;
};

// Splits `text` into records; `path` names the file in errors ("file:line:col: ...").
Result<ScenarioFile> ParseScenario(const std::string& text, const std::string& path);

// Reads and parses a file: kNoInput when missing, kIoError when unreadable.
Result<ScenarioFile> ReadScenario(const std::string& path);

}  // namespace koop::scenario
