// The list of `koop` subcommands, in the order of DESIGN.md §9. Each spec lives in its own file.
#include "command.h"

namespace koop::runner {

extern const CommandSpec kRenderCommand;
extern const CommandSpec kTagsCommand;
extern const CommandSpec kValidateCommand;
extern const CommandSpec kGraphCommand;
extern const CommandSpec kCalendarHolidaysCommand;
extern const CommandSpec kCalendarDeadlineCommand;
extern const CommandSpec kInitCommand;
extern const CommandSpec kStartCommand;
extern const CommandSpec kFireCommand;
extern const CommandSpec kShowCommand;
extern const CommandSpec kDeadlinesCommand;
extern const CommandSpec kRemindCommand;
extern const CommandSpec kDaemonCommand;
extern const CommandSpec kPackCommand;
extern const CommandSpec kBackupCommand;
extern const CommandSpec kRestoreCommand;
extern const CommandSpec kVerifyCommand;
extern const CommandSpec kListCommand;
extern const CommandSpec kServeCommand;
extern const CommandSpec kUserAddCommand;
extern const CommandSpec kUserPasswdCommand;
extern const CommandSpec kUserDisableCommand;
extern const CommandSpec kUserListCommand;
extern const CommandSpec kAuditCommand;
extern const CommandSpec kDemoCommand;
extern const CommandSpec kScenarioCommand;
extern const CommandSpec kScxmlTestCommand;
extern const CommandSpec kScxmlTraceCommand;

const std::vector<const CommandSpec*>& CommandTable() {
  static const std::vector<const CommandSpec*> table = {
      &kRenderCommand,
      &kTagsCommand,
      &kValidateCommand,
      &kGraphCommand,
      &kCalendarHolidaysCommand,
      &kCalendarDeadlineCommand,
      &kInitCommand,
      &kStartCommand,
      &kFireCommand,
      &kShowCommand,
      &kDeadlinesCommand,
      &kRemindCommand,
      &kDaemonCommand,
      &kPackCommand,
      &kBackupCommand,
      &kRestoreCommand,
      &kVerifyCommand,
      &kListCommand,
      &kServeCommand,
      &kUserAddCommand,
      &kUserPasswdCommand,
      &kUserDisableCommand,
      &kUserListCommand,
      &kAuditCommand,
      &kDemoCommand,
      &kScenarioCommand,
      &kScxmlTestCommand,
      &kScxmlTraceCommand,
  };
  return table;
}

}  // namespace koop::runner
