// AccessPolicy: what each role may see and do (DESIGN.md §12), in one place. Handlers never
// decide access themselves: they ask for the account's scope (which instances exist for it), for
// the instance document as the account may see it, and whether it may fire an event or read a
// pack. The rules:
//   - the tenant is the account's municipality; a rops account's "municipality" is its region,
//     the first digits of the TERYT codes of the municipalities it follows;
//   - a member sees the instances whose team (the field declared team="true") lists its
//     institution, and every instance of a workflow without a team field (the partnerships);
//   - rops and auditor never receive personal fields (they are removed from the document and
//     the packs are closed to them); every response that carries a personal field is logged;
//   - events are fired by the roles the workflow names in <k:event by="...">, the coordinator
//     when it names none; admin may fire what the coordinator may; rops and auditor never.
#pragma once

#include <string>
#include <vector>

#include "koop/accounts.h"
#include "koop/directory.h"
#include "koop/engine.h"
#include "koop/workflow_info.h"
#include "server/workflow_catalog.h"

namespace koop::server {

TenantScope ScopeFor(const Account& account, const WorkflowCatalog& catalog);

bool MayStart(const Account& account, const std::string& municipality_id);
bool MayFire(const Account& account, const WorkflowInfo& workflow, const std::string& event);
// Packs hold personal data (filled forms): only roles that see personal fields.
bool MayReadPacks(const Account& account);

// The `koop show --json` document of the instance as the account may see it. `shown` receives
// the personal fields the document carries (for the access log).
std::string InstanceDocumentFor(const Account& account, const InstanceView& view,
                                const WorkflowInfo* workflow, std::vector<std::string>* shown);

}  // namespace koop::server
