// Why a deadline's date fell where it did, in Polish, from what the engine recorded for it (its
// series, its escalation) and the municipality's calendar (days off, Saturdays, closure days):
// "co 3 miesiące od 17 lutego 2027 r.; 17 maja 2027 r. … przesunięty na …".
#pragma once

#include <map>
#include <string>

#include "koop/calendar.h"
#include "koop/engine.h"

namespace koop::server::pages {

// `stage_title`: the Polish title of the stage that set the deadline; `rule`: its declared due
// expression ("" unknown) and `params` the municipality's parameter values (defaults included).
std::string DeadlineReason(const DeadlineView& deadline, const Calendar& calendar,
                           const std::string& stage_title, const std::string& rule,
                           const std::map<std::string, std::string>& params);

// "posiedzenie.data - param('team.noticeDays') working days" -> "posiedzenie.data minus 5 dni
// roboczych ośrodka (parametr team.noticeDays)".
std::string RuleLabel(const std::string& rule, const std::map<std::string, std::string>& params);

}  // namespace koop::server::pages
