// RenderPack on an instance of an Engine: what koop::Database::RenderPack does (koop/pack.h).
#pragma once

#include <string>

#include "koop/clock.h"
#include "koop/engine.h"
#include "koop/pack.h"

namespace koop::pack {

// Where the workflow files and municipality files are (the Database's options).
struct PackPlaces {
  std::string workflows_dir;
  std::string municipalities_dir;
};

Result<PackInfo> RenderPack(Engine& engine, const PackPlaces& places,
                            const std::string& instance_id, const std::string& pack_id,
                            const std::string& out_dir, TimeMs at, const PackOptions& options);

}  // namespace koop::pack
