// The page of one case or partnership (GET /sprawy/{id}): facts, the actions of the current stage
// with their generated forms, deadlines with why each date fell where it did, document packs,
// the data the account may see, the timeline and the diagram. The action handlers
// (case_actions.cpp) show it again with a refusal at the form the person used.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "koop/directory.h"
#include "server/pages/event_forms.h"
#include "server/pages/pages.h"

namespace koop::server::pages {

// What the person just did on the page, shown where they did it.
struct CaseFormState {
  std::string event;                 // the action whose form is shown open again
  FormValues submitted;              // what they typed (kept, never put in a URL)
  std::vector<std::string> refusal;  // why it was not done (Polish)
  std::string notice;                // what was done (after the redirect of a success)
};

// The instance if the account may see it; otherwise answers the 404 page itself (also for
// another tenant's instance: it does not exist for them).
std::optional<InstanceListing> VisibleInstance(Exchange& ex, const PageTemplates& t);

void RenderCase(Exchange& ex, const PageTemplates& t, const InstanceListing& listing,
                const CaseFormState* state, int status);

}  // namespace koop::server::pages
