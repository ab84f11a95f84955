// GET /sprawy and GET /partnerstwa: the instances the account may see (cases: workflows with a
// team field; partnerships: the others), filtered by case number, stage and "po terminie", 20 a
// page. The filters are in the query string: a case number and a stage id are not personal data.
#include <algorithm>
#include <cctype>

#include "server/access_policy.h"
#include "server/pages/pages.h"
#include "server/pages/polish.h"
#include "server/pages/stage_titles.h"

namespace koop::server::pages {
namespace {

constexpr std::size_t kPageSize = 20;

struct ListKind {
  const char* path;
  const char* title;
  const char* nav_key;
  bool cases;  // workflows with a team field
  const char* start_href;
  const char* start_label;
};

constexpr ListKind kCases{"/sprawy", "Sprawy", "sprawy", true, "/sprawy/nowa", "Nowa sprawa"};
constexpr ListKind kPartnerships{"/partnerstwa", "Partnerstwa",       "partnerstwa",
                                 false,          "/partnerstwa/nowe", "Nowe partnerstwo"};

// Whether the account may start one of the list's workflows from the web application.
bool CanStart(const Exchange& ex, const ListKind& kind) {
  if (!MayStart(ex.account(), ex.account().municipality_id)) return false;
  for (const std::string& id : ex.catalog().ids()) {
    if (ex.catalog().Find(id)->startable && IsCaseWorkflow(ex.catalog(), id) == kind.cases) {
      return true;
    }
  }
  return false;
}

std::string QueryEscape(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string PageHref(const ListKind& kind, const std::string& number, const std::string& stage,
                     bool overdue, std::size_t page) {
  return std::string(kind.path) + "?numer=" + QueryEscape(number) + "&etap=" + QueryEscape(stage) +
         (overdue ? "&po_terminie=1" : "") + "&strona=" + std::to_string(page);
}

void ShowList(Exchange& ex, const PageTemplates& t, const ListKind& kind) {
  Backend* backend = ex.backend();
  if (!backend) return;
  const WorkflowCatalog& catalog = ex.catalog();
  InstanceQuery q;
  q.scope = ScopeFor(ex.account(), catalog);
  q.case_number = ex.Query("numer");
  q.stage = ex.Query("etap");
  q.overdue_only = ex.Query("po_terminie") == "1";
  q.now = ex.Now();
  q.limit = 5000;
  Result<std::vector<InstanceListing>> found = backend->directory->FindInstances(q);
  if (!found.ok()) {
    FailurePage(ex, t, found.status());
    return;
  }
  std::vector<const InstanceListing*> rows;
  for (const InstanceListing& l : *found) {
    if (IsCaseWorkflow(catalog, l.workflow_id) == kind.cases) rows.push_back(&l);
  }
  std::size_t pages = std::max<std::size_t>(1, (rows.size() + kPageSize - 1) / kPageSize);
  std::size_t page = 1;
  try {
    page = std::clamp<std::size_t>(
        std::stoul(ex.Query("strona").empty() ? "1" : ex.Query("strona")), 1, pages);
  } catch (const std::exception&) {
    page = 1;
  }
  Data list = MakeList();
  for (std::size_t i = (page - 1) * kPageSize; i < std::min(rows.size(), page * kPageSize); ++i) {
    const InstanceListing& l = *rows[i];
    Data row;
    row.set("instance_id", l.instance_id);
    row.set("number", l.case_number);
    row.set("stage",
            l.status == "finished" ? "zakończona" : StagesLabel(catalog, l.workflow_id, l.states));
    row.set("next_due", l.next_due_date.empty() ? "—" : DateLabel(l.next_due_date));
    row.set("overdue", Data(l.overdue));
    row.set("municipality", l.municipality_name.empty() ? l.municipality_id : l.municipality_name);
    row.set("updated", LocalTimeLabel(l.updated_at));
    list.push_back(row);
  }
  // Stage filter: the stages of the workflows this list shows.
  Data stages = MakeList();
  for (const std::string& id : catalog.ids()) {
    if (IsCaseWorkflow(catalog, id) != kind.cases) continue;
    for (const StageInfo& s : catalog.Find(id)->stages) {
      Data option;
      option.set("id", s.id);
      option.set("title", s.title.empty() ? s.id : s.title);
      option.set("selected", Data(s.id == q.stage));
      stages.push_back(option);
    }
  }
  Data data;
  data.set("action", kind.path);
  data.set("filter_number", q.case_number);
  data.set("filter_overdue", Data(q.overdue_only));
  data.set("stage_options", stages);
  data.set("can_start", Data(CanStart(ex, kind)));
  data.set("start_href", kind.start_href);
  data.set("start_label", kind.start_label);
  data.set("rows", list);
  data.set("has_rows", Data(!rows.empty()));
  data.set("found_label", rows.empty() ? std::string("Nie znaleziono.")
                                       : "Znaleziono: " + std::to_string(rows.size()) + ".");
  data.set("has_pages", Data(pages > 1));
  data.set("page", std::to_string(page));
  data.set("pages", std::to_string(pages));
  data.set("prev_href",
           Text(page > 1 ? PageHref(kind, q.case_number, q.stage, q.overdue_only, page - 1) : ""));
  data.set(
      "next_href",
      Text(page < pages ? PageHref(kind, q.case_number, q.stage, q.overdue_only, page + 1) : ""));
  RenderPage(ex, t, {kind.title, kind.nav_key, {}, {}}, "cases", data);
}

}  // namespace

bool IsCaseWorkflow(const WorkflowCatalog& catalog, const std::string& workflow_id) {
  const WorkflowInfo* w = catalog.Find(workflow_id);
  return w && w->TeamField();
}

void RegisterListRoutes(Router& router, Templates t) {
  router.Add(PageRoute("GET", kCases.path, {}, [t](Exchange& ex) { ShowList(ex, *t, kCases); }));
  router.Add(PageRoute("GET", kPartnerships.path, {},
                       [t](Exchange& ex) { ShowList(ex, *t, kPartnerships); }));
}

}  // namespace koop::server::pages
