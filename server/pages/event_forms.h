// The forms of a stage's actions, generated from what the workflow declares for each event
// (<k:event><k:data name type title required working-day values/></k:event>, koop/workflow_info.h):
// one input per declared value, of its type, with its Polish title, marked required; the
// institutions of the municipality's registry as check boxes. A submitted form becomes the event's
// data (JSON, dotted names as nested objects); every problem is reported at once, in Polish,
// naming the field by its title, before anything reaches the engine.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "koop/calendar.h"
#include "koop/municipality.h"
#include "koop/workflow_info.h"
#include "server/pages/page_view.h"

namespace koop::server::pages {

// A submitted form: name -> values (several for check boxes).
using FormValues = std::map<std::string, std::vector<std::string>>;

// Parses an application/x-www-form-urlencoded body.
FormValues ParseForm(const std::string& body);

// The template data of the event's inputs ("fields" of case.mustache's actions), filled with
// `submitted` when the form is shown again after a refusal.
Data EventFormFields(const EventInfo& event, const MunicipalityInfo* municipality,
                     const FormValues& submitted, const std::string& slug);

// The event's data from the form, or the problems (Polish sentences) in `problems`. Whether a
// declared date is a working day is not judged here: the caller runs the API's check
// (server/declared_dates.h) on the data, so the page and the API refuse it alike.
std::string EventDataFromForm(const EventInfo& event, const MunicipalityInfo* municipality,
                              const FormValues& form, std::vector<std::string>* problems);

// "team.convened" -> "team-convened" (ids and anchors).
std::string Slug(const std::string& name);

}  // namespace koop::server::pages
