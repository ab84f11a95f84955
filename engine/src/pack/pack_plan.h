// Finding a workflow's definition file and the <k:pack> declared in it.
#pragma once

#include <memory>
#include <string>

#include "koop/status.h"
#include "model/chart.h"

namespace koop::pack {

// DIR/ID.scxml, then DIR/ID.xml, or `id` itself when it is an existing path; kNoInput naming the
// places tried.
Result<std::string> FindWorkflowFile(const std::string& dir, const std::string& id);

struct PackRef {
  std::shared_ptr<const model::Chart> chart;  // keeps `pack` and `state` alive
  const model::KoopPack* pack = nullptr;
  const model::State* state = nullptr;
};

// Loads the chart and finds pack `pack_id`; kNoInput listing the packs there are when unknown.
Result<PackRef> FindPack(const std::string& workflow_path, const std::string& pack_id);

}  // namespace koop::pack
