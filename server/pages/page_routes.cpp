// The web application's pages (issue #14, engineer "web"): add page routes here, one file per
// page under server/pages/. Each route passes through the same Router checks as the API; page
// routes set `sign_in_redirect` so a browser without a session is sent to the sign-in page.
#include "server/routes.h"

namespace koop::server {

void RegisterPageRoutes(Router& /*router*/, const ServerConfig& /*config*/) {}

}  // namespace koop::server
