// `koop validate FILE...` — checks workflow definitions (SCXML + koop) and rule files (.js) and
// prints every problem as "file:line:col: message". Prints "FILE: ok" for each valid file.
// Exit codes: 0 all valid, 65 some file invalid, 66 a file is missing.
#include <ostream>

#include "command.h"
#include "koop/statechart.h"

namespace koop::runner {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int Run(Invocation& inv) {
  int code = 0;
  for (const auto& file : inv.positional) {
    Status st = EndsWith(file, ".js") ? ValidateRuleFile(file) : Statechart::Validate(file);
    if (st.ok()) {
      *inv.out << file << ": ok\n";
      continue;
    }
    *inv.err << st.message() << "\n";
    if (code == 0 || st.code() == Code::kNoInput) code = st.exit_code();
  }
  return code;
}

}  // namespace

extern const CommandSpec kValidateCommand = {
    "validate", "FILE...", "check workflow, municipality and rule files", nullptr, Run, 1, -1};

}  // namespace koop::runner
