// Rule errors inside a statechart: error.execution names the rule file and line (or the
// definition's line for inline code), and the message reaches _event.data.
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "exec/interpreter.h"
#include "model/loader.h"
#include "rules/error_site.h"

namespace fs = std::filesystem;

namespace {

// Line numbers matter below: keep the layout. A loop stopped by the time limit is reported on
// the line of the instruction it was stopped at; duktape counts the jump back to a loop's start
// as part of the statement before the loop, so the runaway loop shares its line with that one.
const char* kChart =
    "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" "
    "datamodel=\"ecmascript\">\n"                                                              // 1
    "  <script src=\"rules/check.js\"/>\n"                                                     // 2
    "  <datamodel><data id=\"msg\" expr=\"''\"/><data id=\"c\" expr=\"({})\"/></datamodel>\n"  // 3
    "  <state id=\"a\">\n"                                                                     // 4
    "    <transition event=\"cond\" cond=\"nosuch.prop === 1\" target=\"b\"/>\n"               // 5
    "    <transition event=\"rule\" cond=\"check(c)\" target=\"b\"/>\n"                        // 6
    "    <transition event=\"script\">\n"                                                      // 7
    "      <script>\n"                                                                         // 8
    "        var a = 1;\n"                                                                     // 9
    "        var b = a.no.such;\n"                                                             // 10
    "      </script>\n"                                                                        // 11
    "    </transition>\n"                                                                      // 12
    "    <transition event=\"spin\"><script>\n"                                                // 13
    "      var i = 0; while (true) { i++; }</script></transition>\n"                           // 14
    "    <transition event=\"error.execution\">"
    "<assign location=\"msg\" expr=\"_event.data.message\"/></transition>\n"  // 15
    "  </state>\n"
    "  <state id=\"b\"/>\n"
    "</scxml>\n";

const char* kRule =
    "// Consent check.\n"                     // 1
    "function check(c) {\n"                   // 2
    "  if (c.dataProcessing) return true;\n"  // 3
    "  return c.team.allowed;\n"              // 4
    "}\n";

struct Fixture {
  fs::path dir = fs::temp_directory_path() / "koop_chart_errors";
  std::unique_ptr<koop::exec::Interpreter> it;
  Fixture() {
    fs::create_directories(dir / "rules");
    std::ofstream(dir / "rules" / "check.js") << kRule;
    auto chart = koop::model::LoadChartFromString(kChart, "flow.scxml", dir.string());
    BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
    auto made = koop::exec::Interpreter::Create(*chart);
    BOOST_REQUIRE(made.ok());
    it = std::move(*made);
    BOOST_REQUIRE(it->Start(0).ok());
  }
  ~Fixture() { fs::remove_all(dir); }

  // Fires `event`; returns the one error raised, after checking _event.data.message carried it.
  std::string ErrorOf(const std::string& event) {
    auto step = it->Fire(event, "null", 1);
    BOOST_REQUIRE_MESSAGE(step.ok(), step.status().message());
    BOOST_REQUIRE_EQUAL(step->errors.size(), 1u);
    auto msg = it->Evaluate("msg");  // JSON; the messages here need no escaping
    BOOST_REQUIRE(msg.ok());
    BOOST_CHECK_EQUAL(*msg, "\"" + step->errors[0] + "\"");
    return step->errors[0];
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ChartRuleErrors)

BOOST_FIXTURE_TEST_CASE(ReferenceErrorInCondNamesTheAttribute, Fixture) {
  BOOST_CHECK_EQUAL(ErrorOf("cond"),
                    "flow.scxml:5:30: ReferenceError: identifier 'nosuch' undefined");
}

BOOST_FIXTURE_TEST_CASE(ErrorInRuleFileNamesItsLineAndTheCaller, Fixture) {
  BOOST_CHECK_EQUAL(ErrorOf("rule"),
                    "rules/check.js:4: TypeError: cannot read property 'allowed' of undefined "
                    "(called from flow.scxml:6:30)");
}

BOOST_FIXTURE_TEST_CASE(ErrorInMultiLineScriptNamesTheDefinitionLine, Fixture) {
  BOOST_CHECK_EQUAL(ErrorOf("script"),
                    "flow.scxml:10: TypeError: cannot read property 'such' of undefined "
                    "(line 3 of the script at flow.scxml:8:7)");
}

// A runaway is not an error.execution the chart may handle: the whole event is refused.
BOOST_FIXTURE_TEST_CASE(RunawayScriptNamesTheLoopLine, Fixture) {
  auto step = it->Fire("spin", "null", 1);
  BOOST_REQUIRE(!step.ok());
  BOOST_CHECK_EQUAL(step.status().message(),
                    "flow.scxml:14: time limit of 50 ms exceeded "
                    "(line 2 of the script at flow.scxml:13:30); the event is refused");
}

BOOST_AUTO_TEST_CASE(SiteIsTheInnermostRuleFrame) {
  auto site = koop::rules::SiteFromStack(
      "TypeError: cannot read property 'z' of undefined\n"
      "    at [anon] (duk_hobject_props.c:2621) internal\n"
      "    at [anon] () native strict preventsyield\n"
      "    at f (flow.scxml:12)\n"
      "    at g (rules/x.js:5)\n");
  BOOST_CHECK_EQUAL(site.file, "flow.scxml");
  BOOST_CHECK_EQUAL(site.line, 12);
  site = koop::rules::SiteFromStack("Error\n    at [anon] () native strict\n");
  BOOST_CHECK(site.file.empty());
}

BOOST_AUTO_TEST_SUITE_END()
