// Accounts of the administrator's municipality (admin role), through the engine's koop::Accounts
// (the same calls as `koop user add|passwd|disable`):
//   GET  /admin/uzytkownicy          the accounts, a new-account form, a new-password form
//   POST /admin/uzytkownicy          a new account
//   POST /admin/uzytkownicy/wylacz   disable an account (its sessions and feed address end),
//                                    after a confirmation page (potwierdzenie=tak)
//   POST /admin/uzytkownicy/haslo    a new password for an account (its sessions end)
// Logins travel in POST bodies only. An account of another municipality does not exist here.
// Disabling cannot be undone (the engine has no "enable"): a returning person gets a new account.
#include <algorithm>

#include "koop/municipality.h"
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

struct UsersView {
  FormValues form;  // the new-account form as typed (without the password)
  std::vector<std::string> errors;
  std::vector<std::string> notices;
  int status = 200;
};

Data Option(const std::string& value, const std::string& label, bool selected) {
  Data o;
  o.set("value", value);
  o.set("label", label);
  o.set("selected", Data(selected));
  return o;
}

void ShowUsers(Exchange& ex, const PageTemplates& t, const UsersView& view) {
  Backend* backend = ex.backend();
  if (!backend) return;
  const Account& admin = ex.account();
  Result<std::vector<Account>> accounts = backend->accounts->List();
  if (!accounts.ok()) {
    FailurePage(ex, t, accounts.status());
    return;
  }
  Result<MunicipalityInfo> municipality =
      DescribeMunicipality(ex.backend_options().database.municipalities_dir, admin.municipality_id);
  auto institution_name = [&](const std::string& id) {
    if (!municipality.ok()) return id;
    for (const InstitutionInfo& i : municipality->institutions) {
      if (i.id == id) return i.name;
    }
    return id;
  };
  Data users = MakeList();
  Data active = MakeList();
  for (const Account& a : *accounts) {
    if (a.municipality_id != admin.municipality_id) continue;  // the tenant: own municipality
    Data u;
    u.set("login", a.login);
    u.set("role", RoleLabel(a.role));
    u.set("municipality", a.municipality_id);
    u.set("institution", a.institution_id.empty() ? "—" : institution_name(a.institution_id));
    u.set("state", a.disabled ? "wyłączone" : "aktywne");
    u.set("self", Data(a.login == admin.login));
    u.set("may_disable", Data(!a.disabled && a.login != admin.login));
    users.push_back(u);
    if (!a.disabled) active.push_back(Option(a.login, a.login, false));
  }
  Data roles = MakeList();
  for (Role r : kAssignable) {
    roles.push_back(Option(RoleName(r), RoleLabel(r), First(view.form, "rola") == RoleName(r)));
  }
  Data institutions = MakeList();
  if (municipality.ok()) {
    for (const InstitutionInfo& i : municipality->institutions) {
      institutions.push_back(Option(i.id, i.name, First(view.form, "instytucja") == i.id));
    }
  }
  Data data;
  data.set("users", users);
  data.set("active", active);
  data.set("roles", roles);
  data.set("institutions", institutions);
  data.set("form_login", First(view.form, "login"));
  RenderPage(ex, t, {"Administracja – konta", "admin", view.notices, view.errors}, "admin_users",
             data, view.status);
}

void AddUser(Exchange& ex, const PageTemplates& t) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  UsersView view;
  view.form = ParseForm(*body);
  Result<Role> role = ParseRole(First(view.form, "rola"));
  if (!role.ok() ||
      std::find(std::begin(kAssignable), std::end(kAssignable), *role) == std::end(kAssignable)) {
    view.errors.push_back("Wybierz rolę z listy.");
  }
  NewAccount account;
  account.login = First(view.form, "login");
  account.password = First(view.form, "haslo");
  account.role = role.ok() ? *role : Role::kMember;
  account.municipality_id = ex.account().municipality_id;
  account.institution_id = First(view.form, "instytucja");
  if (role.ok() && *role == Role::kMember && account.institution_id.empty()) {
    view.errors.push_back("Członek zespołu musi mieć wybraną instytucję.");
  }
  if (role.ok() && *role != Role::kMember) account.institution_id.clear();
  if (account.password.size() < 8) view.errors.push_back("Hasło musi mieć co najmniej 8 znaków.");
  if (view.errors.empty()) {
    Backend* backend = ex.backend();
    if (!backend) return;
    Status added = backend->accounts->Add(account);
    if (added.ok()) {
      ShowUsers(ex, t, {{}, {}, {"Dodano konto " + account.login + "."}, 201});
      return;
    }
    if (added.code() != Code::kDataError) {
      FailurePage(ex, t, added);
      return;
    }
    view.errors.push_back(
        "Nie dodano konta: login jest zajęty albo ma niedozwolone znaki (dozwolone: "
        "litery, cyfry, kropka, podkreślenie, myślnik).");
  }
  view.form.erase("haslo");
  view.status = 422;
  ShowUsers(ex, t, view);
}

