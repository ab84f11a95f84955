#include "engine_options.h"

#include <fstream>
#include <sstream>

#include "resource_dirs.h"

namespace koop::runner {

EngineOptions InstanceEngineOptions(const Invocation& inv, bool create_if_missing) {
  EngineOptions options;
  options.db_uri = inv.db_uri;
  options.create_if_missing = create_if_missing;
  options.workflows_dir = DirOrDefault(inv, Resource::kWorkflows);
  options.municipalities_dir = DirOrDefault(inv, Resource::kMunicipalities);
  options.actor = "cli";
  return options;
}

Result<std::unique_ptr<Engine>> OpenInstanceEngine(const Invocation& inv, bool create_if_missing) {
  return Engine::Open(InstanceEngineOptions(inv, create_if_missing));
}

Result<std::string> ReadDataOption(const Invocation& inv) {
  if (!inv.Has("data")) return std::string("{}");
  std::string path = inv.Get("data");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NoInput(path + ": cannot read the data file");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace koop::runner
