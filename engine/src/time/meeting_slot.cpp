#include "time/meeting_slot.h"

#include <cstdio>

namespace koop {
namespace {

std::string Clock(int minute) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%d:%02d", minute / 60, minute % 60);
  return buf;
}

}  // namespace

std::vector<MeetingWarning> CheckMeetingSlot(const Calendar& calendar, const Date& date,
                                             int start_minute, int length_minutes,
                                             MeetingKind kind) {
  std::vector<MeetingWarning> out;
  int end_minute = start_minute + length_minutes;
  int weekday = date.Weekday();
  std::string holiday = calendar.HolidayName(date);
  if (!holiday.empty()) {
    out.push_back({"day-off", "Termin przypada w dzień wolny od pracy (" + holiday + ")."});
  } else if (weekday >= 6) {
    out.push_back(
        {"day-off", weekday == 6 ? "Termin przypada w sobotę." : "Termin przypada w niedzielę."});
  } else if (calendar.IsClosureDay(date)) {
    out.push_back({"closure-day",
                   "Urząd jest tego dnia nieczynny (" + calendar.closure_days().at(date) + ")."});
  }
  if (weekday == 1 || weekday == 5) {
    out.push_back({"monday-friday", "Podręcznik zaleca spotkania od wtorku do czwartku, nie w " +
                                        std::string(weekday == 1 ? "poniedziałek." : "piątek.")});
  }
  OfficeHours hours = calendar.GetOfficeHours(weekday);
  if (weekday <= 5 &&
      (!hours.IsOpen() || start_minute < hours.open_minute || end_minute > hours.close_minute)) {
    out.push_back({"outside-office-hours", hours.IsOpen()
                                               ? "Spotkanie wykracza poza godziny pracy urzędu (" +
                                                     Clock(hours.open_minute) + "–" +
                                                     Clock(hours.close_minute) + ")."
                                               : "Urząd nie pracuje w tym dniu tygodnia."});
  }
  // "Around noon": the meeting should overlap 11:00–13:00.
  if (end_minute <= 11 * 60 || start_minute >= 13 * 60) {
    out.push_back({"not-around-noon", "Podręcznik zaleca spotkania w okolicach południa."});
  }
  int limit = kind == MeetingKind::kPartnership      ? 120
              : kind == MeetingKind::kLocalAuthority ? 45
                                                     : 0;
  if (limit > 0 && length_minutes > limit) {
    out.push_back({"too-long", "Spotkanie trwa " + std::to_string(length_minutes) +
                                   " min, a zalecane jest najwyżej " + std::to_string(limit) +
                                   " min."});
  }
  return out;
}

}  // namespace koop
