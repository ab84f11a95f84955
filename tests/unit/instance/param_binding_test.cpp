// Binding a municipality's parameter values to an instance at `koop start`: the same type rules
// as `koop validate` (dates and durations included), typed JSON for param().
#include <boost/test/unit_test.hpp>

#include "instance/instance_service.h"
#include "model/loader.h"
#include "municipality/municipality.h"

namespace koop::exec {
namespace {

constexpr const char* kChart = R"(<scxml xmlns="http://www.w3.org/2005/07/scxml"
    xmlns:k="urn:kooperacja:workflow:1" version="1.0" datamodel="ecmascript" name="binding">
  <k:param name="days" type="working-days" default="5"/>
  <k:param name="since" type="date"/>
  <k:param name="every" type="duration" default="P3M"/>
  <k:param name="ratio" type="number"/>
  <k:param name="roles" type="list" default="[&quot;leader&quot;]"/>
  <k:param name="note" type="string" default="x"/>
  <state id="s"/>
</scxml>)";

std::shared_ptr<const model::Chart> Chart() {
  auto chart = model::LoadChartFromString(kChart, "binding.scxml", ".");
  BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
  return *chart;
}

municipality::Municipality Town(std::map<std::string, std::string> params) {
  municipality::Municipality m;
  m.id = "town";
  m.file = "town.xml";
  m.params = std::move(params);
  return m;
}

BOOST_AUTO_TEST_SUITE(ParamBinding)

BOOST_AUTO_TEST_CASE(DefaultsAndBindingsBecomeTypedJson) {
  auto bound = BindParamsJson(*Chart(), Town({{"since", "2026-02-28"}, {"ratio", "0.5"}}));
  BOOST_REQUIRE_MESSAGE(bound.ok(), bound.status().message());
  BOOST_TEST(*bound == R"({"days":5,"every":"P3M","note":"x","ratio":0.5,"roles":["leader"],)"
                       R"("since":"2026-02-28"})");
}

BOOST_AUTO_TEST_CASE(ValuesValidateRefusesAreRefusedAtStart) {
  struct Case {
    const char* name;
    const char* value;
    const char* message;
  };
  for (const Case& c : {
           Case{"since", "2026-02-30",
                "town.xml: parameter 'since' must be a date YYYY-MM-DD, "
                "not '2026-02-30'"},
           Case{"every", "3 months",
                "town.xml: parameter 'every' must be an ISO 8601 duration "
                "such as P3M, not '3 months'"},
           Case{"days", "five", "town.xml: parameter 'days' must be a whole number, not 'five'"},
           Case{"ratio", "1e3", "town.xml: parameter 'ratio' must be a number, not '1e3'"},
           Case{"roles", "[1,", "town.xml: parameter 'roles' must be a JSON list, not '[1,'"},
       }) {
    auto bound = BindParamsJson(*Chart(), Town({{c.name, c.value}}));
    BOOST_REQUIRE(!bound.ok());
    BOOST_TEST(bound.status().exit_code() == 65);
    BOOST_TEST(bound.status().message() == c.message);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::exec
