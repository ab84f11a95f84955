// GET /sprawy/{id} — see case_page.h.
#include "server/pages/case_page.h"

#include <algorithm>
#include <map>

#include "koop/pack.h"
#include "server/access_policy.h"
#include "server/pages/case_data.h"
#include "server/pages/deadline_reasons.h"
#include "server/pages/polish.h"
#include "server/pages/stage_titles.h"

namespace koop::server::pages {
namespace {

std::string OutcomeNote(const HistoryEntry& h) {
  if (h.outcome == "ignored") return "bez zmian w sprawie";
  if (h.outcome == "finished") return "sprawa zakończona";
  if (!h.errors.empty()) return "z błędami reguł";
  return "";
}

Data History(const InstanceView& view) {
  Data list = MakeList();
  for (auto it = view.history.rbegin(); it != view.history.rend(); ++it) {
    const HistoryEntry& h = *it;
    Data row;
    row.set("when", LocalTimeLabel(h.at));
    row.set("who", h.actor.empty() ? "—" : h.actor);
    std::string what = h.outcome == "started"   ? "Rozpoczęto: " + view.workflow_title
                       : !h.event_title.empty() ? h.event_title
                                                : h.event;
    row.set("what", what);
    row.set("note", Text(OutcomeNote(h)));
    list.push_back(row);
  }
  return list;
}

// The parameter values the instance's deadlines were counted with: the workflow's defaults under
// the municipality's own values.
std::map<std::string, std::string> ParamValues(const WorkflowInfo& workflow,
                                               const MunicipalityInfo* municipality) {
  std::map<std::string, std::string> out;
  for (const ParamInfo& p : workflow.params) out[p.name] = p.default_value;
  if (municipality) {
    for (const auto& [name, value] : municipality->params) out[name] = value;
  }
  return out;
}

Data Deadlines(Exchange& ex, const InstanceView& view, const Calendar& calendar,
               const WorkflowInfo& workflow, const MunicipalityInfo* municipality) {
  std::map<std::string, std::string> params = ParamValues(workflow, municipality);
  Date today = ToWarsawTime(ex.Now()).date;
  Data list = MakeList();
  for (const DeadlineView& d : view.deadlines) {
    Data row;
    row.set("title", d.title.empty() ? d.id : d.title);
    row.set("date_label", DateLabel(d.due_date));
    row.set("state_label", DeadlineStateLabel(d.state));
    Result<Date> due = Date::Parse(d.due_date);
    row.set("overdue", Data(d.state == "open" && due.ok() && *due < today));
    auto rule = workflow.deadline_rules.find(d.id);
    row.set("why",
            DeadlineReason(d, calendar, StageTitle(ex.catalog(), view.workflow_id, d.owner_state),
                           rule == workflow.deadline_rules.end() ? "" : rule->second, params));
    list.push_back(row);
  }
  return list;
}

Data Actions(Exchange& ex, const InstanceView& view, const WorkflowInfo& workflow,
             const MunicipalityInfo* municipality, const CaseFormState* state) {
  Data list = MakeList();
  if (view.status != "active") return list;
  std::vector<std::string> seen;
  for (const StageView& stage : view.stages) {
    const StageInfo* info = workflow.FindStage(stage.id);
    if (!info) continue;
    for (const std::string& name : info->events) {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) continue;
      seen.push_back(name);
      const EventInfo* event = workflow.FindEvent(name);
      if (!event || !MayFire(ex.account(), workflow, name)) continue;
      bool again = state && state->event == name;
      Data action;
      action.set("event", name);
      action.set("slug", Slug(name));
      action.set("title", event->title.empty() ? name : event->title);
      action.set("button", "Zapisz: " + (event->title.empty() ? name : event->title));
      action.set("instance_id", view.instance_id);
      action.set("open", Data(again));
      action.set("fields", EventFormFields(*event, municipality,
                                           again ? state->submitted : FormValues{}, Slug(name)));
      list.push_back(action);
    }
  }
  return list;
}

Data Packs(Exchange& ex, const InstanceView& view, bool* any) {
  Data list = MakeList();
  *any = false;
  if (!MayReadPacks(ex.account())) return list;
  Result<std::vector<PackListing>> packs = ListPacks(ex.catalog().PathOf(view.workflow_id));
  if (!packs.ok()) return list;
  for (const PackListing& p : *packs) {
    bool active = std::any_of(view.stages.begin(), view.stages.end(),
                              [&](const StageView& s) { return s.id == p.state; });
    Data pack;
    pack.set("id", p.id);
    pack.set("title", p.title.empty() ? p.id : p.title);
    pack.set("active", Data(active));
    pack.set("state_title", p.state_title.empty() ? p.state : p.state_title);
    pack.set("instance_id", view.instance_id);
    list.push_back(pack);
    *any = true;
  }
  return list;
}

}  // namespace

std::optional<InstanceListing> VisibleInstance(Exchange& ex, const PageTemplates& t) {
  Backend* backend = ex.backend();
  if (!backend) return std::nullopt;
  Result<std::vector<InstanceListing>> found =
      backend->directory->FindInstance(ex.Param("id"), ScopeFor(ex.account(), ex.catalog()));
  if (!found.ok()) {
    FailurePage(ex, t, found.status());
    return std::nullopt;
  }
  if (found->empty()) {
    NotFoundPage(ex, t);
    return std::nullopt;
  }
  return found->front();
}

