#include "notify/reminder.h"

namespace koop::notify {

const char* ReminderKindName(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kBefore:
      return "reminder";
    case ReminderKind::kDue:
      return "due";
    case ReminderKind::kOverdue:
      return "overdue";
    case ReminderKind::kEscalation:
      return "escalation";
  }
  return "reminder";
}

bool ParseReminderKind(const std::string& name, ReminderKind* kind) {
  for (ReminderKind k : {ReminderKind::kBefore, ReminderKind::kDue, ReminderKind::kOverdue,
                         ReminderKind::kEscalation}) {
    if (name == ReminderKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace koop::notify
