// WorkflowCatalog: the workflows the server serves, described once (koop/workflow_info.h) and
// kept for the life of the process. Loaded at start from the workflows folder (ID.scxml / ID.xml)
// so the access policy knows every workflow's team field before the first request. Thread-safe
// (immutable after Load).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "koop/status.h"
#include "koop/workflow_info.h"

namespace koop::server {

class WorkflowCatalog {
 public:
  // Describes every workflow file in `dir`; a file that does not load is reported on stderr and
  // left out (its instances are then hidden from members: the policy fails closed).
  static std::shared_ptr<const WorkflowCatalog> Load(const std::string& dir);

  // Null when the workflow is unknown.
  const WorkflowInfo* Find(const std::string& workflow_id) const;
  // The file a workflow id was loaded from ("" when unknown).
  std::string PathOf(const std::string& workflow_id) const;
  // workflow id -> team field name ("" = none), for TenantScope.
  const std::map<std::string, std::string>& team_fields() const { return team_fields_; }
  std::vector<std::string> ids() const;

 private:
  std::map<std::string, std::shared_ptr<const WorkflowInfo>> by_id_;
  std::map<std::string, std::string> paths_;
  std::map<std::string, std::string> team_fields_;
};

}  // namespace koop::server
