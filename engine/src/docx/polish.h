// Polish formatting used by the template filters: long dates, weekday names, money from integer
// grosze and plural forms of nouns after a number.
#pragma once

#include <cstdint>
#include <string>

#include "koop/status.h"

namespace koop::docx {

struct CivilDate {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};

// Accepts "YYYY-MM-DD", optionally followed by "T…" or " …" (a time that is ignored).
Result<CivilDate> ParseCivilDate(const std::string& text);
std::string PolishLongDate(const CivilDate& d);   // "23 listopada 2026 r."
std::string PolishShortDate(const CivilDate& d);  // "23.11.2026"
std::string PolishWeekday(const CivilDate& d);    // "poniedziałek"

// 123450 -> "1 234,50 zł"; negative amounts get a leading minus.
std::string FormatGrosze(int64_t grosze);
// "1234,5", "1 234.50", "-12" (złote, at most two decimals) -> grosze, exactly.
Result<int64_t> ParseZlote(const std::string& text);

enum class PluralForm { kOne, kFew, kMany };
PluralForm PolishPluralForm(int64_t n);
// The forms (one, few, many) of a known noun given in its singular, e.g. "dzień".
bool KnownNounForms(const std::string& singular, std::string forms[3]);

}  // namespace koop::docx
