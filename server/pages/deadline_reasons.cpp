#include "server/pages/deadline_reasons.h"

#include <optional>
#include <sstream>
#include <vector>

#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

std::string DayKind(const Calendar& calendar, const Date& date) {
  std::string holiday = calendar.HolidayName(date);
  if (!holiday.empty()) return "święto (" + holiday + ")";
  if (date.Weekday() == 6) return "sobota";
  if (date.Weekday() == 7) return "niedziela";
  if (calendar.IsClosureDay(date)) return "dzień, w którym ośrodek jest nieczynny";
  return "";
}

// The date a recurring obligation would be due before any shift to a working day.
std::optional<Date> Unshifted(const DeadlineView& d) {
  Result<Date> anchor = Date::Parse(d.recur_anchor);
  Result<Duration> period = Duration::Parse(d.recur_every);
  if (!anchor.ok() || !period.ok() || period->HasTime() || period->IsWorkingDays()) {
    return std::nullopt;
  }
  long long n = d.recur_count + 1;
  Date date = anchor->AddMonths(static_cast<int>(n * period->TotalMonths()));
  return date.AddDays(static_cast<int>(n * (period->weeks * 7 + period->days)));
}

}  // namespace

std::string RuleLabel(const std::string& rule, const std::map<std::string, std::string>& params) {
  std::istringstream in(rule);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    std::string next = i + 1 < words.size() ? words[i + 1] : "";
    std::string piece;
    if (w == "now") {
      piece = "dzień zdarzenia";
    } else if (w == "entry") {
      piece = "dzień wejścia na etap";
    } else if (w == "+") {
      piece = "plus";
    } else if (w == "-") {
      piece = "minus";
    } else if (w == "working" && next == "days") {
      piece = "dni roboczych ośrodka";
      ++i;
    } else if (w == "days") {
      piece = "dni kalendarzowych";
    } else if (w == "months") {
      piece = "miesięcy";
    } else if (w.rfind("param('", 0) == 0 && w.size() > 9 && w.substr(w.size() - 2) == "')") {
      std::string name = w.substr(7, w.size() - 9);
      auto value = params.find(name);
      piece = (value != params.end() ? value->second : "?") + " (parametr " + name + ")";
      // The unit follows the parameter: keep the parameter's note after it.
      if (next == "working" || next == "days" || next == "months") {
        std::string v = value != params.end() ? value->second : "?";
        std::string iso = next == "working" ? "P" + v + "WD"
                          : next == "days"  ? "P" + v + "D"
                                            : "P" + v + "M";
        std::string unit = PeriodLabel(iso);
        if (unit == iso) unit = v + " " + (next == "months" ? "mies." : "dni");
        if (next == "working") unit += " ośrodka";
        if (next == "days") unit += " kalendarzowych";
        piece = unit + " (parametr " + name + ")";
        i += next == "working" ? 2 : 1;
      }
    } else {
      piece = w;
    }
    out += (out.empty() ? "" : " ") + piece;
  }
  return out;
}

// Ends a sentence: a date label already ends with "r.".
static std::string Sentence(const std::string& text) {
  return !text.empty() && text.back() == '.' ? text : text + ".";
}

std::string DeadlineReason(const DeadlineView& d, const Calendar& calendar,
                           const std::string& stage_title, const std::string& rule,
                           const std::map<std::string, std::string>& params) {
  Result<Date> due = Date::Parse(d.due_date);
  if (!due.ok()) return "";
  std::string why;
  if (!d.recur_every.empty()) {
    why = Sentence("Obowiązek cykliczny: nie rzadziej niż co " + PeriodLabel(d.recur_every) +
                   ", licząc od " + DateLabel(d.recur_anchor));
    std::optional<Date> raw = Unshifted(d);
    if (raw && *raw != *due) {
      std::string kind = DayKind(calendar, *raw);
      why += " " + DateLabel(*raw) + (kind.empty() ? "" : " to " + kind) +
             ", więc termin przypada w najbliższym dniu roboczym (art. 57 § 4 KPA).";
    }
  } else {
    why = "Termin wyznaczony na etapie „" + stage_title + "”";
    if (!rule.empty()) {
      why += " według reguły: " + RuleLabel(rule, params);
      if (rule.find("working days") != std::string::npos) {
        why += " (soboty, niedziele, święta i dni zamknięcia ośrodka nie są liczone)";
      } else if (rule.find(" days") != std::string::npos) {
        why +=
            " (art. 57 KPA: koniec w sobotę lub dzień wolny przesuwa się na najbliższy dzień "
            "roboczy)";
      }
    }
    why += ".";
  }
  std::string kind = DayKind(calendar, *due);
  why += " " + DateLabel(*due) + " to " + WeekdayName(due->Weekday()) +
         (kind.empty() ? ", dzień roboczy ośrodka." : " – " + kind + ".");
  if (!d.escalation_date.empty()) {
    why += " Bez wykonania: eskalacja " + DateLabel(d.escalation_date);
  }
  return Sentence(why);
}

}  // namespace koop::server::pages