// The account named by the form's "login" if it belongs to the admin's municipality; otherwise
// answers the page with the error itself.
std::optional<Account> OwnAccount(Exchange& ex, const PageTemplates& t, const FormValues& form) {
  Backend* backend = ex.backend();
  if (!backend) return std::nullopt;
  Result<Account> found = backend->accounts->Find(First(form, "login"));
  if (!found.ok() && found.status().code() != Code::kNoInput) {
    FailurePage(ex, t, found.status());
    return std::nullopt;
  }
  if (!found.ok() || found->municipality_id != ex.account().municipality_id) {
    ShowUsers(ex, t, {{}, {"Nie ma takiego konta w tej gminie."}, {}, 404});
    return std::nullopt;
  }
  return *found;
}

void DisableUser(Exchange& ex, const PageTemplates& t) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  FormValues form = ParseForm(*body);
  std::optional<Account> account = OwnAccount(ex, t, form);
  if (!account) return;
  if (account->login == ex.account().login) {
    ShowUsers(ex, t, {{}, {"Nie można wyłączyć własnego konta."}, {}, 422});
    return;
  }
  if (account->disabled) {
    ShowUsers(ex, t, {{}, {}, {"Konto " + account->login + " jest już wyłączone."}, 200});
    return;
  }
  if (First(form, "potwierdzenie") != "tak") {
    // It cannot be undone: asked once more, on a page of its own (no script needed).
    Data data;
    data.set("question", "Czy na pewno wyłączyć konto " + account->login + "?");
    data.set("consequence",
             "Wszystkie sesje konta zostaną zakończone, a jego adres kalendarza unieważniony. "
             "Wyłączenia nie można cofnąć.");
    data.set("action", "/admin/uzytkownicy/wylacz");
    data.set("login", account->login);
    data.set("confirm_label", "Wyłącz konto " + account->login);
    RenderPage(ex, t, {"Wyłączenie konta", "admin", {}, {}}, "admin_confirm", data);
    return;
  }
  Status disabled = ex.backend()->accounts->Disable(account->login);
  if (!disabled.ok()) {
    FailurePage(ex, t, disabled);
    return;
  }
  ShowUsers(ex, t, {{}, {}, {"Wyłączono konto " + account->login + "."}, 200});
}

void SetUserPassword(Exchange& ex, const PageTemplates& t) {
  std::optional<std::string> body = ex.Body();
  if (!body) return;
  FormValues form = ParseForm(*body);
  std::string password = First(form, "haslo");
  if (password.size() < 8) {
    ShowUsers(ex, t, {{}, {"Hasło musi mieć co najmniej 8 znaków."}, {}, 422});
    return;
  }
  std::optional<Account> account = OwnAccount(ex, t, form);
  if (!account) return;
  if (account->disabled) {
    ShowUsers(ex, t, {{}, {"Konto " + account->login + " jest wyłączone."}, {}, 422});
    return;
  }
  Status set = ex.backend()->accounts->SetPassword(account->login, password);
  if (!set.ok()) {
    if (set.code() == Code::kDataError) {
      ShowUsers(ex, t, {{}, {"Tego hasła nie można użyć."}, {}, 422});
    } else {
      FailurePage(ex, t, set);
    }
    return;
  }
  ShowUsers(
      ex, t,
      {{}, {}, {"Ustawiono nowe hasło konta " + account->login + "; jego sesje zakończono."}, 200});
}

}  // namespace

void RegisterAdminUserRoutes(Router& router, Templates t) {
  using R = std::vector<Role>;
  router.Add(RolePageRoute("GET", "/admin/uzytkownicy", R{Role::kAdmin}, t,
                           [t](Exchange& ex) { ShowUsers(ex, *t, {}); }));
  router.Add(RolePageRoute("POST", "/admin/uzytkownicy", R{Role::kAdmin}, t,
                           [t](Exchange& ex) { AddUser(ex, *t); }));
  router.Add(RolePageRoute("POST", "/admin/uzytkownicy/wylacz", R{Role::kAdmin}, t,
                           [t](Exchange& ex) { DisableUser(ex, *t); }));
  router.Add(RolePageRoute("POST", "/admin/uzytkownicy/haslo", R{Role::kAdmin}, t,
                           [t](Exchange& ex) { SetUserPassword(ex, *t); }));
}

}  // namespace koop::server::pages
