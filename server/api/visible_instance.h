// The one tenant-scoped look-up of the instance named by a route's {id}: the API's instance and
// pack handlers call it, so an id of another municipality's instance (or of one a member's
// institution does not work on) is the same 404 as an id that does not exist.
#pragma once

#include <optional>

#include "koop/directory.h"
#include "server/backends.h"
#include "server/exchange.h"

namespace koop::server {

// The instance if the account may see it; otherwise answers (404, or the directory's error) and
// returns nullopt.
std::optional<InstanceListing> VisibleInstanceOrAnswer(Exchange& ex, Backend* backend);

}  // namespace koop::server
