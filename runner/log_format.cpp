#include "log_format.h"

#include <Poco/DateTimeFormatter.h>
#include <Poco/Message.h>

#include <algorithm>

#include "koop/log_context.h"

namespace koop::runner {
namespace {

const char* PriorityName(Poco::Message::Priority p) {
  static const char* const kNames[] = {"",       "fatal",       "critical", "error", "warning",
                                       "notice", "information", "debug",    "trace"};
  int i = static_cast<int>(p);
  return i >= 1 && i <= 8 ? kNames[i] : "";
}

}  // namespace

void LogFormatter::format(const Poco::Message& msg, std::string& text) {
  text.clear();
  if (journal_) {
    // Poco's priorities 1..8 line up with syslog's alert..debug; trace is logged as debug.
    text += '<';
    text += std::to_string(std::min(static_cast<int>(msg.getPriority()), 7));
    text += '>';
  } else {
    text += Poco::DateTimeFormatter::format(msg.getTime(), "%Y-%m-%dT%H:%M:%SZ ");
    text += PriorityName(msg.getPriority());
    text += ' ';
  }
  text += msg.getSource();
  text += ": ";
  if (const std::string& id = CurrentLogContext(); !id.empty()) {
    text += '[';
    text += id;
    text += "] ";
  }
  text += msg.getText();
}

}  // namespace koop::runner
