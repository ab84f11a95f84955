#include "pack/pack_plan.h"

#include <filesystem>

#include "koop/pack.h"
#include "model/loader.h"

namespace koop::pack {

namespace fs = std::filesystem;

Result<std::string> FindWorkflowFile(const std::string& dir, const std::string& id) {
  if (fs::is_regular_file(id)) return id;
  std::string tried;
  for (const char* ext : {".scxml", ".xml"}) {
    fs::path p = fs::path(dir) / (id + ext);
    if (fs::is_regular_file(p)) return p.string();
    tried += (tried.empty() ? "" : ", ") + p.string();
  }
  return Status::NoInput("workflow '" + id + "' not found (tried " + tried + ")");
}

Result<PackRef> FindPack(const std::string& workflow_path, const std::string& pack_id) {
  auto chart = model::LoadChart(workflow_path);
  if (!chart.ok()) return chart.status();
  PackRef ref;
  ref.chart = *chart;
  std::string known;
  for (const auto& st : ref.chart->states) {
    for (const auto& p : st.packs) {
      if (p.id == pack_id) {
        ref.pack = &p;
        ref.state = &st;
        return ref;
      }
      known += (known.empty() ? "" : ", ") + p.id;
    }
  }
  return Status::NoInput(workflow_path + ": no pack '" + pack_id + "' (packs: " + known + ")");
}

}  // namespace koop::pack

namespace koop {

Result<std::vector<PackListing>> ListPacks(const std::string& workflow_path) {
  auto chart = model::LoadChart(workflow_path);
  if (!chart.ok()) return chart.status();
  std::vector<PackListing> out;
  for (const auto& st : (*chart)->states) {
    for (const auto& p : st.packs) out.push_back({p.id, p.title, st.id, st.title});
  }
  return out;
}

}  // namespace koop
