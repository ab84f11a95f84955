// `koop verify` — replays every instance's event log from its stored definition and compares the
// result with the stored state (what `koop show --verify` does for one): after a restore or an
// upgrade. Prints a line per instance that differs and a summary; exit 65 when any differs.
#include <ostream>

#include "engine_options.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  Engine& engine = (*db)->instances();
  Result<std::vector<InstanceSummary>> all = engine.List();
  if (!all.ok()) return inv.Fail(all.status());
  int failed = 0;
  for (const InstanceSummary& s : *all) {
    Result<std::string> replayed = engine.Replay(s.instance_id);
    if (!replayed.ok()) {
      ++failed;
      *inv.err << "koop: " << s.instance_id << ": " << replayed.status().message() << '\n';
    }
  }
  *inv.out << "verified " << all->size() << " instance" << (all->size() == 1 ? "" : "s") << ": "
           << all->size() - failed << " ok, " << failed << " differ\n";
  return failed == 0 ? 0 : static_cast<int>(Code::kDataError);
}

}  // namespace

extern const CommandSpec kVerifyCommand = {
    "verify", "", "replay every instance's event log and check its stored state", nullptr, Run,
    0,        0};

}  // namespace koop::runner
