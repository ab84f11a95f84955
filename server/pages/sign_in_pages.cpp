// Sign-in, sign-out and change of password:
//   GET/POST /logowanie, POST /wyloguj, GET/POST /haslo.
// The sign-in form carries no CSRF token (there is no session yet); the router refuses a POST
// from another site by its Origin. Failures say the same whether the login exists or not.
#include "server/pages/pages.h"

namespace koop::server::pages {
namespace {

void SignInForm(Exchange& ex, const PageTemplates& t, int status, const std::string& login,
                std::vector<std::string> errors, std::vector<std::string> notices = {}) {
  Data data;
  data.set("login", login);
  RenderPage(ex, t, {"Logowanie", "", std::move(notices), std::move(errors)}, "sign_in", data,
             status);
}

void ShowSignIn(Exchange& ex, const PageTemplates& t) {
  std::vector<std::string> notices;
  if (ex.Query("wylogowano") == "1") notices.push_back("Wylogowano.");
  if (ex.Query("haslo") == "1")
    notices.push_back("Hasło zostało zmienione. Zaloguj się nowym hasłem.");
  SignInForm(ex, t, 200, "", {}, notices);
}

void SignIn(Exchange& ex, const PageTemplates& t) {
  std::string login = ex.FormField("login");
  std::string password = ex.FormField("haslo");
  if (ex.answered()) return;  // body too large or malformed: answered by FormField
  if (login.empty() || password.empty()) {
    SignInForm(ex, t, 400, login, {"Podaj login i hasło."});
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<SignInOutcome> outcome = backend->accounts->SignIn(login, password, ex.client_address());
  if (!outcome.ok()) {
    ex.DiscardBackend();
    FailurePage(ex, t, outcome.status());
    return;
  }
  switch (outcome->result) {
    case SignInResult::kOk:
      ex.SetSessionCookie(outcome->session.token);
      ex.Redirect("/zadania");
      return;
    case SignInResult::kThrottled:
      SignInForm(ex, t, 429, login,
                 {"Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za kilkanaście minut."});
      return;
    case SignInResult::kBadCredentials:
      SignInForm(ex, t, 401, login, {"Nieprawidłowy login lub hasło."});
      return;
  }
}

void SignOut(Exchange& ex, const PageTemplates& t) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Status s = backend->accounts->SignOut(ex.Cookie(kSessionCookie));
  if (!s.ok()) {
    FailurePage(ex, t, s);
    return;
  }
  ex.SetSessionCookie("");
  ex.Redirect("/logowanie?wylogowano=1");
}

void PasswordForm(Exchange& ex, const PageTemplates& t, int status,
                  std::vector<std::string> errors) {
  RenderPage(ex, t, {"Zmiana hasła", "", {}, std::move(errors)}, "password", Data(), status);
}

void ChangePassword(Exchange& ex, const PageTemplates& t) {
  std::string current = ex.FormField("obecne");
  std::string fresh = ex.FormField("nowe");
  std::string again = ex.FormField("powtorz");
  if (ex.answered()) return;
  if (fresh != again) {
    PasswordForm(ex, t, 422, {"Nowe hasło i jego powtórzenie różnią się."});
    return;
  }
  if (fresh.size() < 8) {
    PasswordForm(ex, t, 422, {"Nowe hasło musi mieć co najmniej 8 znaków."});
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  const std::string& login = ex.account().login;
  // The current password is checked by a sign-in (counted by the throttle like any other);
  // the session it opens is closed at once.
  Result<SignInOutcome> check = backend->accounts->SignIn(login, current, ex.client_address());
  if (!check.ok()) {
    FailurePage(ex, t, check.status());
    return;
  }
  if (check->result != SignInResult::kOk) {
    PasswordForm(ex, t, 422,
                 {check->result == SignInResult::kThrottled
                      ? "Zbyt wiele nieudanych prób. Spróbuj ponownie za kilkanaście minut."
                      : "Obecne hasło jest nieprawidłowe."});
    return;
  }
  Status closed = backend->accounts->SignOut(check->session.token);
  if (!closed.ok()) {
    FailurePage(ex, t, closed);
    return;
  }
  Status s = backend->accounts->SetPassword(login, fresh);
  if (!s.ok()) {
    if (s.code() == Code::kDataError) {
      PasswordForm(ex, t, 422, {"Tego hasła nie można użyć: musi mieć co najmniej 8 znaków."});
    } else {
      FailurePage(ex, t, s);
    }
    return;
  }
  RenderPage(ex, t, {"Zmiana hasła", "", {"Hasło zostało zmienione."}, {}}, "message",
             Data("message", "Od następnego logowania używaj nowego hasła."));
}

}  // namespace

void RegisterSignInRoutes(Router& router, Templates t) {
  router.Add(
      {"GET", "/logowanie", Access::kPublic, {}, [t](Exchange& ex) { ShowSignIn(ex, *t); }, ""});
  router.Add(
      {"POST", "/logowanie", Access::kPublic, {}, [t](Exchange& ex) { SignIn(ex, *t); }, ""});
  router.Add(PageRoute("POST", "/wyloguj", {}, [t](Exchange& ex) { SignOut(ex, *t); }));
  router.Add(PageRoute("GET", "/haslo", {}, [t](Exchange& ex) { PasswordForm(ex, *t, 200, {}); }));
  router.Add(PageRoute("POST", "/haslo", {}, [t](Exchange& ex) { ChangePassword(ex, *t); }));
}

}  // namespace koop::server::pages
