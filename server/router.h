// Router: the table of routes and the one place every request passes through. Before a handler
// runs, Dispatch has (in this order) matched the method and path, refused a state-changing
// request from another site (Origin / Sec-Fetch-Site), found the session for routes that need
// one, checked the route's roles and, for state-changing requests of a session, the CSRF token
// (X-CSRF-Token header, or the `_csrf` field of a form). A handler therefore cannot forget them;
// what a role may see of an instance is decided in access_policy.h, also called by handlers only
// through its functions.
//
// Registering routes (the API in server/api/, the web pages in server/pages/):
//   router.Add({"GET", "/api/v1/instances/{id}", Access::kSignedIn, {}, ShowInstance});
// A `{name}` segment matches one non-empty path segment (percent-decoded; a segment that decodes
// to "/", "." or ".." never matches). Routes are tried in the order added.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "koop/accounts.h"
#include "server/exchange.h"

namespace koop::server {

enum class Access {
  kPublic,    // anyone (sign-in, health, the .ics feed with its own token, static files)
  kSignedIn,  // a live session of an enabled account; 401 without one
};

using Handler = std::function<void(Exchange&)>;

struct Route {
  std::string method;   // "GET", "POST", "DELETE", ... (GET also answers HEAD)
  std::string pattern;  // "/api/v1/instances/{id}/events"
  Access access = Access::kSignedIn;
  std::vector<Role> roles;  // empty: every role
  Handler handler;
  // Where an unauthenticated browser is sent instead of a 401 ("" = answer 401 problem+json);
  // web pages set "/logowanie".
  std::string sign_in_redirect;
};

class Router {
 public:
  void Add(Route route);
  void Dispatch(Exchange& exchange) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace koop::server
