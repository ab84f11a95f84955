// Determinism: a rule can read nothing that replay cannot reproduce. Guards against scripts
// reading the wall clock or the engine's internals through a path other than the ones
// DESIGN section 6 forbids by name (Date.now, Math.random): the Duktape object (finalizers,
// threads, act, gc), performance.now(), the original Date constructor behind the replaced one.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <ctime>

#include "rules/js_heap.h"
#include "rules/rule_library.h"

namespace {

// Evaluates `expr` as a rule at event time 2026-11-23T10:00:00Z; JSON or "error: ...".
std::string At(const std::string& expr) {
  koop::rules::JsHeap heap;
  koop::rules::RuleLibrary lib(heap);
  BOOST_REQUIRE(lib.LoadSource("function f() { return " + expr + "; }", "rules/d.js").ok());
  auto r = lib.Call("f", "[]", 1795428000000);
  return r.ok() ? *r : "error: " + r.status().message();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SandboxDeterminism)

BOOST_AUTO_TEST_CASE(EngineInternalsAreNotReachable) {
  BOOST_CHECK_EQUAL(At("typeof Duktape"), "\"undefined\"");
  BOOST_CHECK_EQUAL(At("typeof performance"), "\"undefined\"");
  BOOST_CHECK_EQUAL(At("typeof this.Duktape"), "\"undefined\"");
}

BOOST_AUTO_TEST_CASE(EveryPathToNowGivesTheEventTime) {
  const std::string iso = "\"2026-11-23T10:00:00.000Z\"";
  BOOST_CHECK_EQUAL(At("new (new Date(0)).constructor().toISOString()"), iso);
  BOOST_CHECK_EQUAL(At("new (Object.getPrototypeOf(new Date(0)).constructor)().toISOString()"),
                    iso);
  BOOST_CHECK_EQUAL(At("Reflect.construct(Date, []).toISOString()"), iso);
  BOOST_CHECK_EQUAL(At("(new Date(0)).constructor.now()"), "1795428000000");
  BOOST_CHECK_EQUAL(At("Date() === new Date().toString()"), "true");
}

// Local time followed the process's TZ: a replay on a machine in another zone computed other
// hours and weekdays. It is Warsaw time (CET/CEST) whatever TZ says.
BOOST_AUTO_TEST_CASE(LocalTimeIsWarsawTimeWhateverTheProcessZone) {
  ::setenv("TZ", "America/Los_Angeles", 1);
  ::tzset();
  // 2026-11-23T10:00Z is 11:00 CET; 2026-07-01T22:30Z is 00:30 CEST on Thursday 2 July.
  BOOST_CHECK_EQUAL(At("new Date().getHours()"), "11");
  BOOST_CHECK_EQUAL(At("new Date().getTimezoneOffset()"), "-60");
  BOOST_CHECK_EQUAL(At("[new Date(Date.UTC(2026, 6, 1, 22, 30)).getDay(), "
                       "new Date(Date.UTC(2026, 6, 1, 22, 30)).getHours()]"),
                    "[4,0]");
  BOOST_CHECK_EQUAL(At("new Date(2026, 2, 29, 12, 0).toISOString()"),
                    "\"2026-03-29T10:00:00.000Z\"");
  ::unsetenv("TZ");
  ::tzset();
}

BOOST_AUTO_TEST_CASE(RandomnessIsRefusedEvenThroughACopy) {
  BOOST_CHECK_EQUAL(At("(0, Math['ran' + 'dom'])()"),
                    "error: rules/d.js:1: f(): Error: Math.random is not available (rules are "
                    "deterministic)");
}

BOOST_AUTO_TEST_SUITE_END()
