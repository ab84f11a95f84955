// The web application's routes (issue #14). Each page file registers its own; this file loads
// the templates once and holds what every page shares: the route shape and the error pages.
#include <algorithm>

#include "server/pages/pages.h"
#include "server/pages/polish.h"
#include "server/routes.h"
#include "server/server_log.h"

namespace koop::server {
namespace pages {

Route PageRoute(const char* method, const char* pattern, std::vector<Role> roles,
                std::function<void(Exchange&)> handler) {
  return Route{method,     pattern, Access::kSignedIn, std::move(roles), std::move(handler),
               kSignInPath};
}

Route RolePageRoute(const char* method, const char* pattern, std::vector<Role> roles, Templates t,
                    std::function<void(Exchange&)> handler) {
  return PageRoute(method, pattern, {},
                   [roles = std::move(roles), t, handler = std::move(handler)](Exchange& ex) {
                     if (std::find(roles.begin(), roles.end(), ex.account().role) == roles.end()) {
                       ForbiddenPage(ex, *t);
                       return;
                     }
                     handler(ex);
                   });
}

void ForbiddenPage(Exchange& ex, const PageTemplates& t) {
  Data data;
  data.set("message",
           "Ta strona nie jest dostępna dla Twojej roli (" + RoleLabel(ex.account().role) + ").");
  data.set("back_href", "/zadania");
  data.set("back_label", "Wróć do listy zadań");
  RenderPage(ex, t, {"Brak dostępu", "", {}, {}}, "message", data, 403);
}

void NotFoundPage(Exchange& ex, const PageTemplates& t) {
  Data data;
  data.set("message", "Nie ma takiej strony albo nie masz do niej dostępu.");
  data.set("back_href", "/zadania");
  data.set("back_label", "Wróć do listy zadań");
  RenderPage(ex, t, {"Nie znaleziono", "", {}, {}}, "message", data, 404);
}

void FailurePage(Exchange& ex, const PageTemplates& t, const Status& status) {
  LogError(status.message());
  bool unavailable = status.code() == Code::kIoError;
  if (unavailable) ex.DiscardBackend();
  Data data;
  data.set("message", unavailable
                          ? "Baza danych jest chwilowo niedostępna. Spróbuj ponownie za chwilę."
                          : "Wystąpił błąd serwera. Zgłoś go administratorowi, podając numer " +
                                ex.request_id() + ".");
  data.set("back_href", "/zadania");
  data.set("back_label", "Wróć do listy zadań");
  RenderPage(ex, t, {"Błąd", "", {}, {}}, "message", data, unavailable ? 503 : 500);
}

}  // namespace pages

void RegisterPageRoutes(Router& router, const ServerConfig& config) {
  std::string web_dir = config.web_dir.empty() ? KOOP_WEB_DIR : config.web_dir;
  Result<std::shared_ptr<const pages::PageTemplates>> loaded =
      pages::PageTemplates::Load(web_dir + "/templates");
  if (!loaded.ok()) {
    // The API still serves; the pages are absent (404) and the log says why.
    LogWarning("web pages disabled: " + loaded.status().message());
    return;
  }
  pages::Templates t = *loaded;
  pages::RegisterStaticRoutes(router, web_dir);
  pages::RegisterSignInRoutes(router, t);
  pages::RegisterTaskRoutes(router, t);
  pages::RegisterListRoutes(router, t);
  pages::RegisterStartRoutes(router, t);  // "/sprawy/nowa" before "/sprawy/{id}"
  pages::RegisterCaseRoutes(router, t);
  pages::RegisterCaseActionRoutes(router, t);
  pages::RegisterCalendarRoutes(router, t);
  pages::RegisterAdminRoutes(router, t);
  pages::RegisterAdminUserRoutes(router, t);
  router.Add({"GET", "/", Access::kPublic, {}, [](Exchange& ex) { ex.Redirect("/zadania"); }, ""});
}

}  // namespace koop::server
