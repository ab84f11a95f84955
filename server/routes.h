// The route tables: the JSON API (server/api/, owned with the server) and the web pages
// (server/pages/, registered by RegisterPageRoutes in server/pages/page_routes.cpp). Both add
// to the same Router, so pages pass through the same sign-in and access checks as the API.
#pragma once

#include "server/router.h"
#include "server/server_config.h"

namespace koop::server {

void RegisterApiRoutes(Router& router, const ServerConfig& config);
void RegisterPageRoutes(Router& router, const ServerConfig& config);

}  // namespace koop::server
