// Instances: GET /api/v1/instances (list and find), GET /api/v1/instances/{id} (show),
// POST /api/v1/instances (start), POST /api/v1/instances/{id}/events (fire).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "koop/municipality.h"
#include "server/access_policy.h"
#include "server/api/api.h"
#include "server/api/json_body.h"
#include "server/api/views.h"
#include "server/api/visible_instance.h"
#include "server/declared_dates.h"

namespace koop::server {
namespace {

// 422 when a declared working-day date of `declared` is not one (server/declared_dates.h); the
// problem's `reason` names every such value in Polish. True when answered.
bool RefuseNonWorkingDays(Exchange& ex, const std::vector<EventDataInfo>& declared,
                          const std::string& data, const std::string& municipality_id) {
  bool any = std::any_of(declared.begin(), declared.end(),
                         [](const EventDataInfo& d) { return d.working_day; });
  if (!any) return false;
  Result<std::shared_ptr<Calendar>> calendar =
      MunicipalityCalendar(ex.backend_options().database.municipalities_dir, municipality_id);
  if (!calendar.ok()) return false;  // the engine names the municipality's problem itself
  std::vector<DateProblem> problems = WorkingDayProblems(declared, data, **calendar);
  if (problems.empty()) return false;
  std::string detail, reason;
  for (const DateProblem& p : problems) {
    detail += (detail.empty() ? "" : "; ") + p.detail;
    reason += (reason.empty() ? "" : " ") + p.reason;
  }
  ex.Problem(ProblemKind::kInvalidData, detail, "\"reason\":" + JsonString(reason));
  return true;
}

void ListInstances(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  InstanceQuery q;
  q.scope = ScopeFor(ex.account(), ex.catalog());
  q.case_number = ex.Query("case");
  q.workflow = ex.Query("workflow");
  q.stage = ex.Query("stage");
  std::string overdue = ex.Query("overdue");
  if (!overdue.empty() && overdue != "true" && overdue != "false") {
    ex.Problem(ProblemKind::kBadRequest, "overdue: expected true or false");
    return;
  }
  q.overdue_only = overdue == "true";
  q.now = ex.Now();
  Result<std::vector<InstanceListing>> found = backend->directory->FindInstances(q);
  if (!found.ok()) {
    ex.DiscardBackend();
    ex.ProblemFor(found.status());
    return;
  }
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const InstanceListing& l : *found) items->add(ListingJson(l, ex.catalog()));
  Poco::JSON::Object root;
  root.set("instances", items);
  ex.Json(200, Stringify(root));
}

void ShowInstance(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  std::optional<InstanceListing> listing = VisibleInstanceOrAnswer(ex, backend);
  if (!listing) return;
  Result<InstanceView> view = backend->engine->Show(listing->instance_id);
  if (!view.ok()) {
    ex.ProblemFor(view.status());
    return;
  }
  std::vector<std::string> shown;
  std::string doc =
      InstanceDocumentFor(ex.account(), *view, ex.catalog().Find(view->workflow_id), &shown);
  if (!shown.empty()) {
    // Logged before the data leaves: no log row, no answer.
    Status logged =
        backend->accounts->RecordAccess({ex.account().login, ex.Now(), view->instance_id, shown,
                                         ex.request_id(), "GET /api/v1/instances/{id}"});
    if (!logged.ok()) {
      ex.ProblemFor(logged);
      return;
    }
  }
  ex.Json(200, doc);
}

void StartInstance(Exchange& ex) {
  std::optional<Poco::JSON::Object::Ptr> body = ReadJsonObject(ex);
  if (!body) return;
  std::optional<std::string> workflow = StringMember(ex, *body, "workflow");
  if (!workflow) return;
  std::optional<std::string> municipality = StringMember(ex, *body, "municipality", false);
  if (!municipality) return;
  std::optional<std::string> data = ObjectMemberJson(ex, *body, "data");
  if (!data) return;
  // A finished instance this one continues (<k:start from>): for a founding that ended before it
  // started its operation by itself; one the account cannot see is answered as absent.
  std::optional<std::string> from = StringMember(ex, *body, "from", false);
  if (!from) return;
  if (municipality->empty()) *municipality = ex.account().municipality_id;
  if (!MayStart(ex.account(), *municipality)) {
    ex.Problem(ProblemKind::kForbidden, "instances are started in your own municipality");
    return;
  }
  // Only the served workflows, by id: a path would reach files outside the workflows folder.
  if (!ex.catalog().Find(*workflow)) {
    ex.Problem(ProblemKind::kInvalidData, "/workflow: unknown workflow '" + *workflow + "'");
    return;
  }
  const WorkflowInfo* info = ex.catalog().Find(*workflow);
  if (RefuseNonWorkingDays(ex, info->start_data, *data, *municipality)) return;
  Backend* backend = ex.backend();
  if (!backend) return;
  StartRequest request;
  request.workflow = *workflow;
  request.municipality_id = *municipality;
  request.data_json = *data;
  request.at = ex.Now();
  request.actor = ex.account().login;
  if (!from->empty()) {
    Result<std::vector<InstanceListing>> source =
        backend->directory->FindInstance(*from, ScopeFor(ex.account(), ex.catalog()));
    if (!source.ok()) {
      ex.DiscardBackend();
      ex.ProblemFor(source.status());
      return;
    }
    if (source->empty()) {
      ex.Problem(ProblemKind::kInvalidData, "/from: no instance '" + *from + "'");
      return;
    }
    request.from_instance = *from;
  }
  Result<StepOutcome> outcome = backend->engine->Start(request);
  if (!outcome.ok()) {
    ex.ProblemFor(outcome.status());
    return;
  }
  ex.SetHeader("Location", "/api/v1/instances/" + outcome->instance_id);
  ex.Json(201, OutcomeJson(*outcome));
}

void FireEvent(Exchange& ex) {
  std::optional<Poco::JSON::Object::Ptr> body = ReadJsonObject(ex);
  if (!body) return;
  std::optional<std::string> event = StringMember(ex, *body, "event");
  if (!event) return;
  std::optional<std::string> data = ObjectMemberJson(ex, *body, "data");
  if (!data) return;
  Backend* backend = ex.backend();
  if (!backend) return;
  std::optional<InstanceListing> listing = VisibleInstanceOrAnswer(ex, backend);
  if (!listing) return;
  const WorkflowInfo* workflow = ex.catalog().Find(listing->workflow_id);
  if (!workflow || !workflow->FindEvent(*event)) {
    ex.Problem(ProblemKind::kInvalidData, "/event: the workflow declares no event '" + *event + "'",
               "\"reason\":" + JsonString("Proces nie zna zdarzenia „" + *event + "”."));
    return;
  }
  if (!MayFire(ex.account(), *workflow, *event)) {
    ex.Problem(ProblemKind::kForbidden, std::string("the role '") + RoleName(ex.account().role) +
                                            "' may not fire '" + *event + "'");
    return;
  }
  if (RefuseNonWorkingDays(ex, workflow->FindEvent(*event)->data, *data,
                           listing->municipality_id)) {
    return;
  }
  FireRequest request;
  request.instance_id = listing->instance_id;
  request.event = *event;
  request.data_json = *data;
  request.at = ex.Now();
  request.actor = ex.account().login;
  // "Now" is taken before the event waits for its commit: another request on the same instance
  // (or a server whose clock runs a little ahead) may have recorded a later time meanwhile. The
  // event then happens at that time rather than being refused as out of order.
  request.at_or_after_last = true;
  request.refuse_unhandled = true;
  Result<StepOutcome> outcome = ex.fires().Fire(*backend->engine, request);
  if (!outcome.ok()) {
    ex.ProblemFor(outcome.status());
    return;
  }
  if (!outcome->recorded) {
    std::string event_title = workflow->FindEvent(*event)->title;
    if (event_title.empty()) event_title = *event;
    if (!outcome->errors.empty()) {
      ex.Problem(ProblemKind::kInvalidData, outcome->errors.front(),
                 "\"reason\":" + JsonString("Reguła procesu odrzuciła zdarzenie „" + event_title +
                                            "”: " + outcome->errors.front()));
      return;
    }
    ex.Problem(ProblemKind::kRefused,
               "the current stage does not take '" + *event + "' (or a guard refused it)",
               "\"reason\":" + JsonString(RefusalReason(*listing, *workflow, event_title)));
    return;
  }
  ex.Json(200, OutcomeJson(*outcome));
}

}  // namespace

void RegisterInstanceRoutes(Router& router) {
  using R = std::vector<Role>;
  router.Add({"GET", "/api/v1/instances", Access::kSignedIn, {}, ListInstances, ""});
  router.Add({"POST", "/api/v1/instances", Access::kSignedIn, R{Role::kAdmin, Role::kCoordinator},
              StartInstance, ""});
  router.Add({"GET", "/api/v1/instances/{id}", Access::kSignedIn, {}, ShowInstance, ""});
  router.Add({"POST", "/api/v1/instances/{id}/events", Access::kSignedIn,
              R{Role::kAdmin, Role::kCoordinator, Role::kMember}, FireEvent, ""});
}

}  // namespace koop::server
