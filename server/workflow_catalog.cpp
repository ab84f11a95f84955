#include "server/workflow_catalog.h"

#include <algorithm>
#include <filesystem>

#include "server/server_log.h"

namespace koop::server {

std::shared_ptr<const WorkflowCatalog> WorkflowCatalog::Load(const std::string& dir) {
  auto catalog = std::make_shared<WorkflowCatalog>();
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".scxml" || ext == ".xml"))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    Result<std::shared_ptr<const WorkflowInfo>> info = DescribeWorkflow(path.string());
    if (!info.ok()) {
      LogWarning("workflow " + path.filename().string() + " left out: " + info.status().message());
      continue;
    }
    const std::string id = (*info)->id.empty() ? path.stem().string() : (*info)->id;
    if (catalog->by_id_.count(id)) continue;
    const FieldInfo* team = (*info)->TeamField();
    catalog->team_fields_[id] = team ? team->name : "";
    catalog->paths_[id] = path.string();
    catalog->by_id_[id] = *info;
  }
  return catalog;
}

const WorkflowInfo* WorkflowCatalog::Find(const std::string& workflow_id) const {
  auto it = by_id_.find(workflow_id);
  return it == by_id_.end() ? nullptr : it->second.get();
}

std::string WorkflowCatalog::PathOf(const std::string& workflow_id) const {
  auto it = paths_.find(workflow_id);
  return it == paths_.end() ? "" : it->second;
}

std::vector<std::string> WorkflowCatalog::ids() const {
  std::vector<std::string> out;
  for (const auto& kv : by_id_) out.push_back(kv.first);
  return out;
}

}  // namespace koop::server
