// Document wording that follows a workflow's parameters (issue 15, "one source"): the office
// hours, the PZK meeting frequency and the basket's update period are said in documents in Polish
// words, but decided by the municipality's parameters. The pack context derives the words from
// the parameters, so the documents data cannot say something the workflow does not do.
#pragma once

#include <string>

#include "pack/json_tree.h"

namespace koop::pack {

// "raz w miesiącu", "raz na kwartał", "raz na pół roku", "raz w roku", "raz na 5 miesięcy": at
// least once every `months` months, as the regulation and the agreements say it; "" for
// months < 1.
std::string EveryMonthsInWords(long long months);

// "poniedziałek–piątek 7:30–15:30" from "07:30" and "15:30"; "" when either is not HH:MM.
std::string OfficeHoursInWords(const std::string& open, const std::string& close);

// Sets, in `data`, the wording derived from `params` (the merged `param` object, names with
// underscores): `osrodek.godziny_pracy` from office_open/office_close,
// `pzk.spotkania_czestotliwosc` from pzk_meetingEveryMonths, `pzk.koszyk_aktualizacja` from
// basket_updateMonths; each only when its parameters are known, replacing what the documents data
// says.
void AddParamWording(const JsonObject& params, JsonObject data);

}  // namespace koop::pack
