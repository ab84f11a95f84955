#include "server/api/api.h"

#include "server/routes.h"

namespace koop::server {

void RegisterApiRoutes(Router& router, const ServerConfig& /*config*/) {
  RegisterSessionRoutes(router);
  RegisterInstanceRoutes(router);
  RegisterDeadlineRoutes(router);
  RegisterPackRoutes(router);
  RegisterWorkflowRoutes(router);
}

}  // namespace koop::server
