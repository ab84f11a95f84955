// `koop fire INSTANCE EVENT [--data F.json] [--at T]` — apply one event to an instance, in one
// transaction. An event no transition takes is recorded and ignored (SCXML); fire then prints a
// notice on stderr and still exits 0 (docs/storage.md).
#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"

namespace koop::runner {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

int Run(Invocation& inv) {
  Result<TimeMs> at = inv.Now();
  if (!at.ok()) return inv.Fail(at.status());
  Result<std::string> data = ReadDataOption(inv);
  if (!data.ok()) return inv.Fail(data.status());
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/false);
  if (!db.ok()) return inv.Fail(db.status());
  Engine& engine = (*db)->instances();
  Result<StepOutcome> fired =
      engine.Fire(FireRequest{inv.positional[0], inv.positional[1], *data, *at});
  if (!fired.ok()) return inv.Fail(WithDataFile(inv, fired.status()));
  for (const std::string& error : fired->errors) {
    *inv.err << "koop: error.execution: " << error << '\n';
  }
  if (!fired->handled) {
    *inv.err << "koop: notice: event '" << inv.positional[1] << "' is not handled in "
             << Join(fired->states) << "; recorded as #" << fired->seq << " and ignored\n";
  }
  *inv.out << fired->instance_id << " #" << fired->seq << " " << inv.positional[1] << ": "
           << (fired->handled ? "handled" : "ignored") << "; now in " << Join(fired->states)
           << (fired->finished ? " (finished)" : "") << '\n';
  if (!fired->successor_id.empty()) {
    *inv.out << fired->instance_id << " continued by " << fired->successor_id << '\n';
  }
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("data", "", "event data (a JSON object)").argument("F.json"));
  options.addOption(
      Poco::Util::Option("actor", "", "who is recorded as the author (default: the OS user)")
          .argument("NAME"));
}

}  // namespace

extern const CommandSpec kFireCommand = {"fire",
                                         "INSTANCE EVENT [--data F.json] [--at T]",
                                         "apply an event to an instance",
                                         Define,
                                         Run,
                                         2,
                                         2};

}  // namespace koop::runner
