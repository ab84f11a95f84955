#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

constexpr const char* kMonthsNominative[] = {"styczeń",  "luty",        "marzec",   "kwiecień",
                                             "maj",      "czerwiec",    "lipiec",   "sierpień",
                                             "wrzesień", "październik", "listopad", "grudzień"};
constexpr const char* kMonthsGenitive[] = {"stycznia", "lutego",       "marca",     "kwietnia",
                                           "maja",     "czerwca",      "lipca",     "sierpnia",
                                           "września", "października", "listopada", "grudnia"};
constexpr const char* kWeekdays[] = {"poniedziałek", "wtorek", "środa",    "czwartek",
                                     "piątek",       "sobota", "niedziela"};

// Polish plural: 1 → one, 2–4 (not 12–14) → few, otherwise many.
std::string Plural(int n, const char* one, const char* few, const char* many) {
  int tens = n % 100, units = n % 10;
  const char* word = n == 1                                                   ? one
                     : (units >= 2 && units <= 4 && (tens < 12 || tens > 14)) ? few
                                                                              : many;
  return std::to_string(n) + " " + word;
}

}  // namespace

std::string RoleLabel(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "administrator";
    case Role::kCoordinator:
      return "koordynator";
    case Role::kMember:
      return "członek zespołu";
    case Role::kRops:
      return "ROPS";
    case Role::kAuditor:
      return "audytor";
  }
  return "";
}

std::string MonthName(int month) {
  return month >= 1 && month <= 12 ? kMonthsNominative[month - 1] : "";
}

std::string WeekdayName(int iso_weekday) {
  return iso_weekday >= 1 && iso_weekday <= 7 ? kWeekdays[iso_weekday - 1] : "";
}

std::string DateLabel(const Date& date) {
  return std::to_string(date.day) + " " + kMonthsGenitive[date.month - 1] + " " +
         std::to_string(date.year) + " r.";
}

std::string DateLabel(const std::string& iso_date) {
  Result<Date> date = Date::Parse(iso_date);
  return date.ok() ? DateLabel(*date) : iso_date;
}

std::string LocalTimeLabel(TimeMs utc) {
  WarsawTime local = ToWarsawTime(utc);
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  std::string clock = two(local.minute_of_day / 60) + ":" + two(local.minute_of_day % 60);
  return std::to_string(local.date.day) + " " + kMonthsGenitive[local.date.month - 1] + " " +
         std::to_string(local.date.year) + ", " + clock;
}

std::string DeadlineStateLabel(const std::string& state) {
  if (state == "open") return "do zrobienia";
  if (state == "satisfied") return "wykonany";
  if (state == "cancelled") return "anulowany";
  return state;
}

std::string PeriodLabel(const std::string& iso) {
  Result<Duration> d = Duration::Parse(iso);
  if (!d.ok()) return iso;
  if (d->IsWorkingDays())
    return Plural(d->working_days, "dzień roboczy", "dni robocze", "dni roboczych");
  if (d->HasTime()) return iso;
  int parts = (d->years > 0) + (d->months > 0) + (d->weeks > 0) + (d->days > 0);
  if (parts != 1) return iso;
  if (d->years) return Plural(d->years, "rok", "lata", "lat");
  if (d->months) return Plural(d->months, "miesiąc", "miesiące", "miesięcy");
  if (d->weeks) return Plural(d->weeks, "tydzień", "tygodnie", "tygodni");
  return Plural(d->days, "dzień", "dni", "dni");
}

std::string ParamAllowed(const std::string& type) {
  if (type == "string") return "tekst";
  if (type == "int") return "liczba całkowita";
  if (type == "number") return "liczba";
  if (type == "bool") return "true (tak) albo false (nie)";
  if (type == "date") return "data RRRR-MM-DD";
  if (type == "duration") return "okres ISO 8601, np. P7D, P3M";
  if (type == "days") return "liczba dni kalendarzowych";
  if (type == "working-days") return "liczba dni roboczych";
  if (type == "list") return "lista";
  return type;
}

}  // namespace koop::server::pages
