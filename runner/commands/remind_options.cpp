#include "remind_options.h"

#include <Poco/Logger.h>

#include "koop/log_context.h"
#include "resource_dirs.h"

namespace koop::runner {

ReminderOptions ReminderOptionsFrom(const Invocation& inv) {
  ReminderOptions o;
  o.log = inv.out;
  if (inv.config) {
    for (const char* prefix : {"smtp", "reminders"}) {
      Poco::Util::AbstractConfiguration::Keys keys;
      inv.config->keys(prefix, keys);
      for (const std::string& k : keys) {
        std::string key = std::string(prefix) + "." + k;
        o.settings[key] = inv.config->getString(key, "");
      }
    }
  }
  if (inv.Has("templates")) o.settings["reminders.templates"] = inv.Get("templates");
  return o;
}

std::string DescribeTick(const ReminderTickReport& r) {
  return "reminders: planned " + std::to_string(r.deadlines_planned) + ", queued " +
         std::to_string(r.messages_queued) + " messages and " + std::to_string(r.events_queued) +
         " events, sent " + std::to_string(r.sent) + ", events raised " +
         std::to_string(r.events_raised) + ", failed " + std::to_string(r.failed) + ", dropped " +
         std::to_string(r.dropped) +
         // The outbox's hand-over counts, shown only when something happened (docs/reminders.md).
         (r.skipped ? ", skipped " + std::to_string(r.skipped) + " taken by another worker" : "") +
         (r.taken_over
              ? ", took over " + std::to_string(r.taken_over) + " left sending by a stopped worker"
              : "") +
         (r.lease_lost ? ", lost the lease of " + std::to_string(r.lease_lost) + " while sending"
                       : "");
}

void LogTickNotes(const char* source, const ReminderTickReport& r) {
  Poco::Logger& log = Poco::Logger::get(source);
  for (const ReminderNote& note : r.notes) {
    ScopedLogContext context(note.message_id);
    log.warning(note.what);
  }
}

}  // namespace koop::runner
