// `koop start WORKFLOW --municipality ID [--data F.json] [--at T]` — start a new instance of a
// workflow for a municipality and print its id. WORKFLOW is a file or an id looked up in
// --workflows DIR; ID a municipality id looked up in --municipalities DIR (docs/storage.md).
// --from INSTANCE continues a finished instance (<k:start from as>, docs/workflow-language.md).
#include <Poco/Util/Option.h>

#include <ostream>

#include "engine_options.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) {
  if (!inv.Has("municipality")) {
    return inv.Fail(Status::Usage("start: --municipality ID is required"));
  }
  Result<TimeMs> at = inv.Now();
  if (!at.ok()) return inv.Fail(at.status());
  Result<std::string> data = ReadDataOption(inv);
  if (!data.ok()) return inv.Fail(data.status());
  Result<std::unique_ptr<Database>> db = OpenDatabase(inv, /*create_if_missing=*/true);
  if (!db.ok()) return inv.Fail(db.status());
  Engine& engine = (*db)->instances();
  StartRequest request{inv.positional[0], inv.Get("municipality"), *data, *at};
  request.from_instance = inv.Get("from");
  Result<StepOutcome> started = engine.Start(request);
  if (!started.ok()) return inv.Fail(WithDataFile(inv, started.status()));
  for (const std::string& error : started->errors)
    *inv.err << "koop: error.execution: " << error << '\n';
  *inv.out << started->instance_id << '\n';
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("municipality", "m", "municipality id or file").argument("ID"));
  options.addOption(
      Poco::Util::Option("data", "", "initial data (a JSON object)").argument("F.json"));
  options.addOption(Poco::Util::Option("from", "",
                                       "continue a finished instance (<k:start from>: the "
                                       "partnership's operation from its founding)")
                        .argument("INSTANCE"));
  options.addOption(
      Poco::Util::Option("actor", "", "who is recorded as the author (default: the OS user)")
          .argument("NAME"));
  options.addOption(Poco::Util::Option("workflows", "",
                                       "folder of workflow definitions "
                                       "(default: config workflows.dir or workflows)")
                        .argument("DIR"));
  options.addOption(Poco::Util::Option("municipalities", "",
                                       "folder of municipality files "
                                       "(default: config municipalities.dir or samples)")
                        .argument("DIR"));
}

}  // namespace

extern const CommandSpec kStartCommand = {"start",
                                          "WORKFLOW --municipality ID [--data F.json] [--from "
                                          "INSTANCE] [--at T]",
                                          "start a new instance; prints its id",
                                          Define,
                                          Run,
                                          1,
                                          1};

}  // namespace koop::runner
