#include "municipality/municipality.h"

namespace koop::municipality {

std::shared_ptr<Calendar> OfficeCalendar(const Municipality& m) {
  std::shared_ptr<Calendar> calendar = Calendar::Polish();
  if (m.has_office_hours) {
    for (int d = 0; d < 7; ++d) {
      calendar->SetOfficeHours(
          d + 1, OfficeHours{m.office_hours[d].open_minute, m.office_hours[d].close_minute});
    }
  }
  for (const auto& c : m.closures) {
    // The loader checked the dates; a copy stored by an older version is read as it is.
    Result<Date> date = Date::Parse(c.date);
    if (date.ok()) calendar->AddClosureDay(*date, c.reason);
  }
  return calendar;
}

}  // namespace koop::municipality
