// Isolation between instances sharing the thread's duktape heap. Guards against: a rule that
// assigned an undeclared variable created a property of the shared global object, so one
// family's record was readable from the next case the same process touched (koop remind walks
// many instances in one process). Each case below is a different way of parking data outside
// the instance's own scope; the second instance must never see it.
#include <boost/test/unit_test.hpp>

#include "exec/interpreter.h"
#include "model/loader.h"

namespace {

// An instance whose transition "store" runs `script` while `secret` holds a value, and whose
// transition "probe" evaluates `probe` into the variable seen.
std::string Chart(const std::string& script) {
  return "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" "
         "datamodel=\"ecmascript\">\n"
         "<datamodel><data id=\"secret\" expr=\"'PESEL 85010112345'\"/>"
         "<data id=\"seen\" expr=\"null\"/><data id=\"err\" expr=\"null\"/></datamodel>\n"
         "<state id=\"a\">\n"
         "<transition event=\"store\"><script>" +
         script +
         "</script></transition>\n"
         "<transition event=\"error.execution\"><assign location=\"err\" "
         "expr=\"_event.data.message\"/></transition>\n"
         "</state></scxml>\n";
}

std::unique_ptr<koop::exec::Interpreter> Started(const std::string& xml) {
  auto chart = koop::model::LoadChartFromString(xml, "iso.scxml", ".");
  BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
  auto it = koop::exec::Interpreter::Create(*chart);
  BOOST_REQUIRE(it.ok());
  BOOST_REQUIRE((*it)->Start(0).ok());
  return std::move(*it);
}

// Runs `store` in one instance, then evaluates `probe` in a second, fresh instance of a
// different chart on the same heap; returns the probe's JSON (or its error).
std::string Leak(const std::string& store, const std::string& probe) {
  auto first = Started(Chart(store));
  auto step = first->Fire("store", "null", 1);
  BOOST_REQUIRE_MESSAGE(step.ok(), step.status().message());
  auto second = Started(Chart("") + "<!-- other -->");
  auto seen = second->Evaluate(probe);
  return seen.ok() ? *seen : "error: " + seen.status().message();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SandboxIsolation)

BOOST_AUTO_TEST_CASE(UndeclaredAssignmentIsAnErrorNotAGlobal) {
  auto it = Started(Chart("leaked = secret;"));
  auto step = it->Fire("store", "null", 1);
  BOOST_REQUIRE(step.ok());
  BOOST_REQUIRE_EQUAL(step->errors.size(), 1u);
  BOOST_CHECK_EQUAL(step->errors[0],
                    "iso.scxml:4:27: ReferenceError: assignment to undeclared variable 'leaked'");
  BOOST_CHECK_EQUAL(Leak("leaked = secret;", "typeof leaked"), "\"undefined\"");
}

BOOST_AUTO_TEST_CASE(ThisInsideAFunctionIsNotTheGlobalObject) {
  // In sloppy mode `this` of a plain call is the global object.
  BOOST_CHECK_EQUAL(Leak("(function(){ this.kept = secret; })();", "typeof kept"), "\"undefined\"");
}

BOOST_AUTO_TEST_CASE(BuiltInPrototypesCannotCarryData) {
  BOOST_CHECK_EQUAL(Leak("Object.prototype.kept = secret;", "({}).kept === undefined"), "true");
  BOOST_CHECK_EQUAL(Leak("Array.prototype.kept = secret;", "[].kept === undefined"), "true");
  BOOST_CHECK_EQUAL(
      Leak("String.prototype.toUpperCase = function(){ return secret; };", "'ab'.toUpperCase()"),
      "\"AB\"");
}

BOOST_AUTO_TEST_CASE(BuiltInObjectsCannotBeReplacedOrExtended) {
  BOOST_CHECK_EQUAL(Leak("JSON.kept = secret;", "typeof JSON.kept"), "\"undefined\"");
  BOOST_CHECK_EQUAL(Leak("Math.max = function(){ return secret; };", "Math.max(1, 2)"), "2");
  BOOST_CHECK_EQUAL(Leak("Math = {kept: secret};", "typeof Math.kept"), "\"undefined\"");
  BOOST_CHECK_EQUAL(
      Leak("Object.defineProperty(Date, 'kept', {value: secret});", "typeof Date.kept"),
      "\"undefined\"");
}

// Prototypes reached from an object rather than by a global name (the freezing walk must have
// found them too), and accessors defined through the legacy API.
BOOST_AUTO_TEST_CASE(PrototypesReachedThroughObjectsCannotCarryData) {
  BOOST_CHECK_EQUAL(
      Leak("Object.getPrototypeOf(function(){}).kept = secret;", "(function(){}).kept"), "null");
  BOOST_CHECK_EQUAL(
      Leak("Object.getPrototypeOf(Uint8Array.prototype).kept = secret;", "new Uint8Array(1).kept"),
      "null");
  BOOST_CHECK_EQUAL(Leak("try { null.x; } catch (e) { Object.getPrototypeOf(e).kept = secret; }",
                         "new TypeError('x').kept"),
                    "null");
  BOOST_CHECK_EQUAL(Leak("Object.getPrototypeOf(/x/).kept = secret;", "/y/.kept"), "null");
  BOOST_CHECK_EQUAL(
      Leak("try { Object.prototype.__defineGetter__('kept', function () { return secret; }); }"
           " catch (e) {}",
           "({}).kept"),
      "null");
  BOOST_CHECK_EQUAL(Leak("try { Object.setPrototypeOf(Object.prototype, {kept: secret}); }"
                         " catch (e) {}",
                         "({}).kept"),
                    "null");
}

BOOST_AUTO_TEST_CASE(CodeCompiledAtRunTimeCannotReachTheGlobalObject) {
  // Indirect eval and the Function constructor run in the global scope.
  BOOST_CHECK_EQUAL(Leak("try { (0, eval)('var kept = secret'); } catch (e) {}", "typeof kept"),
                    "\"undefined\"");
  BOOST_CHECK_EQUAL(
      Leak("try { Function('return this')().kept = secret; } catch (e) {}", "typeof kept"),
      "\"undefined\"");
  BOOST_CHECK_EQUAL(Leak("try { Function('kept = 1')(); } catch (e) {}", "typeof kept"),
                    "\"undefined\"");
}

BOOST_AUTO_TEST_CASE(SharedCompiledCodeCannotCarryData) {
  // The compiled wrapper of a code unit is shared by every instance of the chart.
  auto xml = Chart("arguments.callee.kept = secret; arguments.callee.prototype.k2 = secret;");
  auto first = Started(xml);
  BOOST_REQUIRE(first->Fire("store", "null", 1).ok());
  auto second =
      Started(Chart("seen = [typeof arguments.callee.kept, "
                    "typeof arguments.callee.prototype.k2];"));
  BOOST_REQUIRE(second->Fire("store", "null", 1).ok());
  auto seen = second->Evaluate("seen");
  BOOST_REQUIRE(seen.ok());
  BOOST_CHECK_EQUAL(*seen, "[\"undefined\",\"undefined\"]");
}

BOOST_AUTO_TEST_CASE(InstancesOfOneChartKeepTheirOwnVariables) {
  auto xml = Chart("secret = secret + ' changed';");
  auto first = Started(xml);
  BOOST_REQUIRE(first->Fire("store", "null", 1).ok());
  auto second = Started(xml);
  auto v = second->Evaluate("secret");
  BOOST_REQUIRE(v.ok());
  BOOST_CHECK_EQUAL(*v, "\"PESEL 85010112345\"");
}

BOOST_AUTO_TEST_SUITE_END()
