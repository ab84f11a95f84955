// Administration (admin role, own municipality only):
//   GET/POST /admin/uzytkownicy  accounts of the municipality; a new account
//   GET      /admin/ustawienia   institutions with their contacts, parameters with Polish titles
//   GET      /admin/walidacja    `koop validate` of the served workflows and the municipality file
#include <algorithm>

#include "koop/municipality.h"
#include "koop/statechart.h"
#include "server/pages/event_forms.h"
#include "server/pages/pages.h"
#include "server/pages/polish.h"

namespace koop::server::pages {
namespace {

constexpr Role kAssignable[] = {Role::kCoordinator, Role::kMember, Role::kAdmin, Role::kAuditor};

std::string First(const FormValues& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() || it->second.empty() ? "" : it->second.front();
}

void ShowUsers(Exchange& ex, const PageTemplates& t, const FormValues& form,
               std::vector<std::string> errors, std::vector<std::string> notices, int status) {
  Backend* backend = ex.backend();
  if (!backend) return;
  const Account& admin = ex.account();
  Result<std::vector<Account>> accounts = backend->accounts->List();
  if (!accounts.ok()) {
    FailurePage(ex, t, accounts.status());
    return;
  }
  Result<MunicipalityInfo> municipality =
      DescribeMunicipality(ex.backend_options().engine.municipalities_dir, admin.municipality_id);
  auto institution_name = [&](const std::string& id) {
    if (!municipality.ok()) return id;
    for (const InstitutionInfo& i : municipality->institutions) {
      if (i.id == id) return i.name;
    }
    return id;
  };
  Data users = MakeList();
  for (const Account& a : *accounts) {
    if (a.municipality_id != admin.municipality_id) continue;  // the tenant: own municipality
    Data u;
    u.set("login", a.login);
    u.set("role", RoleLabel(a.role));
    u.set("municipality", a.municipality_id);
    u.set("institution", a.institution_id.empty() ? "—" : institution_name(a.institution_id));
    u.set("state", a.disabled ? "wyłączone" : "aktywne");
    users.push_back(u);
  }
  Data roles = MakeList();
  for (Role r : kAssignable) {
    Data o;
    o.set("value", RoleName(r));
    o.set("label", RoleLabel(r));
    o.set("selected", Data(First(form, "rola") == RoleName(r)));
    roles.push_back(o);
  }
  Data institutions = MakeList();
  if (municipality.ok()) {
    for (const InstitutionInfo& i : municipality->institutions) {
      Data o;
      o.set("value", i.id);
      o.set("label", i.name);
      o.set("selected", Data(First(form, "instytucja") == i.id));
      institutions.push_back(o);
    }
  }
  Data data;
  data.set("users", users);
  data.set("roles", roles);
  data.set("institutions", institutions);
  data.set("form_login", First(form, "login"));
  RenderPage(ex, t, {"Administracja – konta", "admin", std::move(notices), std::move(errors)},
             "admin_users", data, status);
}

void AddUser(Exchange& ex, const PageTemplates& t) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  FormValues form = ParseForm(*body);
  Result<Role> role = ParseRole(First(form, "rola"));
  std::vector<std::string> errors;
  if (!role.ok() ||
      std::find(std::begin(kAssignable), std::end(kAssignable), *role) == std::end(kAssignable)) {
    errors.push_back("Wybierz rolę z listy.");
  }
  NewAccount account;
  account.login = First(form, "login");
  account.password = First(form, "haslo");
  account.role = role.ok() ? *role : Role::kMember;
  account.municipality_id = ex.account().municipality_id;
  account.institution_id = First(form, "instytucja");
  if (role.ok() && *role == Role::kMember && account.institution_id.empty()) {
    errors.push_back("Członek zespołu musi mieć wybraną instytucję.");
  }
  if (role.ok() && *role != Role::kMember) account.institution_id.clear();
  if (account.password.size() < 8) errors.push_back("Hasło musi mieć co najmniej 8 znaków.");
  if (errors.empty()) {
    Backend* backend = ex.backend();
    if (!backend) return;
    Status added = backend->accounts->Add(account);
    if (added.ok()) {
      ShowUsers(ex, t, {}, {}, {"Dodano konto " + account.login + "."}, 201);
      return;
    }
    if (added.code() != Code::kDataError) {
      FailurePage(ex, t, added);
      return;
    }
    errors.push_back(
        "Nie dodano konta: login jest zajęty albo ma niedozwolone znaki (dozwolone: "
        "litery, cyfry, kropka, podkreślenie, myślnik).");
  }
  form.erase("haslo");
  ShowUsers(ex, t, form, errors, {}, 422);
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void ShowSettings(Exchange& ex, const PageTemplates& t) {
  Result<MunicipalityInfo> m = DescribeMunicipality(ex.backend_options().engine.municipalities_dir,
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
  Data data;
  data.set("institutions", institutions);
  data.set("params", params);
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
      DescribeMunicipality(o.engine.municipalities_dir, ex.account().municipality_id);
  if (m.ok()) {
    add(m->file, ValidateMunicipalityFile(m->file, o.engine.workflows_dir));
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
  router.Add(PageRoute("GET", "/admin/uzytkownicy", R{Role::kAdmin},
                       [t](Exchange& ex) { ShowUsers(ex, *t, {}, {}, {}, 200); }));
  router.Add(PageRoute("POST", "/admin/uzytkownicy", R{Role::kAdmin},
                       [t](Exchange& ex) { AddUser(ex, *t); }));
  router.Add(PageRoute("GET", "/admin/ustawienia", R{Role::kAdmin},
                       [t](Exchange& ex) { ShowSettings(ex, *t); }));
  router.Add(PageRoute("GET", "/admin/walidacja", R{Role::kAdmin},
                       [t](Exchange& ex) { ShowValidation(ex, *t); }));
}

}  // namespace koop::server::pages
