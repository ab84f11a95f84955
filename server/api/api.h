// The JSON API's route groups, one file each under server/api/; RegisterApiRoutes (api.cpp)
// adds them all.
#pragma once

#include "server/router.h"
#include "server/server_config.h"

namespace koop::server {

void RegisterSessionRoutes(Router& router);
void RegisterInstanceRoutes(Router& router);
void RegisterDeadlineRoutes(Router& router);
void RegisterPackRoutes(Router& router);
void RegisterWorkflowRoutes(Router& router);

}  // namespace koop::server
