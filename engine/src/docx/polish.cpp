#include "docx/polish.h"

#include <date/date.h>

#include <cctype>
#include <cstdlib>

namespace koop::docx {
namespace {

const char* const kMonthsGenitive[] = {"stycznia", "lutego",       "marca",     "kwietnia",
                                       "maja",     "czerwca",      "lipca",     "sierpnia",
                                       "września", "października", "listopada", "grudnia"};
const char* const kWeekdays[] = {"niedziela", "poniedziałek", "wtorek", "środa",
                                 "czwartek",  "piątek",       "sobota"};

struct Noun {
  const char* forms[3];
};
// Nouns that the seeds' documents count; others take three explicit forms.
const Noun kNouns[] = {
    {{"dzień", "dni", "dni"}},
    {{"dzień roboczy", "dni robocze", "dni roboczych"}},
    {{"tydzień", "tygodnie", "tygodni"}},
    {{"miesiąc", "miesiące", "miesięcy"}},
    {{"rok", "lata", "lat"}},
    {{"godzina", "godziny", "godzin"}},
    {{"instytucja", "instytucje", "instytucji"}},
    {{"osoba", "osoby", "osób"}},
    {{"rodzina", "rodziny", "rodzin"}},
    {{"członek", "członkowie", "członków"}},
    {{"spotkanie", "spotkania", "spotkań"}},
    {{"posiedzenie", "posiedzenia", "posiedzeń"}},
    {{"dokument", "dokumenty", "dokumentów"}},
    {{"egzemplarz", "egzemplarze", "egzemplarzy"}},
    {{"strona", "strony", "stron"}},
    {{"załącznik", "załączniki", "załączników"}},
    {{"partner", "partnerzy", "partnerów"}},
    {{"sprawa", "sprawy", "spraw"}},
    {{"zadanie", "zadania", "zadań"}},
    {{"złoty", "złote", "złotych"}},
    {{"grosz", "grosze", "groszy"}},
};

}  // namespace

Result<CivilDate> ParseCivilDate(const std::string& text) {
  auto bad = [&] {
    return Status::DataError("expected a date as YYYY-MM-DD, got \"" + text + "\"");
  };
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return bad();
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return bad();
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return bad();
  CivilDate d{std::atoi(text.substr(0, 4).c_str()),
              static_cast<unsigned>(std::atoi(text.substr(5, 2).c_str())),
              static_cast<unsigned>(std::atoi(text.substr(8, 2).c_str()))};
  date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
  if (!ymd.ok()) return Status::DataError("no such date: \"" + text + "\"");
  return d;
}

std::string PolishLongDate(const CivilDate& d) {
  return std::to_string(d.day) + " " + kMonthsGenitive[d.month - 1] + " " + std::to_string(d.year) +
         " r.";
}

std::string PolishShortDate(const CivilDate& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", d.day, d.month, d.year);
  return buf;
}

std::string PolishWeekday(const CivilDate& d) {
  date::sys_days days{date::year{d.year} / date::month{d.month} / date::day{d.day}};
  return kWeekdays[date::weekday{days}.c_encoding()];
}

std::string FormatGrosze(int64_t grosze) {
  bool negative = grosze < 0;
  uint64_t abs = negative ? 0 - static_cast<uint64_t>(grosze) : static_cast<uint64_t>(grosze);
  std::string whole = std::to_string(abs / 100);
  std::string grouped;
  int count = 0;
  for (size_t i = whole.size(); i-- > 0;) {
    grouped.insert(grouped.begin(), whole[i]);
    if (++count % 3 == 0 && i > 0) grouped.insert(grouped.begin(), ' ');
  }
  char cents[4];
  std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(abs % 100));
  return (negative ? "-" : "") + grouped + "," + cents + " zł";
}

Result<int64_t> ParseZlote(const std::string& text) {
  std::string s;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ') continue;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;  // no-break space between groups
      continue;
    }
    s += static_cast<char>(c);
  }
  auto bad = [&] {
    return Status::DataError("expected an amount in złote such as \"1234,50\", got \"" + text +
                             "\"");
  };
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  size_t sep = s.find_first_of(",.");
  std::string whole = s.substr(0, sep);
  std::string frac = sep == std::string::npos ? "" : s.substr(sep + 1);
  if (whole.empty() || whole.size() > 15 || frac.size() > 2) return bad();
  for (char c : whole + frac) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return bad();
  }
  while (frac.size() < 2) frac += '0';
  int64_t v = std::stoll(whole) * 100 + std::stoll(frac);
  return negative ? -v : v;
}

PluralForm PolishPluralForm(int64_t n) {
  uint64_t a = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  if (a == 1) return PluralForm::kOne;
  uint64_t last = a % 10, last2 = a % 100;
  if (last >= 2 && last <= 4 && !(last2 >= 12 && last2 <= 14)) return PluralForm::kFew;
  return PluralForm::kMany;
}

bool KnownNounForms(const std::string& singular, std::string forms[3]) {
  for (const Noun& n : kNouns) {
    if (singular == n.forms[0]) {
      for (int i = 0; i < 3; ++i) forms[i] = n.forms[i];
      return true;
    }
  }
  return false;
}

}  // namespace koop::docx
