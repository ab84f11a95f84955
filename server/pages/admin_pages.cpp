// Administration (admin role, own municipality only); the accounts are in admin_users.cpp:
//   GET      /admin/ustawienia   institutions with their contacts, parameters with Polish titles,
//                                closure days: read-only, from the municipality file (the page
//                                says why and how they are changed; docs/web.md)
//   GET      /admin/walidacja    `koop validate` of the served workflows and the municipality file
#include <algorithm>
#include <filesystem>

#include "koop/municipality.h"
#include "koop/statechart.h"
#include "server/pages/pages.h"
#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void ShowSettings(Exchange& ex, const PageTemplates& t) {
  Result<MunicipalityInfo> m = DescribeMunicipality(ex.backend_options().database.municipalities_dir,
                                                    ex.account().municipality_id);
  if (!m.ok()) {
    FailurePage(ex, t, m.status());
    return;
  }
  Data institutions = MakeList();
  for (const InstitutionInfo& i : m->institutions) {
    Data row;
    row.set("id", i.id);
    row.set("name", i.name);
    row.set("roles", i.roles.empty() ? "—" : Join(i.roles));
    Data contacts = MakeList();
    for (const ContactInfo& c : i.contacts) {
      Data contact;
      contact.set("name", c.name);
      contact.set("role", Text(Join(c.roles)));
      contact.set("email", Text(c.email));
      contacts.push_back(contact);
    }
    row.set("contacts", contacts);
    institutions.push_back(row);
  }
  // Parameters the served workflows declare, with the municipality's value or the default.
  Data params = MakeList();
  std::vector<std::string> seen;
  for (const std::string& id : ex.catalog().ids()) {
    for (const ParamInfo& p : ex.catalog().Find(id)->params) {
      if (std::find(seen.begin(), seen.end(), p.name) != seen.end()) continue;
      seen.push_back(p.name);
      auto bound = m->params.find(p.name);
      Data row;
      row.set("name", p.name);
      row.set("title", p.title.empty() ? "—" : p.title);
      row.set("value", bound != m->params.end() ? bound->second : p.default_value);
      row.set("is_default", Data(bound == m->params.end()));
      row.set("allowed", ParamAllowed(p.type));
      params.push_back(row);
    }
  }
  Data closures = MakeList();
  for (const auto& [date, reason] : m->closures) {
    Data row;
    row.set("date", DateLabel(date));
    row.set("reason", reason.empty() ? "—" : reason);
    closures.push_back(row);
  }
  Data data;
  data.set("institutions", institutions);
  data.set("params", params);
  data.set("closures", closures);
  data.set("has_closures", Data(!m->closures.empty()));
  // The file's name only: where it lies on the server is the operator's business
  // (docs/operations.md).
  data.set("file", std::filesystem::path(m->file).filename().string());
  RenderPage(ex, t, {"Administracja – " + m->name, "admin", {}, {}}, "admin_settings", data);
}

void ShowValidation(Exchange& ex, const PageTemplates& t) {
  Data files = MakeList();
  auto add = [&](const std::string& file, const Status& s) {
    Data row;
    row.set("file", file);
    row.set("ok", Data(s.ok()));
    Data problems = MakeList();
    std::string text = s.message();
    std::size_t i = 0;
    while (!s.ok() && i < text.size()) {
      std::size_t j = text.find('\n', i);
      if (j == std::string::npos) j = text.size();
      if (j > i) problems.push_back(Data(text.substr(i, j - i)));
      i = j + 1;
    }
    row.set("problems", problems);
    files.push_back(row);
  };
  for (const std::string& id : ex.catalog().ids()) {
    std::string path = ex.catalog().PathOf(id);
    add(path, Statechart::Validate(path));
  }
  const BackendOptions& o = ex.backend_options();
  Result<MunicipalityInfo> m =
      DescribeMunicipality(o.database.municipalities_dir, ex.account().municipality_id);
  if (m.ok()) {
    add(m->file, ValidateMunicipalityFile(m->file, o.database.workflows_dir));
  } else {
    add(ex.account().municipality_id, m.status());
  }
  Data data;
  data.set("files", files);
  RenderPage(ex, t, {"Administracja – sprawdzenie plików", "admin", {}, {}}, "admin_validate",
             data);
}

}  // namespace

void RegisterAdminRoutes(Router& router, Templates t) {
  using R = std::vector<Role>;
  router.Add(RolePageRoute("GET", "/admin/ustawienia", R{Role::kAdmin}, t,
                           [t](Exchange& ex) { ShowSettings(ex, *t); }));
  router.Add(RolePageRoute("GET", "/admin/walidacja", R{Role::kAdmin}, t,
                           [t](Exchange& ex) { ShowValidation(ex, *t); }));
}

}  // namespace koop::server::pages
