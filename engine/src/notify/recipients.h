// Who gets a reminder: the roles a deadline names ("coordinator", "ggk.member") resolved in the
// institution registry of the instance's municipality (its stored copy). Only e-mail addresses
// leave this function — never a contact's name (RODO) — and a role nobody holds, or that has no
// address, goes to the log channel under the role's name so it is not lost silently.
#pragma once

#include <string>
#include <vector>

#include "koop/status.h"

namespace koop::notify {

struct Recipient {
  std::string role;
  std::string email;  // empty: no address known, deliver to the log
};

// `roles_json`: the deadline row's JSON array of roles; `municipality_json`: the instance's copy
// of its municipality. Addresses are unique per role, in registry order. kDataError naming
// `source` ("deadline D of instance X") when either is unreadable or the registry is malformed:
// nothing is sent then, rather than every role going to the log.
Result<std::vector<Recipient>> ResolveRecipients(const std::string& roles_json,
                                                 const std::string& municipality_json,
                                                 const std::string& source);

}  // namespace koop::notify
