#include "server/access_policy.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <sstream>

namespace koop::server {

TenantScope ScopeFor(const Account& account, const WorkflowCatalog& catalog) {
  TenantScope scope;
  if (account.role == Role::kRops) {
    // A region is named by TERYT digits; an account without digits follows nothing.
    scope.teryt_prefix = account.municipality_id;
    if (scope.teryt_prefix.empty() ||
        scope.teryt_prefix.find_first_not_of("0123456789") != std::string::npos) {
      scope.teryt_prefix = "-";
    }
  } else {
    scope.municipalities = {account.municipality_id};
  }
  if (account.role == Role::kMember) {
    scope.institution = account.institution_id.empty() ? "-" : account.institution_id;
  }
  scope.team_fields = catalog.team_fields();
  return scope;
}

bool MayStart(const Account& account, const std::string& municipality_id) {
  return (account.role == Role::kCoordinator || account.role == Role::kAdmin) &&
         municipality_id == account.municipality_id;
}

bool MayFire(const Account& account, const WorkflowInfo& workflow, const std::string& event) {
  if (account.role == Role::kRops || account.role == Role::kAuditor) return false;
  const EventInfo* info = workflow.FindEvent(event);
  std::vector<std::string> by;
  if (info) by = info->by;
  if (by.empty()) by = {"coordinator"};
  std::string role = account.role == Role::kAdmin ? "coordinator" : RoleName(account.role);
  return std::find(by.begin(), by.end(), role) != by.end() ||
         std::find(by.begin(), by.end(), std::string(RoleName(account.role))) != by.end();
}

bool MayReadPacks(const Account& account) { return RoleSeesPersonalData(account.role); }

std::string InstanceDocumentFor(const Account& account, const InstanceView& view,
                                const WorkflowInfo* workflow, std::vector<std::string>* shown) {
  shown->clear();
  std::string json = InstanceViewToJson(view);
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr root = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Object::Ptr data = root->getObject("data");
  // Without the workflow's declarations nothing can be told apart: all data is withheld.
  if (!workflow) {
    if (data) root->set("data", Poco::JSON::Object::Ptr(new Poco::JSON::Object));
  } else if (data) {
    for (const std::string& field : workflow->PersonalRoots()) {
      if (!data->has(field)) continue;
      if (data->isNull(field)) continue;  // declared but empty: nothing personal is shown
      if (RoleSeesPersonalData(account.role)) {
        shown->push_back(field);
      } else {
        data->remove(field);
      }
    }
  }
  std::ostringstream out;
  root->stringify(out);
  return out.str();
}

}  // namespace koop::server
