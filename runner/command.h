// The runner's command abstraction. Each `koop` subcommand is a CommandSpec defined in its own file
// under runner/commands/ and listed once in command_table.cpp. The shell (main.cpp) parses global
// options, finds the command, parses the command's own options with Poco's OptionProcessor, and
// hands it an Invocation. A command returns an exit code from DESIGN.md §9 (koop::Code values).
#pragma once

#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/OptionSet.h>

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop::runner {

struct Invocation {
  std::vector<std::string> positional;                  // arguments that are not options
  std::multimap<std::string, std::string> options;      // full option name -> value ("" for flags)
  std::string db_uri;                                   // --db, else config db.uri, else koop.db
  Poco::Util::AbstractConfiguration* config = nullptr;  // koop.properties / --config
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;

  bool Has(const std::string& name) const { return options.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
  // "Now" for this command: --at or --now when given (see koop::ParseInstant), else the system
  // clock. A malformed value is a usage error.
  Result<TimeMs> Now() const;
  // Prints "koop: <message>" to err and returns the status's exit code.
  int Fail(const Status& status) const;
};

struct CommandSpec {
  const char* name;      // "render", or two words for grouped commands: "calendar holidays"
  const char* synopsis;  // arguments after the name, e.g. "TEMPLATE.docx DATA.json -o OUT.docx"
  const char* summary;   // one line for `koop --help`
  // Adds the command's own options (the global ones are added by the shell). May be null.
  void (*define_options)(Poco::Util::OptionSet& options);
  int (*run)(Invocation& inv);
  int min_positional;  // usage error (64) when fewer positional arguments are given
  int max_positional;  // -1 = no limit
};

// All commands in the order of DESIGN.md §9.
const std::vector<const CommandSpec*>& CommandTable();

// For commands not built yet: prints that the command is not implemented and returns 70.
int NotImplemented(Invocation& inv, const char* name);

}  // namespace koop::runner
