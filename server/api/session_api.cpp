// GET /healthz, POST and DELETE /api/v1/session, GET /api/v1/me.
#include <Poco/JSON/Object.h>

#include <sstream>

#include "server/api/api.h"
#include "server/api/json_body.h"

namespace koop::server {
namespace {

std::string MeJson(const Session& session) {
  Poco::JSON::Object o;
  o.set("login", session.account.login);
  o.set("role", std::string(RoleName(session.account.role)));
  o.set("municipality", session.account.municipality_id);
  o.set("institution", session.account.institution_id);
  o.set("personal_data", RoleSeesPersonalData(session.account.role));
  o.set("csrf_token", session.csrf_token);
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

void Health(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Status ping = backend->accounts->Ping();
  if (!ping.ok()) {
    ex.DiscardBackend();
    ex.Problem(ProblemKind::kUnavailable, "the database cannot be reached");
    return;
  }
  ex.Json(200, "{\"status\":\"ok\",\"schema_version\":" +
                   std::to_string(backend->accounts->schema_version()) + "}");
}

void SignIn(Exchange& ex) {
  std::optional<Poco::JSON::Object::Ptr> body = ReadJsonObject(ex);
  if (!body) return;
  std::optional<std::string> login = StringMember(ex, *body, "login");
  if (!login) return;
  std::optional<std::string> password = StringMember(ex, *body, "password");
  if (!password) return;
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<SignInOutcome> outcome = backend->accounts->SignIn(*login, *password, ex.client_address());
  if (!outcome.ok()) {
    ex.DiscardBackend();
    ex.ProblemFor(outcome.status());
    return;
  }
  switch (outcome->result) {
    case SignInResult::kOk:
      ex.SetSessionCookie(outcome->session.token);
      ex.SetHeader("X-CSRF-Token", outcome->session.csrf_token);
      ex.Json(201, MeJson(outcome->session));
      return;
    case SignInResult::kThrottled: {
      TimeMs wait = outcome->retry_after - SystemClock()->NowMs();
      ex.SetHeader("Retry-After", std::to_string(wait > 0 ? (wait + 999) / 1000 : 1));
      ex.Problem(ProblemKind::kThrottled, "too many failed sign-ins; try again later");
      return;
    }
    case SignInResult::kBadCredentials:
      ex.Problem(ProblemKind::kUnauthorized, "wrong login or password");
      return;
  }
}

void SignOut(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Status s = backend->accounts->SignOut(ex.Cookie(kSessionCookie));
  if (!s.ok()) {
    ex.ProblemFor(s);
    return;
  }
  ex.SetSessionCookie("");
  ex.Send(204, "text/plain", "");
}

void Me(Exchange& ex) {
  ex.SetHeader("X-CSRF-Token", ex.session()->csrf_token);
  ex.Json(200, MeJson(*ex.session()));
}

}  // namespace

void RegisterSessionRoutes(Router& router) {
  router.Add({"GET", "/healthz", Access::kPublic, {}, Health, ""});
  router.Add({"POST", "/api/v1/session", Access::kPublic, {}, SignIn, ""});
  router.Add({"DELETE", "/api/v1/session", Access::kSignedIn, {}, SignOut, ""});
  router.Add({"GET", "/api/v1/me", Access::kSignedIn, {}, Me, ""});
}

}  // namespace koop::server
