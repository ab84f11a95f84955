// Helpers shared by the commands on the database (init, start, fire, show, pack, deadlines,
// remind, daemon): opening it from the invocation's --db, configuration and look-up folders, and
// reading --data files.
#pragma once

#include <memory>
#include <string>

#include "command.h"
#include "koop/database.h"

namespace koop::runner {

// --workflows DIR / config workflows.dir (default "workflows"), --municipalities DIR / config
// municipalities.dir (default "samples"); the actor is --actor, default the OS user (OsUser()).
DatabaseOptions DatabaseOptionsFrom(const Invocation& inv, bool create_if_missing);
std::string OsUser();
Result<std::unique_ptr<Database>> OpenDatabase(const Invocation& inv, bool create_if_missing);

// The text of --data FILE ("{}" without the option); kNoInput when it cannot be read.
Result<std::string> ReadDataOption(const Invocation& inv);

// The engine names the instance data "data" in its messages ("data: field 'x' must be ...");
// with --data FILE each such line names FILE instead.
Status WithDataFile(const Invocation& inv, const Status& status);

}  // namespace koop::runner
