#include "instance/instance_definitions.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <filesystem>
#include <map>

#include "koop/file_env.h"
#include "model/loader.h"

namespace koop::exec {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path) {
  return DefaultFileEnv().ReadFile(path, model::LoadOptions{}.max_file_bytes);
}

}  // namespace

std::string WorkflowIdOf(const model::Chart& chart) {
  if (!chart.name.empty()) return chart.name;
  return fs::path(chart.file).stem().string();
}

std::string WorkflowVersionOf(const model::Chart& chart) {
  return chart.version.empty() ? "1" : chart.version;
}

Result<std::string> DefinitionHash(const std::string& source, const model::Chart& chart) {
  // The chart's text plus the text of every rule file it includes, as the loader read them
  // (resolved against the workflow's folder, not the current directory).
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(source);
  std::map<std::string, const std::string*> files;
  for (const model::CodeUnit& unit : chart.code) {
    if (!unit.file.empty() && unit.file != chart.file) files.emplace(unit.file, &unit.text);
  }
  for (const auto& [file, text] : files) {
    sha.update(std::string(1, '\0') + fs::path(file).filename().string() + '\0');
    sha.update(*text);
  }
  // <data src> and <invoke src> files too (after the scripts, so that the hash of a definition
  // without them is what it was before they were counted).
  for (const auto& [name, text] : chart.included) {
    if (files.count(name) != 0) continue;
    sha.update(std::string("\0src\0") + name + '\0');
    sha.update(text);
  }
  return Poco::DigestEngine::digestToHex(sha.digest());
}

Result<LoadedDefinition> InstanceDefinitions::Register(store::Transaction& tx,
                                                       const std::string& path, TimeMs now,
                                                       bool* newly_registered) {
  if (newly_registered) *newly_registered = false;
  Result<std::string> source = ReadFile(path);
  if (!source.ok()) return source.status();
  Result<std::shared_ptr<const model::Chart>> chart = model::LoadChart(path);
  if (!chart.ok()) return chart.status();
  Result<std::string> hash = DefinitionHash(*source, **chart);
  if (!hash.ok()) return hash.status();
  const std::string id = WorkflowIdOf(**chart);
  const std::string version = WorkflowVersionOf(**chart);

  Result<std::optional<store::DefinitionRow>> stored = store::FindDefinition(tx, id, version);
  if (!stored.ok()) return stored.status();
  if (stored->has_value()) {
    if ((*stored)->hash != *hash) {
      return Status::DataError(
          path + ": workflow '" + id + "' version " + version +
          " is already registered with different content (hash " + (*stored)->hash.substr(0, 12) +
          ", this file " + hash->substr(0, 12) + "); give the changed definition a new k:version");
    }
    return Get(tx, id, version);
  }
  Result<std::optional<store::DefinitionRow>> same = store::FindDefinitionByHash(tx, id, *hash);
  if (!same.ok()) return same.status();
  if (same->has_value() && (*same)->version == version) {
    // Another writer registered this very definition between the two look-ups (each statement
    // sees the latest commit on PostgreSQL): it is the one we would have inserted.
    return Get(tx, id, version);
  }
  if (same->has_value()) {
    return Status::DataError(path + ": workflow '" + id + "' version " + version +
                             " has the same content as the registered version " + (*same)->version);
  }
  // The absolute path, so that a stored definition finds its rule files from any directory.
  const std::string source_name = fs::absolute(path).lexically_normal().string();
  store::DefinitionRow row{id, version, *hash, *source, source_name, now};
  KOOP_RETURN_IF_ERROR(store::InsertDefinition(tx, row));
  // The included files as this registration read them: replay compiles from these, so editing or
  // deleting a rule file later changes no stored case.
  KOOP_RETURN_IF_ERROR(store::InsertDefinitionFiles(tx, id, version, (*chart)->included));
  if (newly_registered) *newly_registered = true;
  // Compiled again from the stored row, as every other connection (and `koop verify`) compiles
  // it: the chart's name is then the stored absolute path, never the path this caller gave.
  // (Caching the chart loaded from `path` made the snapshots of a server's instances name the
  // workflow "workflows/case.scxml" or "/…/workflows/case.scxml" depending on which connection
  // applied the last event, and `koop verify` report them as differing.)
  return Get(tx, id, version);
}

Result<LoadedDefinition> InstanceDefinitions::Get(store::Transaction& tx,
                                                  const std::string& workflow_id,
                                                  const std::string& version) {
  auto it = cache_.find({workflow_id, version});
  if (it != cache_.end()) return it->second;
  Result<std::optional<store::DefinitionRow>> stored =
      store::FindDefinition(tx, workflow_id, version);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) {
    return Status::NoInput("workflow '" + workflow_id + "' version " + version +
                           " is not registered");
  }
  const store::DefinitionRow& row = **stored;
  Result<std::map<std::string, std::string>> files =
      store::FindDefinitionFiles(tx, workflow_id, version);
  if (!files.ok()) return files.status();
  // Definitions registered before their files were stored (schema < 10) still read them from
  // their folder; the hash then tells whether those files are still the registered ones.
  const bool legacy = files->empty();
  model::LoadOptions options;
  if (!legacy) options.stored_files = &*files;
  std::string base_dir = fs::path(row.source_name).parent_path().string();
  Result<std::shared_ptr<const model::Chart>> chart = model::LoadChartFromString(
      row.source, row.source_name, base_dir.empty() ? "." : base_dir, options);
  if (!chart.ok()) return chart.status().WithContext("stored definition");
  Result<std::string> hash = DefinitionHash(row.source, **chart);
  if (!hash.ok()) return hash.status();
  if (*hash != row.hash) {
    return Status::DataError(
        "workflow '" + workflow_id + "' version " + version +
        (legacy ? ": a rule file it includes changed since it was registered; give the "
                  "definition a new k:version"
                : ": its stored files do not match its stored hash"));
  }
  LoadedDefinition loaded{row, *chart};
  cache_[{workflow_id, version}] = loaded;
  return loaded;
}

}  // namespace koop::exec
