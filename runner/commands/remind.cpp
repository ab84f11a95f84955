// `koop remind` — send the reminders that are due, once
#include "command.h"

namespace koop::runner {
namespace {

int Run(Invocation& inv) { return NotImplemented(inv, "remind"); }

}  // namespace

extern const CommandSpec kRemindCommand = {"remind", "[--now T] [--dry-run]", "send the reminders that are due, once", nullptr, Run, 0, -1};

}  // namespace koop::runner
