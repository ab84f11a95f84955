// Helpers shared by the instance commands (init, start, fire, show): opening the engine from the
// invocation's --db, configuration and look-up folders, and reading --data files.
#pragma once

#include <memory>
#include <string>

#include "command.h"
#include "koop/engine.h"

namespace koop::runner {

// --workflows DIR / config workflows.dir (default "workflows"), --municipalities DIR / config
// municipalities.dir (default "samples"); the actor is --actor, default the OS user (OsUser()).
EngineOptions InstanceEngineOptions(const Invocation& inv, bool create_if_missing);
std::string OsUser();
Result<std::unique_ptr<Engine>> OpenInstanceEngine(const Invocation& inv, bool create_if_missing);

// The text of --data FILE ("{}" without the option); kNoInput when it cannot be read.
Result<std::string> ReadDataOption(const Invocation& inv);

}  // namespace koop::runner
