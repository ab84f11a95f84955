// Starting a case or a partnership (coordinator and admin, in their own municipality: the rule of
// POST /api/v1/instances, server/access_policy.h):
//   GET  /sprawy/nowa, /partnerstwa/nowe   one form per workflow of the kind that declares
//                                          <k:start>, generated from its declared values
//   POST the same path                     refused → the page again (409/422), the form open with
//                                          what was typed and why, nothing written; started →
//                                          303 to the new instance's page (no data in the URL)
// Only workflows that declare <k:start> are offered: the others are started another way (the
// API, `koop start`). A case number already used in the municipality is refused.
#include <algorithm>
#include <mutex>

#include "koop/directory.h"
#include "koop/engine.h"
#include "koop/municipality.h"
#include "server/access_policy.h"
#include "server/declared_dates.h"
#include "server/pages/event_forms.h"
#include "server/pages/pages.h"

namespace koop::server::pages {
namespace {

struct StartKind {
  const char* path;
  const char* title;
  const char* nav_key;
  bool cases;
  const char* button;
  const char* intro;
};

constexpr StartKind kNewCase{"/sprawy/nowa",
                             "Nowa sprawa",
                             "sprawy",
                             true,
                             "Rozpocznij sprawę",
                             "Dane osobowe osoby lub rodziny wpisuje się później, na stronie "
                             "sprawy, w działaniach, które ich wymagają."};
constexpr StartKind kNewPartnership{
    "/partnerstwa/nowe", "Nowe partnerstwo",
    "partnerstwa",       false,
    "Rozpocznij",        "Kolejne kroki partnerstwa wpisuje się na jego stronie."};

// The number the directory shows the instance by (data.sprawa.numer).
constexpr const char* kCaseNumberPath = "sprawa.numer";

std::string First(const FormValues& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() || it->second.empty() ? "" : it->second.front();
}

// The declared start values as an event, so the event forms' code builds and checks them.
EventInfo StartEvent(const WorkflowInfo& w) {
  return EventInfo{"start", w.title, {}, w.start_data};
}

std::vector<const WorkflowInfo*> Startable(const WorkflowCatalog& catalog, const StartKind& kind) {
  std::vector<const WorkflowInfo*> out;
  for (const std::string& id : catalog.ids()) {
    const WorkflowInfo* w = catalog.Find(id);
    if (w && w->startable && IsCaseWorkflow(catalog, id) == kind.cases) out.push_back(w);
  }
  return out;
}

struct StartForm {
  std::string workflow;  // the form shown open again
  FormValues submitted;
  std::vector<std::string> refusal;
};

void ShowStart(Exchange& ex, const PageTemplates& t, const StartKind& kind, const StartForm& state,
               int status) {
  Result<MunicipalityInfo> municipality = DescribeMunicipality(
      ex.backend_options().database.municipalities_dir, ex.account().municipality_id);
  std::vector<const WorkflowInfo*> workflows = Startable(ex.catalog(), kind);
  Data forms = MakeList();
  for (const WorkflowInfo* w : workflows) {
    bool again = w->id == state.workflow;
    std::string slug = "start-" + Slug(w->id);
    Data f;
    f.set("workflow", w->id);
    f.set("title", w->title.empty() ? w->id : w->title);
    f.set("slug", slug);
    f.set("open", Data(again || workflows.size() == 1));
    f.set("fields", EventFormFields(StartEvent(*w), municipality.ok() ? &*municipality : nullptr,
                                    again ? state.submitted : FormValues{}, slug));
    f.set("button", kind.button);
    f.set("no_fields", Data(w->start_data.empty()));
    f.set("action", kind.path);
    forms.push_back(f);
  }
  Data data;
  data.set("forms", forms);
  data.set("intro", kind.intro);
  data.set("has_forms", Data(!workflows.empty()));
  data.set("municipality", municipality.ok() ? municipality->name : ex.account().municipality_id);
  data.set("has_refusal", Data(!state.refusal.empty()));
  Data refusal = MakeList();
  for (const std::string& r : state.refusal) refusal.push_back(Data(r));
  data.set("refusal", refusal);
  RenderPage(ex, t, {kind.title, kind.nav_key, {}, {}}, "start", data, status);
}

// Whether an instance of the municipality already has this case number.
Result<bool> NumberTaken(Exchange& ex, Backend& backend, const std::string& number) {
  InstanceQuery q;
  q.scope = ScopeFor(ex.account(), ex.catalog());
  q.case_number = number;
  q.now = ex.Now();
  Result<std::vector<InstanceListing>> found = backend.directory->FindInstances(q);
  if (!found.ok()) return found.status();
  return std::any_of(found->begin(), found->end(), [&](const InstanceListing& l) {
    return l.case_number == number && l.municipality_id == ex.account().municipality_id;
  });
}

void Start(Exchange& ex, const PageTemplates& t, const StartKind& kind) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  StartForm state;
  state.submitted = ParseForm(*body);
  state.workflow = First(state.submitted, "proces");
  const std::string& municipality_id = ex.account().municipality_id;
  std::vector<const WorkflowInfo*> offered = Startable(ex.catalog(), kind);
  auto it = std::find_if(offered.begin(), offered.end(),
                         [&](const WorkflowInfo* w) { return w->id == state.workflow; });
  if (it == offered.end()) {
    state.refusal = {"Nie można tu rozpocząć takiego procesu."};
    ShowStart(ex, t, kind, state, 422);
    return;
  }
  const WorkflowInfo& workflow = **it;
  if (!MayStart(ex.account(), municipality_id)) {
    NotFoundPage(ex, t);
    return;
  }
  const std::string& dir = ex.backend_options().database.municipalities_dir;
  Result<MunicipalityInfo> municipality = DescribeMunicipality(dir, municipality_id);
  Result<std::shared_ptr<Calendar>> calendar = MunicipalityCalendar(dir, municipality_id);
  std::vector<std::string> problems;
  std::string data =
      EventDataFromForm(StartEvent(workflow), municipality.ok() ? &*municipality : nullptr,
                        state.submitted, &problems);
  // The same check as POST /api/v1/instances: a declared working day that is not one.
  if (calendar.ok()) {
    for (const DateProblem& p : WorkingDayProblems(workflow.start_data, data, **calendar)) {
      problems.push_back(p.reason);
    }
  }
  if (!problems.empty()) {
    state.refusal = problems;
    ShowStart(ex, t, kind, state, 422);
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  // The number check and the start, one at a time in this process (two people starting the same
  // number at once: the second is refused). Servers sharing one PostgreSQL do not share the lock.
  static std::mutex start_mutex;
  std::lock_guard<std::mutex> one_at_a_time(start_mutex);
  std::string number = First(state.submitted, kCaseNumberPath);
  number.erase(0, number.find_first_not_of(" \t"));
  number.erase(number.find_last_not_of(" \t") + 1);
  if (!number.empty()) {
    Result<bool> taken = NumberTaken(ex, *backend, number);
    if (!taken.ok()) {
      FailurePage(ex, t, taken.status());
      return;
    }
    if (*taken) {
      state.refusal = {"Sprawa o numerze " + number + " już istnieje w tej gminie."};
      ShowStart(ex, t, kind, state, 409);
      return;
    }
  }
  StartRequest request;
  request.workflow = workflow.id;
  request.municipality_id = municipality_id;
  request.data_json = data;
  request.at = ex.Now();
  request.actor = ex.account().login;
  Result<StepOutcome> outcome = backend->engine->Start(request);
  if (!outcome.ok()) {
    if (outcome.status().code() == Code::kDataError) {
      state.refusal = {"Proces nie przyjął danych: " + outcome.status().message()};
      ShowStart(ex, t, kind, state, 422);
    } else {
      FailurePage(ex, t, outcome.status());
    }
    return;
  }
  ex.Redirect("/sprawy/" + outcome->instance_id + "?rozpoczeto=1");
}

}  // namespace

void RegisterStartRoutes(Router& router, Templates t) {
  using R = std::vector<Role>;
  for (const StartKind* kind : {&kNewCase, &kNewPartnership}) {
    router.Add(RolePageRoute("GET", kind->path, R{Role::kAdmin, Role::kCoordinator}, t,
                             [t, kind](Exchange& ex) { ShowStart(ex, *t, *kind, {}, 200); }));
    router.Add(RolePageRoute("POST", kind->path, R{Role::kAdmin, Role::kCoordinator}, t,
                             [t, kind](Exchange& ex) { Start(ex, *t, *kind); }));
  }
}

}  // namespace koop::server::pages
