// Why a deadline falls where it does, in Polish, for the people who act on it: the start, the
// counting rule (KPA art. 57 or working days of the office) and every day the count or the end
// moved past, with its reason (Saturday, Sunday, the holiday by name, the office's closure day).
// The arithmetic is the same as KpaDeadline/LatestDateBefore (kpa_deadline.cpp); a test checks
// that both give the same date.
#include <array>

#include "koop/calendar_explain.h"
#include "time/holiday_rules.h"

namespace koop {
namespace {

const std::array<const char*, 7> kWeekdays = {"poniedziałek", "wtorek", "środa",    "czwartek",
                                              "piątek",       "sobota", "niedziela"};
const std::array<const char*, 12> kMonths = {"stycznia", "lutego",       "marca",     "kwietnia",
                                             "maja",     "czerwca",      "lipca",     "sierpnia",
                                             "września", "października", "listopada", "grudnia"};

std::string Polish(const Date& d) {
  return std::string(kWeekdays[d.Weekday() - 1]) + ", " + std::to_string(d.day) + " " +
         kMonths[d.month - 1] + " " + std::to_string(d.year) + " r.";
}

// Why `d` is not a day the count (or the end) may fall on.
std::string Reason(const Calendar& c, const Date& d) {
  std::string name = c.HolidayName(d);
  if (!name.empty()) return name + " (dzień ustawowo wolny od pracy)";
  if (d.Weekday() == 7) return "dzień ustawowo wolny od pracy";
  if (d.Weekday() == 6) return "sobota, dzień wolny od pracy";
  auto it = c.closure_days().find(d);
  if (it != c.closure_days().end()) {
    return "ośrodek nieczynny" + (it->second.empty() ? std::string() : " – " + it->second);
  }
  return "ośrodek nie pracuje w ten dzień tygodnia";
}

std::string DaysWord(int n, const char* one, const char* few, const char* many) {
  int t = n % 100, u = n % 10;
  const char* w = n == 1 ? one : (u >= 2 && u <= 4 && (t < 12 || t > 14)) ? few : many;
  return std::to_string(n) + " " + w;
}

std::string Rule(const Duration& d, bool before) {
  if (d.IsWorkingDays()) {
    return DaysWord(d.working_days, "dzień roboczy", "dni robocze", "dni roboczych") + " ośrodka" +
           std::string(before ? " wcześniej" : "") +
           " (pomija się soboty, niedziele, święta i dni, w które ośrodek jest nieczynny)";
  }
  std::string out;
  auto add = [&](int n, const char* one, const char* few, const char* many) {
    if (n == 0) return;
    if (!out.empty()) out += " i ";
    out += DaysWord(n, one, few, many);
  };
  add(d.years, "rok", "lata", "lat");
  add(d.months, "miesiąc", "miesiące", "miesięcy");
  add(d.weeks, "tydzień", "tygodnie", "tygodni");
  add(d.days, "dzień", "dni", "dni");
  return out.empty() ? "0 dni" : out;
}

}  // namespace

std::string PolishDayName(const Date& date) { return Polish(date); }

std::string PolishDurationWords(const Duration& duration) {
  if (duration.IsWorkingDays())
    return DaysWord(duration.working_days, "dzień roboczy", "dni robocze", "dni roboczych");
  return Rule(duration, false);
}

std::string DayOffReason(const Calendar& calendar, const Date& date) {
  return calendar.IsWorkingDay(date) ? "" : Reason(calendar, date);
}

Result<DeadlineExplanation> ExplainDeadline(const Calendar& calendar, const Date& start,
                                            const Duration& duration, bool before) {
  Result<Date> end =
      before ? LatestDateBefore(calendar, start, duration) : KpaDeadline(calendar, start, duration);
  if (!end.ok()) return end.status();
  DeadlineExplanation out;
  out.end = *end;
  auto& lines = out.lines;
  if (!before) {
    lines.push_back("Początek: " + Polish(start) +
                    "; tego dnia nie wlicza się, termin biegnie od dnia następnego (KPA art. 57 "
                    "§ 1).");
  } else {
    lines.push_back("Liczone wstecz od: " + Polish(start) + "; tego dnia nie wlicza się.");
  }
  std::string rule = Rule(duration, before);
  Date d = start;
  if (duration.IsWorkingDays()) {
    lines.push_back(std::string("Reguła: ") + (before ? "co najmniej " : "") + rule + ".");
    int step = before ? -1 : 1;
    for (int left = duration.working_days, idle = 0; left > 0 && idle < 400;) {
      d = d.AddDays(step);
      if (calendar.IsWorkingDay(d)) {
        --left;
        idle = 0;
      } else {
        ++idle;
        lines.push_back("Pominięto: " + Polish(d) + " – " + Reason(calendar, d) + ".");
      }
    }
  } else if (!before) {
    const char* article = duration.TotalMonths() > 0 ? "§ 3" : duration.weeks > 0 ? "§ 2" : "§ 1";
    d = start.AddMonths(duration.TotalMonths()).AddDays(duration.weeks * 7 + duration.days);
    lines.push_back("Reguła: " + rule + " (KPA art. 57 " + article +
                    "); ostatni dzień: " + Polish(d));
    bool moved = false;
    for (; calendar.IsKpaNonWorking(d); d = d.AddDays(1), moved = true) {
      lines.push_back("Przesunięto poza: " + Polish(d) + " – " + Reason(calendar, d) + ".");
    }
    if (moved) {
      lines.push_back(
          "Koniec przypada na następny dzień, który nie jest sobotą ani dniem "
          "ustawowo wolnym od pracy (KPA art. 57 § 4).");
    }
  } else {
    d = start.AddMonths(-duration.TotalMonths()).AddDays(-(duration.weeks * 7 + duration.days));
    lines.push_back("Reguła: co najmniej " + rule + " wcześniej; najpóźniej: " + Polish(d));
    bool moved = false;
    for (int idle = 0; !calendar.IsWorkingDay(d) && idle < 400; ++idle, moved = true) {
      lines.push_back("Cofnięto poza: " + Polish(d) + " – " + Reason(calendar, d) + ".");
      d = d.AddDays(-1);
    }
    if (moved) lines.push_back("Termin przypada na poprzedni dzień roboczy ośrodka.");
  }
  lines.push_back("Termin: " + Polish(out.end));
  return out;
}

std::string PolishHolidaySource(const Date& date) {
  static const Calendar::Rules rules =
      ParseHolidayRules(EmbeddedPolishHolidayRules(), "holidays_pl.inc").value();
  Date easter = EasterSunday(date.year);
  for (const HolidayRule& rule : rules.rules) {
    if (date.year < rule.from_year || date.year > rule.to_year) continue;
    Date d = rule.easter_based ? easter.AddDays(rule.easter_offset)
                               : Date{date.year, rule.month, rule.day};
    if (d == date) return rule.source;
  }
  return "";
}

}  // namespace koop
