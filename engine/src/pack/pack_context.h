// The data a pack's templates see (order of precedence in koop/pack.h).
#pragma once

#include <map>
#include <string>

#include "koop/clock.h"
#include "koop/engine.h"
#include "koop/pack.h"
#include "model/chart.h"
#include "pack/json_tree.h"

namespace koop::pack {

struct PackContext {
  JsonObject data;                               // merged data for every document
  std::map<std::string, std::string> templates;  // municipality's template overlay
};

Result<PackContext> BuildPackContext(const InstanceView& view, const model::Chart& chart, TimeMs at,
                                     const std::string& municipalities_dir);

}  // namespace koop::pack
