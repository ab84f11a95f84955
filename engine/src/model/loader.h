// Loading a workflow or test chart: XML (libxml2, no network, no entities, no DTD; a DOCTYPE is
// rejected) -> schema checks (SCXML + koop) -> semantic checks -> immutable Chart. Every problem
// found is reported, all at once, one per line as "file:line:col: message" in a kDataError Status.
// Thread-safe: a load touches no shared state.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "koop/status.h"
#include "model/chart.h"

namespace koop::model {

// Callers (the `validate` command, the durable layer) plug in checks for things the chart only
// names. Each hook returns an error message (without the place) or nullopt when all is well;
// a null hook accepts everything.
struct ValidationHooks {
  std::function<std::optional<std::string>(const std::string& template_file)> check_template;
  std::function<std::optional<std::string>(const std::string& param_name)> check_param;
  std::function<std::optional<std::string>(const std::string& script_src)> check_rule;
};

struct LoadOptions {
  ValidationHooks hooks;
  std::size_t max_file_bytes = 8u << 20;  // larger files are refused
  std::size_t max_states = 20000;         // a definition with more states is refused
  std::size_t max_attribute_bytes = 1u << 20;
  bool load_sub_documents = true;  // <invoke src="file:..."> and <data src>, relative to the file
  bool warn_unreachable = true;    // unreachable states are reported as errors
  // When set, every src is looked up here instead of on disk (a definition stored with its
  // files); a src missing from it is an error.
  const IncludedFiles* stored_files = nullptr;
};

// One problem found by the loader.
struct Diagnostic {
  std::string file;
  SourcePos pos;
  std::string message;
  std::string ToString() const;  // "file:line:col: message"
};

// Loads and checks the chart in `path`.
Result<std::shared_ptr<const Chart>> LoadChart(const std::string& path,
                                               const LoadOptions& options = {});

// Loads a chart from memory; `name` stands for the file in messages and `base_dir` resolves
// relative src attributes.
Result<std::shared_ptr<const Chart>> LoadChartFromString(const std::string& xml,
                                                         const std::string& name,
                                                         const std::string& base_dir,
                                                         const LoadOptions& options = {});

}  // namespace koop::model
