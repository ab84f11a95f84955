// The web application's pages (issue #14): server-rendered Polish HTML over the same engine API,
// access policy and router checks as the JSON API. One Register function per page file; each
// handler captures the shared templates. URLs never carry personal data: forms that send it are
// POSTed and answered with a redirect or the page itself.
#pragma once

#include <memory>

#include "server/pages/page_view.h"
#include "server/router.h"

namespace koop::server::pages {

using Templates = std::shared_ptr<const PageTemplates>;

// Where a browser without a session is sent.
inline constexpr const char* kSignInPath = "/logowanie";

void RegisterStaticRoutes(Router& router, const std::string& web_dir);
void RegisterSignInRoutes(Router& router, Templates templates);
void RegisterTaskRoutes(Router& router, Templates templates);
void RegisterListRoutes(Router& router, Templates templates);
void RegisterStartRoutes(Router& router, Templates templates);  // before the case routes
void RegisterCaseRoutes(Router& router, Templates templates);
void RegisterCaseActionRoutes(Router& router, Templates templates);
void RegisterCalendarRoutes(Router& router, Templates templates);
void RegisterAdminRoutes(Router& router, Templates templates);
void RegisterAdminUserRoutes(Router& router, Templates templates);

// Cases are the workflows with a team field; partnerships the others.
bool IsCaseWorkflow(const WorkflowCatalog& catalog, const std::string& workflow_id);

// A page route: signed in, browsers without a session are sent to the sign-in page.
Route PageRoute(const char* method, const char* pattern, std::vector<Role> roles,
                std::function<void(Exchange&)> handler);
// A page route for some roles only: another signed-in role gets the Polish 403 page (the router
// would answer a JSON problem). Sign-in, CSRF and Origin checks stay the router's.
Route RolePageRoute(const char* method, const char* pattern, std::vector<Role> roles,
                    Templates templates, std::function<void(Exchange&)> handler);

// The 404/403 page in Polish (also for an instance the account may not see: it does not exist
// for them).
void NotFoundPage(Exchange& ex, const PageTemplates& templates);
// A failure of the engine or the database: 500/503 with a Polish message; the detail goes to the
// server log, never to the page (it may name files).
// 403 in Polish: the page exists, the account's role may not use it.
void ForbiddenPage(Exchange& ex, const PageTemplates& templates);
void FailurePage(Exchange& ex, const PageTemplates& templates, const Status& status);

}  // namespace koop::server::pages
