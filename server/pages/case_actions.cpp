// What a person does on a case page:
//   POST /sprawy/{id}/zdarzenia           an action of the current stage (form generated from the
//                                         event's declared data); refused → the page again,
//                                         409/422, the refusal at the form, nothing written;
//                                         recorded → 303 to the case page (no data in the URL)
//   POST /sprawy/{id}/pakiety/{pack}      render a document pack and download it (ZIP of DOCX or
//   PDF) GET  /sprawy/{id}/schemat.svg         the workflow diagram with the current stage marked
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "koop/docx.h"
#include "koop/pack.h"
#include "koop/statechart.h"
#include "server/access_policy.h"
#include "server/api/views.h"
#include "server/declared_dates.h"
#include "server/pages/case_page.h"
#include "server/pages/stage_titles.h"

namespace koop::server::pages {
namespace {

std::string First(const FormValues& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() || it->second.empty() ? "" : it->second.front();
}

void Refuse(Exchange& ex, const PageTemplates& t, const InstanceListing& listing,
            CaseFormState state, std::vector<std::string> why, int status) {
  state.refusal = std::move(why);
  RenderCase(ex, t, listing, &state, status);
}

void FireAction(Exchange& ex, const PageTemplates& t) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  std::optional<InstanceListing> listing = VisibleInstance(ex, t);
  if (!listing) return;
  const WorkflowInfo* workflow = ex.catalog().Find(listing->workflow_id);
  if (!workflow) {
    FailurePage(ex, t, Status::Internal("workflow '" + listing->workflow_id + "' is not served"));
    return;
  }
  CaseFormState state;
  state.submitted = ParseForm(*body);
  state.event = First(state.submitted, "zdarzenie");
  const EventInfo* event = workflow->FindEvent(state.event);
  if (!event) {
    Refuse(ex, t, *listing, state, {"Proces nie zna takiego działania."}, 422);
    return;
  }
  // The stage must take it before its data is worth checking (the engine would refuse it too).
  bool taken = false;
  for (const std::string& s : listing->states) {
    const StageInfo* stage = workflow->FindStage(s);
    if (stage &&
        std::find(stage->events.begin(), stage->events.end(), state.event) != stage->events.end()) {
      taken = true;
    }
  }
  if (!taken || listing->status != "active") {
    std::string title = event->title.empty() ? state.event : event->title;
    Refuse(ex, t, *listing, state, {RefusalReason(*listing, *workflow, title)}, 409);
    return;
  }
  if (!MayFire(ex.account(), *workflow, state.event)) {
    Refuse(ex, t, *listing, state, {"Twoja rola nie może wykonać tego działania."}, 403);
    return;
  }
  const std::string& dir = ex.backend_options().database.municipalities_dir;
  Result<MunicipalityInfo> municipality = DescribeMunicipality(dir, listing->municipality_id);
  Result<std::shared_ptr<Calendar>> calendar = MunicipalityCalendar(dir, listing->municipality_id);
  std::vector<std::string> problems;
  std::string data = EventDataFromForm(*event, municipality.ok() ? &*municipality : nullptr,
                                       state.submitted, &problems);
  // The same check as POST /api/v1/instances/{id}/events: a declared working day that is not one.
  if (calendar.ok()) {
    for (const DateProblem& p : WorkingDayProblems(event->data, data, **calendar)) {
      problems.push_back(p.reason);
    }
  }
  if (!problems.empty()) {
    Refuse(ex, t, *listing, state, problems, 422);
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  FireRequest request;
  request.instance_id = listing->instance_id;
  request.event = state.event;
  request.data_json = data;
  request.at = ex.Now();
  request.actor = ex.account().login;
  // "Now" is taken before the event waits for its commit: another request on the same instance
  // (or a server whose clock runs a little ahead) may have recorded a later time meanwhile. The
  // event then happens at that time rather than being refused as out of order.
  request.at_or_after_last = true;
  request.refuse_unhandled = true;
  Result<StepOutcome> outcome = ex.fires().Fire(*backend->engine, request);  // group commit
  if (!outcome.ok()) {
    if (outcome.status().code() == Code::kDataError) {
      Refuse(ex, t, *listing, state,
             {"Dane nie zostały przyjęte przez proces: " + outcome.status().message()}, 422);
    } else {
      FailurePage(ex, t, outcome.status());
    }
    return;
  }
  if (!outcome->recorded) {
    std::string title = event->title.empty() ? state.event : event->title;
    if (!outcome->errors.empty()) {
      Refuse(ex, t, *listing, state,
             {"Reguła procesu odrzuciła działanie: " + outcome->errors.front()}, 422);
    } else {
      Refuse(ex, t, *listing, state, {RefusalReason(*listing, *workflow, title)}, 409);
    }
    return;
  }
  ex.Redirect("/sprawy/" + listing->instance_id + "?wykonano=" + state.event + "#dzialania");
}

// "MOPS/2027/003" -> "MOPS-2027-003" for a file name.
std::string FileSafe(const std::string& text) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '-';
  return out.empty() ? "sprawa" : out;
}

void DownloadPack(Exchange& ex, const PageTemplates& t) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  std::string format = First(ParseForm(*body), "format");
  if (format != "docx" && format != "pdf") format = "docx";
  std::optional<InstanceListing> listing = VisibleInstance(ex, t);
  if (!listing) return;
  if (!MayReadPacks(ex.account())) {
    NotFoundPage(ex, t);
    return;
  }
  const WorkflowInfo* workflow = ex.catalog().Find(listing->workflow_id);
  Result<std::vector<PackListing>> packs = ListPacks(ex.catalog().PathOf(listing->workflow_id));
  const std::string& pack = ex.Param("pack");
  if (!workflow || !packs.ok() ||
      std::none_of(packs->begin(), packs->end(),
                   [&](const PackListing& p) { return p.id == pack; })) {
    NotFoundPage(ex, t);
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  const BackendOptions& options = ex.backend_options();
  PackOptions pack_options;
  pack_options.templates_dir = options.templates_dir;
  pack_options.blanks = true;
  namespace fs = std::filesystem;
  fs::path dir = fs::path(options.packs_dir) / (".web-" + ex.request_id());
  Result<PackInfo> rendered = backend->database->RenderPack(listing->instance_id, pack,
                                                            dir.string(), ex.Now(), pack_options);
  auto cleanup = [&] {
    std::error_code ec;
    fs::remove_all(dir, ec);
  };
  if (!rendered.ok()) {
    cleanup();
    CaseFormState state;
    Refuse(ex, t, *listing, state,
           {"Nie udało się przygotować dokumentów: " + rendered.status().message()}, 422);
    return;
  }
  std::ostringstream zip;
  try {
    Poco::Zip::Compress compress(zip, true);
    for (const PackDocumentInfo& doc : rendered->documents) {
      fs::path file = dir / doc.file;
      if (format == "pdf") {
        fs::path pdf = file;
        pdf.replace_extension(".pdf");
        Status converted = ConvertToPdf(file.string(), pdf.string());
        if (!converted.ok()) {
          cleanup();
          FailurePage(ex, t, converted);
          return;
        }
        file = pdf;
      }
      compress.addFile(Poco::Path(file.string()), Poco::Path(file.filename().string()));
    }
    compress.close();
  } catch (const Poco::Exception& e) {
    cleanup();
    FailurePage(ex, t, Status::IoError("pack zip: " + e.displayText()));
    return;
  }
  cleanup();
  std::vector<std::string> personal = workflow->PersonalRoots();
  Status logged =
      backend->accounts->RecordAccess({ex.account().login, ex.Now(), listing->instance_id, personal,
                                       ex.request_id(), "pack " + pack});
  if (!logged.ok()) {
    FailurePage(ex, t, logged);
    return;
  }
  ex.SetHeader("Content-Disposition", "attachment; filename=\"" + FileSafe(listing->case_number) +
                                          "-" + FileSafe(pack) + "-" + format + ".zip\"");
  ex.SetHeader("Cache-Control", "no-store");
  ex.Send(200, "application/zip", zip.str());
}

// Marks the active stages in our own DOT text: node lines read `"sN" [label="Title\n(id)"...`.
std::string MarkStages(const std::string& dot, const std::vector<StageView>& stages) {
  std::string marks;
  std::istringstream lines(dot);
  std::string line;
  while (std::getline(lines, line)) {
    for (const StageView& s : stages) {
      std::string tail = "(" + s.id + ")\"";
      std::size_t name_end = line.find("\" [label=\"");
      std::size_t start = line.find('"');
      if (name_end == std::string::npos || line.find(tail) == std::string::npos) continue;
      marks += "  " + line.substr(start, name_end - start + 1) +
               " [penwidth=4, color=\"#0b4f8a\", style=\"rounded,filled,bold\", "
               "fillcolor=\"#fff4dc\"];\n";
    }
  }
  std::size_t end = dot.rfind('}');
  if (end == std::string::npos) return dot;
  return dot.substr(0, end) + marks + dot.substr(end);
}

void Diagram(Exchange& ex, const PageTemplates& t) {
  std::optional<InstanceListing> listing = VisibleInstance(ex, t);
  if (!listing) return;
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<InstanceView> view = backend->engine->Show(listing->instance_id);
  if (!view.ok()) {
    FailurePage(ex, t, view.status());
    return;
  }
  Result<std::shared_ptr<const Statechart>> chart =
      Statechart::Load(ex.catalog().PathOf(listing->workflow_id), false);
  if (!chart.ok()) {
    FailurePage(ex, t, chart.status());
    return;
  }
  std::string dot = MarkStages((*chart)->ToDot(), view->stages);
  std::string svg;
  int rc = -1;
  try {
    Poco::Pipe in, out;
    Poco::ProcessHandle dot_process =
        Poco::Process::launch("dot", {"-q", "-Tsvg"}, &in, &out, nullptr);
    Poco::PipeOutputStream to(in);
    to << dot;
    to.close();
    Poco::PipeInputStream from(out);
    Poco::StreamCopier::copyToString(from, svg);
    rc = dot_process.wait();
  } catch (const Poco::Exception& e) {
    FailurePage(ex, t, Status::Internal("cannot run Graphviz 'dot': " + e.displayText()));
    return;
  }
  if (rc != 0 || svg.empty()) {
    FailurePage(ex, t, Status::Internal("Graphviz 'dot' failed (exit " + std::to_string(rc) + ")"));
    return;
  }
  ex.SetHeader("Cache-Control", "no-store");
  ex.Send(200, "image/svg+xml", svg);
}

}  // namespace

void RegisterCaseActionRoutes(Router& router, Templates t) {
  using R = std::vector<Role>;
  router.Add(RolePageRoute("POST", "/sprawy/{id}/zdarzenia",
                           R{Role::kAdmin, Role::kCoordinator, Role::kMember}, t,
                           [t](Exchange& ex) { FireAction(ex, *t); }));
  router.Add(PageRoute("POST", "/sprawy/{id}/pakiety/{pack}", {},
                       [t](Exchange& ex) { DownloadPack(ex, *t); }));
  router.Add(
      PageRoute("GET", "/sprawy/{id}/schemat.svg", {}, [t](Exchange& ex) { Diagram(ex, *t); }));
}

}  // namespace koop::server::pages
