// Runaways inside native built-ins. Guards against: the time limit was only checked between
// bytecode instructions, so one call of a native built-in (a huge join, a backtracking regular
// expression) ran 9-15 s past a 50 ms limit while holding the database write lock. Every member
// of the class below is one native call (or a try/catch swallowing the stop) that must end
// within twice the limit with "time limit of N ms exceeded", and leave the heap usable. The limit
// is the rule thread's CPU time (docs/sandbox.md), so that is what is measured here: on a busy
// machine the wall time also counts other processes' turns.
#include <boost/test/unit_test.hpp>

#include "rules/js_heap.h"
#include "rules/rule_library.h"
#include "unit/rules/thread_cpu.h"

namespace {

constexpr int kLimitMs = 100;

using koop::rules::testing::ThreadCpuMs;

struct Outcome {
  std::string message;
  double ms = 0;
};

Outcome Run(const std::string& body) {
  koop::rules::JsLimits limits;
  limits.time_ms = kLimitMs;
  koop::rules::JsHeap heap(limits);
  koop::rules::RuleLibrary lib(heap);
  BOOST_REQUIRE(
      lib.LoadSource("function f() {\n" + body + "\n}\nfunction one() { return 1; }", "rules/r.js")
          .ok());
  const double start = ThreadCpuMs();
  auto r = lib.Call("f", "[]", 0);
  Outcome out;
  out.ms = ThreadCpuMs() - start;
  out.message = r.ok() ? "finished: " + *r : r.status().message();
  auto one = lib.Call("one", "[]", 0);  // the heap is still usable
  BOOST_CHECK(one.ok() && *one == "1");
  return out;
}

void CheckStopped(const std::string& body) {
  Outcome o = Run(body);
  BOOST_TEST_MESSAGE(body << ": " << o.ms << " ms of CPU");
  BOOST_CHECK_EQUAL(o.message, "rules/r.js:2: f(): time limit of 100 ms exceeded");
  BOOST_CHECK_MESSAGE(o.ms < 2 * kLimitMs, body << " took " << o.ms << " ms of CPU");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SandboxRunaway)

BOOST_AUTO_TEST_CASE(HugeSparseArrayScans) {
  CheckStopped("var a = []; a.length = 2e9; return a.indexOf(7);");
  CheckStopped("var a = []; a.length = 4e9; return a.some(function (x) { return x; });");
  CheckStopped("var a = []; a.length = 3e9; return a.toString().length;");
}

BOOST_AUTO_TEST_CASE(SortWithoutComparator) {
  // ~300,000 short strings compared natively: seconds of work within the memory limit.
  CheckStopped(
      "var a = []; for (var i = 0; i < 3e5; i++) a.push(String(i * 7919 % 3e5)); "
      "a.sort(); a.sort(); a.reverse(); a.sort(); return a.length;");
}

BOOST_AUTO_TEST_CASE(BacktrackingRegularExpression) {
  CheckStopped("return /^(\\w+\\s?)*$/.test('an apparently harmless sentence of words!');");
}

BOOST_AUTO_TEST_CASE(QuadraticStringSearch) {
  CheckStopped("var h = 'a'.repeat(1 << 21), n = 'a'.repeat(1 << 19) + 'b'; return h.indexOf(n);");
}

// Native calls that make long strings but touch no property: the check came only from the
// bytecode interrupt, which a loop of a few instructions around them reached after seconds
// (`for(;;) s.toUpperCase()` ran 15 s past a 100 ms limit). Every string made now counts,
// weighted by its length.
BOOST_AUTO_TEST_CASE(LoopsAroundLinearStringBuiltIns) {
  CheckStopped("var s = 'x'.repeat(1 << 20), r; for (;;) { r = s.toUpperCase(); }");
  CheckStopped("var s = 'x'.repeat(1 << 20), r; for (;;) { r = encodeURIComponent(s); }");
  CheckStopped("var s = 'ab'.repeat(1 << 19), r; for (;;) { r = s.replace(/a/g, 'c'); }");
  CheckStopped("var s = 'x'.repeat(1 << 19), r; for (;;) { r = s.split('').length; }");
}

// Loops around native calls that make no string and touch no property (a number parsed from,
// a comparison or a trim of a long string, a buffer copy), also after a stretch of fast
// instructions that lengthened duktape's countdown: 5-35 s past a 100 ms limit. A watchdog
// thread now makes duktape check at the next instruction once the deadline passed.
BOOST_AUTO_TEST_CASE(LoopsAroundSlowNativeCallsThatMakeNothing) {
  CheckStopped("var s = '1'.repeat(1 << 22); for (;;) parseInt(s);");
  CheckStopped("var s = '1'.repeat(1 << 22), t = s + '2'; for (;;) s < t;");
  CheckStopped("var s = ' '.repeat(1 << 22); for (;;) s.trim();");
  CheckStopped("var s = 'a'.repeat(1 << 22); for (;;) s.indexOf('b');");
  CheckStopped("var b = new ArrayBuffer(1 << 23); for (;;) b.slice(0);");
  CheckStopped("var s = '1'.repeat(1 << 22); for (var i = 0; i < 2e6; i++) {} for (;;) isNaN(s);");
}

// JSON.stringify walking a shared structure of 2^40 nodes that emits little (a whitelist of
// keys) ran 3.7x its limit.
BOOST_AUTO_TEST_CASE(StringifyOfAHugeSharedStructure) {
  CheckStopped(
      "var x = {}; for (var i = 0; i < 40; i++) x = {a: x, b: x};"
      " return JSON.stringify(x, ['a', 'b']).length;");
  CheckStopped(
      "var x = 1; for (var i = 0; i < 40; i++) x = [x, x];"
      " return JSON.stringify(x).length;");
}

BOOST_AUTO_TEST_CASE(StopCannotBeSwallowedByTryCatchOrFinally) {
  CheckStopped("for (;;) { try { for (;;) {} } catch (e) {} }");
  CheckStopped(
      "for (;;) { try { var a = []; a.length = 4e9; a.reverse(); } finally { continue; } }");
}

BOOST_AUTO_TEST_CASE(OrdinaryErrorsAreStillCatchable) {
  Outcome o = Run("try { null.x; } catch (e) { return 'caught'; }");
  BOOST_CHECK_EQUAL(o.message, "finished: \"caught\"");
}

BOOST_AUTO_TEST_SUITE_END()
