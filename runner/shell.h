// The `koop` shell: a Poco::Util::Application that takes the global options (--db, --config,
// --help, --version, --verbose) before the command name, loads the configuration file, sets up
// logging, then finds the subcommand, parses its own options and runs it.
#pragma once

#include <Poco/Util/Application.h>

#include <string>
#include <vector>

#include "command.h"

namespace koop::runner {

class Shell : public Poco::Util::Application {
 public:
  // `rest` are the arguments from the command name on; main() splits them off argv because
  // Poco's option processing would otherwise reject the commands' own options.
  explicit Shell(std::vector<std::string> rest);

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  void initialize(Poco::Util::Application& self) override;
  int main(const std::vector<std::string>& args) override;

 private:
  void PrintUsage(std::ostream& out) const;
  void PrintCommandHelp(const CommandSpec& spec, std::ostream& out) const;
  // Lists the commands of a group ("calendar"); false when GROUP is no group.
  bool PrintGroup(const std::string& group, std::ostream& out) const;
  int RunCommand(const CommandSpec& spec, const std::vector<std::string>& args);

  std::vector<std::string> rest_;
  std::string db_uri_;
  std::string config_path_;
  bool help_ = false;
  bool version_ = false;
  bool verbose_ = false;
};

// True if `arg` is a global option; `takes_value` tells whether the next argument is its value.
bool IsGlobalOption(const std::string& arg, bool* takes_value);

}  // namespace koop::runner
