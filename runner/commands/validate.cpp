// `koop validate FILE...` — checks workflow definitions (SCXML + koop), municipality files (root
// element <municipality>, checked against the workflows they pick, found in --workflows DIR as
// for `koop start`) and rule files (.js), and prints every problem as "file:line:col: message".
// Prints "FILE: ok" for each valid file.
// Exit codes: 0 all valid, 65 some file invalid, 66 a file is missing.
#include <Poco/Util/Option.h>

#include <ostream>

#include "command.h"
#include "koop/municipality.h"
#include "koop/statechart.h"
#include "resource_dirs.h"

namespace koop::runner {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Status ValidateFile(const Invocation& inv, const std::string& file) {
  if (EndsWith(file, ".js")) return ValidateRuleFile(file);
  if (IsMunicipalityFile(file)) {
    return ValidateMunicipalityFile(file, DirOrDefault(inv, Resource::kWorkflows));
  }
  return Statechart::Validate(file);
}

int Run(Invocation& inv) {
  int code = 0;
  for (const auto& file : inv.positional) {
    Status st = ValidateFile(inv, file);
    if (st.ok()) {
      *inv.out << file << ": ok\n";
      continue;
    }
    *inv.err << st.message() << "\n";
    if (code == 0 || st.code() == Code::kNoInput) code = st.exit_code();
  }
  return code;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(Poco::Util::Option("workflows", "",
                                       "folder of the workflows municipality files pick "
                                       "(default: config workflows.dir or workflows)")
                        .argument("DIR"));
}

}  // namespace

extern const CommandSpec kValidateCommand = {"validate",
                                             "FILE... [--workflows DIR]",
                                             "check workflow, municipality and rule files",
                                             Define,
                                             Run,
                                             1,
                                             -1};

}  // namespace koop::runner