void RenderCase(Exchange& ex, const PageTemplates& t, const InstanceListing& listing,
                const CaseFormState* state, int status) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<InstanceView> view = backend->engine->Show(listing.instance_id);
  if (!view.ok()) {
    FailurePage(ex, t, view.status());
    return;
  }
  const WorkflowInfo* workflow = ex.catalog().Find(view->workflow_id);
  if (!workflow) {
    FailurePage(ex, t, Status::Internal("workflow '" + view->workflow_id + "' is not served"));
    return;
  }
  std::vector<std::string> shown;
  std::string document = InstanceDocumentFor(ex.account(), *view, workflow, &shown);
  Result<MunicipalityInfo> municipality =
      DescribeMunicipality(ex.backend_options().database.municipalities_dir, view->municipality_id);
  Result<std::shared_ptr<Calendar>> calendar =
      MunicipalityCalendar(ex.backend_options().database.municipalities_dir, view->municipality_id);
  std::shared_ptr<Calendar> cal = calendar.ok() ? *calendar : Calendar::Polish();

  Data data;
  data.set("instance_id", view->instance_id);
  data.set("number", listing.case_number);
  data.set("workflow_title",
           view->workflow_title.empty() ? view->workflow_id : view->workflow_title);
  Data stages = MakeList();
  for (std::size_t i = 0; i < view->stages.size(); ++i) {
    Data s;
    s.set("title", view->stages[i].title.empty() ? view->stages[i].id : view->stages[i].title);
    s.set("last", Data(i + 1 == view->stages.size()));
    stages.push_back(s);
  }
  data.set("stages", stages);
  data.set("municipality",
           view->municipality_name.empty() ? view->municipality_id : view->municipality_name);
  data.set("status_label", view->status == "finished" ? "zakończona" : "w toku");

  std::string visible_data = DocumentData(document);
  std::vector<std::string> warnings = CaseWarnings(visible_data);
  Data warning_list = MakeList();
  for (const std::string& w : warnings) warning_list.push_back(Data(w));
  data.set("warnings", warning_list);
  data.set("has_warnings", Data(!warnings.empty()));
  Data refusal = MakeList();
  if (state) {
    for (const std::string& r : state->refusal) refusal.push_back(Data(r));
  }
  data.set("refusal", refusal);
  data.set("has_refusal", Data(state && !state->refusal.empty()));
  data.set("refusal_title",
           state ? "Nie zapisano: " + EventTitle(ex.catalog(), view->workflow_id, state->event)
                 : std::string());

  Data actions = Actions(ex, *view, *workflow, municipality.ok() ? &*municipality : nullptr, state);
  data.set("has_actions", Data(!actions.is_empty_list()));
  data.set("actions", actions);
  data.set("no_actions", view->status == "active"
                             ? "Na tym etapie Twoja rola nie ma działań do wykonania."
                             : "Sprawa jest zakończona.");
  Data deadlines =
      Deadlines(ex, *view, *cal, *workflow, municipality.ok() ? &*municipality : nullptr);
  data.set("has_deadlines", Data(!view->deadlines.empty()));
  data.set("deadlines", deadlines);
  bool any_pack = false;
  data.set("packs", Packs(ex, *view, &any_pack));
  data.set("has_packs", Data(any_pack));
  Data fields = CaseFields(*workflow, visible_data);
  data.set("has_fields", Data(!fields.is_empty_list()));
  data.set("fields_view", fields);
  data.set("no_fields",
           RoleSeesPersonalData(ex.account().role)
               ? "Brak danych."
               : "Brak danych do wyświetlenia (Twoja rola nie widzi danych osobowych).");
  data.set("history", History(*view));

  if (!shown.empty()) {
    // Logged before the data leaves: no log row, no page.
    Status logged =
        backend->accounts->RecordAccess({ex.account().login, ex.Now(), view->instance_id, shown,
                                         ex.request_id(), "GET /sprawy/{id}"});
    if (!logged.ok()) {
      FailurePage(ex, t, logged);
      return;
    }
  }
  // The title names the case by its number only: never personal data.
  bool is_case = workflow->TeamField() != nullptr;
  std::vector<std::string> notices;
  if (state && !state->notice.empty()) notices.push_back(state->notice);
  RenderPage(ex, t,
             {(is_case ? "Sprawa " : "Partnerstwo ") + listing.case_number,
              is_case ? "sprawy" : "partnerstwa",
              notices,
              {}},
             "case", data, status);
}

void RegisterCaseRoutes(Router& router, Templates t) {
  router.Add(PageRoute("GET", "/sprawy/{id}", {}, [t](Exchange& ex) {
    std::optional<InstanceListing> listing = VisibleInstance(ex, *t);
    if (!listing) return;
    // After a recorded action: "?wykonano=EVENT" (an event name, never data) says what was done.
    CaseFormState done;
    std::string event = ex.Query("wykonano");
    const WorkflowInfo* workflow = ex.catalog().Find(listing->workflow_id);
    if (!event.empty() && workflow && workflow->FindEvent(event)) {
      done.notice = "Zapisano: " + EventTitle(ex.catalog(), listing->workflow_id, event) + ".";
    } else if (ex.Query("rozpoczeto") == "1" && workflow) {
      // After a start (start_pages.cpp): the same kind of notice, naming the workflow.
      done.notice = "Rozpoczęto: " + workflow->title + ".";
    }
    RenderCase(ex, *t, *listing, &done, 200);
  }));
}

}  // namespace koop::server::pages
