// Scenario tests of the model's workflows (workflows/*.scxml with rules/*.js), data-driven: each
// file in tests/data/model/scenarios/ names a workflow, the municipality parameters, and a list of
// steps (start or event at a simulated time) with what must hold afterwards:
//   "states":    the sorted active atomic states
//   "handled":   whether the event was taken by a transition (default: not checked)
//   "deadlines": ids of deadlines created by the step; "satisfied": ids of deadlines and recurring
//                obligations satisfied by it (<k:satisfy> or satisfied-by);
//   "recurring": ids of recurring obligations whose series the step opened (state entered)
//   "expect":    {"JS expression": JSON value} evaluated in the instance's data model
// Every step must run without error.execution. The same workflows are loaded with hooks that check
// that every template and rule they name exists.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exec/interpreter.h"
#include "model/loader.h"

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

const fs::path kRoot = KOOP_SOURCE_DIR;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ToJson(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(v, out);
  return out.str();
}

// Normalises a JSON text (key order and spacing); scalars are wrapped in an array because the
// parser takes only objects and arrays at the top.
std::string Canonical(const std::string& json) {
  try {
    return ToJson(Poco::JSON::Parser().parse("[" + json + "]"));
  } catch (const std::exception&) {
    return "unparsable: " + json;
  }
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

std::vector<std::string> Strings(const Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  if (!o->has(key)) return out;
  Array::Ptr a = o->getArray(key);
  for (std::size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(i));
  std::sort(out.begin(), out.end());
  return out;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return "[" + s + "]";
}

void RunScenario(const fs::path& file) {
  BOOST_TEST_CONTEXT("scenario " << file.filename().string()) {
    Object::Ptr sc = Poco::JSON::Parser().parse(Slurp(file)).extract<Object::Ptr>();
    auto chart = koop::model::LoadChart(
        (kRoot / "workflows" / sc->getValue<std::string>("workflow")).string(), CheckingOptions());
    BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
    koop::exec::InterpreterOptions options;
    if (sc->has("params")) options.params_json = ToJson(sc->get("params"));
    auto it = koop::exec::Interpreter::Create(*chart, options);
    BOOST_REQUIRE_MESSAGE(it.ok(), it.status().message());
    koop::exec::Interpreter& in = **it;
    Array::Ptr steps = sc->getArray("steps");
    for (std::size_t i = 0; i < steps->size(); ++i) {
      Object::Ptr step = steps->getObject(i);
      std::string at_text = step->getValue<std::string>("at");
      auto at = koop::ParseInstant(at_text);
      BOOST_REQUIRE_MESSAGE(at.ok(), at_text);
      std::string what = step->has("event") ? step->getValue<std::string>("event") : "start";
      BOOST_TEST_CONTEXT("step " << i << " (" << what << " at " << at_text << ")") {
        koop::Result<koop::exec::StepResult> r =
            what == "start"
                ? in.Start(*at)
                : in.Fire(what, step->has("data") ? ToJson(step->get("data")) : "{}", *at);
        BOOST_REQUIRE_MESSAGE(r.ok(), r.status().message());
        BOOST_TEST(Joined(r->errors) == "[]");
        if (step->has("handled")) BOOST_TEST(r->event_handled == step->getValue<bool>("handled"));
        if (step->has("states")) {
          BOOST_TEST(Joined(in.Configuration()) == Joined(Strings(step, "states")));
        }
        std::vector<std::string> created, satisfied, opened;
        for (const auto& e : in.TakeEffects()) {
          using Kind = koop::exec::Effect::Kind;
          if (e.kind == Kind::kDeadlineCreated) created.push_back(e.id);
          if (e.kind == Kind::kSatisfied || e.kind == Kind::kRecurringSatisfied) {
            satisfied.push_back(e.id);
          }
          if (e.kind == Kind::kRecurringActivated) opened.push_back(e.id);
          if (e.kind == koop::exec::Effect::Kind::kError) BOOST_ERROR("error effect: " << e.text);
        }
        std::sort(created.begin(), created.end());
        std::sort(satisfied.begin(), satisfied.end());
        std::sort(opened.begin(), opened.end());
        if (step->has("recurring"))
          BOOST_TEST(Joined(opened) == Joined(Strings(step, "recurring")));
        if (step->has("deadlines"))
          BOOST_TEST(Joined(created) == Joined(Strings(step, "deadlines")));
        if (step->has("satisfied")) {
          BOOST_TEST(Joined(satisfied) == Joined(Strings(step, "satisfied")));
        }
        if (step->has("expect")) {
          Object::Ptr expect = step->getObject("expect");
          for (const auto& [expr, value] : *expect) {
            auto got = in.Evaluate(expr);
            BOOST_REQUIRE_MESSAGE(got.ok(), expr << ": " << got.status().message());
            Poco::JSON::Array::Ptr want = new Poco::JSON::Array();
            want->add(value);
            BOOST_TEST(Canonical(*got) == ToJson(want), expr);
          }
        }
      }
    }
  }
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
  BOOST_TEST(n == 3);
}

BOOST_AUTO_TEST_CASE(EveryRuleFileIsUsedByAWorkflow) {
  std::string all;
  for (const auto& entry : fs::directory_iterator(kRoot / "workflows")) all += Slurp(entry.path());
  for (const auto& entry : fs::directory_iterator(kRoot / "rules")) {
    std::string name = entry.path().filename().string();
    BOOST_TEST(all.find("\"rules/" + name) != std::string::npos, name << " is not used");
    BOOST_TEST(Slurp(entry.path()).find("Seed") != std::string::npos,
               name << " does not cite its seed");
  }
}

BOOST_AUTO_TEST_CASE(Scenarios) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(kRoot / "tests/data/model/scenarios")) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_TEST(files.size() >= 3u);
  for (const auto& f : files) RunScenario(f);
}

BOOST_AUTO_TEST_SUITE_END()
