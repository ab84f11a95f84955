// The model's workflows as files (workflows/*.scxml with rules/*.js): each loads with hooks that
// check that every template and rule it names exists; every rule file is used (or listed in
// rules/retired.txt: kept for the released definitions stored instances replay) and cites its seed.
// Their behaviour step by step is in the scenario files tests/scenario/model/*.test.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "model/loader.h"

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = KOOP_SOURCE_DIR;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

koop::model::LoadOptions CheckingOptions() {
  koop::model::LoadOptions o;
  o.hooks.check_template = [](const std::string& t) -> std::optional<std::string> {
    if (fs::exists(kRoot / "doc-templates" / t)) return std::nullopt;
    return "no template '" + t + "' in doc-templates/";
  };
  o.hooks.check_rule = [](const std::string& src) -> std::optional<std::string> {
    if (fs::exists(kRoot / "workflows" / src)) return std::nullopt;
    return "no rule file '" + src + "'";
  };
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ModelWorkflows)

BOOST_AUTO_TEST_CASE(EveryWorkflowLoadsWithItsTemplatesAndRules) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "workflows")) {
    if (entry.path().extension() != ".scxml") continue;
    ++n;
    auto chart = koop::model::LoadChart(entry.path().string(), CheckingOptions());
    BOOST_TEST(chart.ok(), entry.path().filename().string() << ": " << chart.status().message());
  }
  BOOST_TEST(n > 0);
}

// A parameter several workflows declare (office hours in the founding and the case, the PZK
// meeting period in the founding's agreement and in the operation) is one setting of the
// municipality: the same type and default everywhere, so the documents and the deadlines agree.
BOOST_AUTO_TEST_CASE(ASharedParameterHasOneTypeAndDefault) {
  std::map<std::string, std::pair<std::string, std::string>> seen;  // name -> (workflow, default)
  int shared = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "workflows")) {
    if (entry.path().extension() != ".scxml") continue;
    auto chart = koop::model::LoadChart(entry.path().string(), CheckingOptions());
    BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
    for (const auto& p : (*chart)->params) {
      std::string value = std::to_string(static_cast<int>(p.type)) + " " +
                          (p.default_value ? *p.default_value : std::string("(none)"));
      auto [it, fresh] =
          seen.emplace(p.name, std::make_pair(entry.path().filename().string(), value));
      if (fresh) continue;
      ++shared;
      BOOST_TEST(it->second.second == value,
                 p.name << ": " << entry.path().filename().string() << " declares " << value << ", "
                        << it->second.first << " " << it->second.second);
    }
  }
  BOOST_TEST(shared > 0);
}

// Every workflow a sample municipality picks exists (no count written down: a new workflow is
// checked by the loop above without editing this test).
BOOST_AUTO_TEST_CASE(EveryWorkflowASampleMunicipalityPicksExists) {
  int refs = 0;
  for (const auto& entry : fs::directory_iterator(kRoot / "samples" / "municipalities")) {
    std::string text = Slurp(entry.path());
    const std::string key = "<workflow ref=\"";
    for (auto p = text.find(key); p != std::string::npos; p = text.find(key, p + 1)) {
      std::string ref =
          text.substr(p + key.size(), text.find('"', p + key.size()) - p - key.size());
      ++refs;
      BOOST_TEST(fs::exists(kRoot / "workflows" / (ref + ".scxml")),
                 entry.path().filename().string() << " picks missing workflow " << ref);
    }
  }
  BOOST_TEST(refs > 0);
}

BOOST_AUTO_TEST_CASE(EveryRuleFileIsUsedByAWorkflow) {
  std::string all;
  for (const auto& entry : fs::directory_iterator(kRoot / "workflows")) all += Slurp(entry.path());
  const std::string retired_list = "\n" + Slurp(kRoot / "rules" / "retired.txt");
  for (const auto& entry : fs::directory_iterator(kRoot / "rules")) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".js") continue;
    // A retired rule belongs to a released definition that stored instances still replay.
    const bool retired = retired_list.find("\n" + name + " ") != std::string::npos;
    BOOST_TEST((all.find("\"rules/" + name) != std::string::npos) != retired,
               name << (retired ? " is marked retired but used" : " is not used"));
    BOOST_TEST(Slurp(entry.path()).find("Seed") != std::string::npos,
               name << " does not cite its seed");
  }
}

BOOST_AUTO_TEST_SUITE_END()
