// A workflow released under a version never changes under it. The definitions of released builds
// are listed in tests/data/released-definitions.txt; a workflow file whose version is listed must
// hash (chart and included rule files) to the listed value. It guards against what happened twice:
// a released workflow or one of its rule files edited in place (a comment added, a function
// appended), so that databases of that release refused the new files ("already registered with
// different content") and their stored instances failed to replay.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "instance/instance_definitions.h"
#include "koop/file_env.h"
#include "model/loader.h"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = KOOP_SOURCE_DIR;

// (workflow, version) -> hash
std::map<std::pair<std::string, std::string>, std::string> Released() {
  std::map<std::pair<std::string, std::string>, std::string> out;
  std::ifstream in(kRoot / "tests" / "data" / "released-definitions.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, version, hash;
    fields >> id >> version >> hash;
    out[{id, version}] = hash;
  }
  return out;
}

BOOST_AUTO_TEST_CASE(ReleasedVersionsKeepTheirContent) {
  const auto released = Released();
  BOOST_TEST_REQUIRE(released.size() >= 9u);
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "workflows")) {
    if (entry.path().extension() != ".scxml") continue;
    const std::string path = entry.path().string();
    auto source = koop::DefaultFileEnv().ReadFile(path, 8u << 20);
    BOOST_TEST_REQUIRE(source.ok(), source.status().message());
    auto chart = koop::model::LoadChart(path);
    BOOST_TEST_REQUIRE(chart.ok(), chart.status().message());
    auto hash = koop::exec::DefinitionHash(*source, **chart);
    BOOST_TEST_REQUIRE(hash.ok());
    const std::string id = koop::exec::WorkflowIdOf(**chart);
    const std::string version = koop::exec::WorkflowVersionOf(**chart);
    BOOST_TEST_MESSAGE(id << " " << version << " " << *hash);
    auto it = released.find({id, version});
    if (it == released.end()) continue;  // a version not released yet
    ++checked;
    BOOST_TEST(*hash == it->second,
               entry.path().filename().string()
                   << ": workflow '" << id << "' version " << version
                   << " was released with another content (it or a rule file it includes changed;"
                      " now "
                   << *hash << "): give it a new k:version");
  }
  BOOST_TEST_MESSAGE(checked << " released versions checked");
}

}  // namespace
