#include "server/api/visible_instance.h"

#include "server/access_policy.h"

namespace koop::server {

std::optional<InstanceListing> VisibleInstanceOrAnswer(Exchange& ex, Backend* backend) {
  Result<std::vector<InstanceListing>> found =
      backend->directory->FindInstance(ex.Param("id"), ScopeFor(ex.account(), ex.catalog()));
  if (!found.ok()) {
    ex.DiscardBackend();
    ex.ProblemFor(found.status());
    return std::nullopt;
  }
  if (found->empty()) {
    ex.Problem(ProblemKind::kNotFound, "no instance '" + ex.Param("id") + "'");
    return std::nullopt;
  }
  return found->front();
}

}  // namespace koop::server
