// Read-only guards, all-or-nothing units and storable values. Guards against: a transition
// guard could change the data model while being asked a question (by assignment, ++, delete, a
// method call, a method named like the built-in In(), a valueOf a script stored earlier);
// assignments a <script>, an <assign>, a <log> or an <if> made before it threw stayed in the
// data model although DESIGN section 6 says a failing rule changes nothing;
// a script could store a value (600 nested arrays) that the snapshot reader refuses, so every
// later event and `koop show` of the instance failed; a string with a UTF-16 surrogate
// ('\uD83D\uDE00', a lone '\uD800') left duktape as CESU-8, which PostgreSQL refused to store
// (exit 74); a data model a rule stored in time could not be read back in the rule's time
// limit on a loaded machine (`show --verify` failed on a 3.9 MB string).
#include <boost/test/unit_test.hpp>

#include "exec/interpreter.h"
#include "model/loader.h"
#include "rules/js_heap.h"

namespace {

const char* kChart =
    "<scxml xmlns=\"http://www.w3.org/2005/07/scxml\" version=\"1.0\" datamodel=\"ecmascript\">\n"
    "<datamodel><data id=\"n\" expr=\"0\"/><data id=\"list\" expr=\"[]\"/>"
    "<data id=\"rec\" expr=\"({ok: true})\"/><data id=\"err\" expr=\"''\"/>"
    "<data id=\"v\" expr=\"null\"/></datamodel>\n"
    "<state id=\"a\">\n"
    "<transition event=\"bump\" cond=\"(n = n + 1) &gt; 100\" target=\"b\"/>\n"   // 4
    "<transition event=\"push\" cond=\"list.push(n) &gt; 100\" target=\"b\"/>\n"  // 5
    "<transition event=\"del\" cond=\"delete rec.ok\" target=\"b\"/>\n"           // 6
    "<transition event=\"pure\" cond=\"n &gt;= 0 &amp;&amp; In('a') &amp;&amp; list.length == 0\">"
    "<assign location=\"v\" expr=\"'pure'\"/></transition>\n"  // 7
    "<transition event=\"half\"><assign location=\"n\" expr=\"7\"/>"
    "<assign location=\"rec.ok\" expr=\"false\"/><log expr=\"nosuch.x\"/></transition>\n"  // 8
    "<transition event=\"script\"><script>list.push(1); rec.ok = 'x'; n = 9;\n"
    "throw new Error('refused');</script></transition>\n"  // 9-10
    "<transition event=\"loop\"><foreach array=\"[1, 2, 3]\" item=\"i\">"
    "<assign location=\"n\" expr=\"n + i\"/><if cond=\"i == 2\"><log expr=\"nosuch.y\"/></if>"
    "</foreach></transition>\n"  // 11
    "<transition event=\"deep\"><script>var x = []; for (var i = 0; i &lt; 600; i++) x = [x];"
    " v = x;</script></transition>\n"  // 12
    "<transition event=\"units\"><assign location=\"v\" expr=\"(list.push(1), nosuch.a)\"/>"
    "</transition>\n"                                                                  // 13
    "<transition event=\"unitlog\"><log expr=\"(n = 5) + nosuch.b\"/></transition>\n"  // 14
    "<transition event=\"unitif\"><if cond=\"(rec.ok = 1) &amp;&amp; nosuch.c\"/></transition>\n"
    "<transition event=\"arm\"><script>v = {In: function () { n = 8; return true; },\n"
    "valueOf: function () { list.push(2); return 3; }};</script></transition>\n"  // 16-17
    "<transition event=\"method\" cond=\"v.In('a')\"><assign location=\"err\" "
    "expr=\"'method:' + n\"/></transition>\n"  // 18
    "<transition event=\"implicit\" cond=\"v &gt; 2\"><assign location=\"err\" "
    "expr=\"'implicit:' + list.length\"/></transition>\n"  // 19
    "<transition event=\"incr\" cond=\"++n == 1\"><assign location=\"err\" "
    "expr=\"'incr:' + n\"/></transition>\n"  // 20
    "<transition event=\"utf16\"><script>v = {text: 'a\\uD83D\\uDE00b\\uD800c'};"
    " v['k\\uDC00'] = 1;</script><log expr=\"v.text\"/></transition>\n"
    "<transition event=\"error.execution\"><assign location=\"err\" "
    "expr=\"_event.data.message\"/></transition>\n"
    "</state><state id=\"b\"/></scxml>\n";

struct Fixture {
  std::unique_ptr<koop::exec::Interpreter> it;
  Fixture() {
    auto chart = koop::model::LoadChartFromString(kChart, "atom.scxml", ".");
    BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
    auto made = koop::exec::Interpreter::Create(*chart);
    BOOST_REQUIRE(made.ok());
    it = std::move(*made);
    BOOST_REQUIRE(it->Start(0).ok());
  }
  // Fires `event` and returns the data model (without err) and the error, if any.
  std::string Data() {
    auto v = it->Evaluate("[n, list, rec, v]");
    BOOST_REQUIRE(v.ok());
    return *v;
  }
  std::string Fire(const std::string& event) {
    auto step = it->Fire(event, "null", 1);
    BOOST_REQUIRE_MESSAGE(step.ok(), step.status().message());
    return step->errors.empty() ? "" : step->errors[0];
  }
};

const char* kUntouched = "[0,[],{\"ok\":true},null]";

}  // namespace

BOOST_AUTO_TEST_SUITE(SandboxAtomicity)

// A guard's changes are undone; its value decides (so W3C test 444, `++var1==2`, passes while
// var1 stays 1).
BOOST_FIXTURE_TEST_CASE(GuardsCannotChangeData, Fixture) {
  BOOST_CHECK_EQUAL(Fire("bump"), "");
  BOOST_CHECK_EQUAL(Fire("push"), "");
  BOOST_CHECK_EQUAL(Data(), kUntouched);
  BOOST_CHECK_EQUAL(Fire("incr"), "");
  auto err = it->Evaluate("[err, n]");
  BOOST_REQUIRE(err.ok());
  BOOST_CHECK_EQUAL(*err, "[\"incr:0\",0]");
  BOOST_CHECK_EQUAL(Fire("del"), "");
  BOOST_CHECK_EQUAL(Data(), kUntouched);
  BOOST_CHECK(it->IsActive("b"));
}

// Code a script stored runs from a guard through a method named like In() and through an
// implicit valueOf; neither may change anything. (Undoing rebuilds v from JSON: the data model
// holds data, its functions are not kept.)
BOOST_FIXTURE_TEST_CASE(GuardsCannotChangeDataThroughStoredMethods, Fixture) {
  BOOST_CHECK_EQUAL(Fire("arm"), "");
  BOOST_CHECK_EQUAL(Fire("method"), "");
  auto seen = it->Evaluate("[err, n, list]");
  BOOST_REQUIRE(seen.ok());
  BOOST_CHECK_EQUAL(*seen, "[\"method:0\",0,[]]");
}

BOOST_FIXTURE_TEST_CASE(GuardsCannotChangeDataThroughImplicitCalls, Fixture) {
  BOOST_CHECK_EQUAL(Fire("arm"), "");
  BOOST_CHECK_EQUAL(Fire("implicit"), "");
  auto seen = it->Evaluate("[err, n, list]");
  BOOST_REQUIRE(seen.ok());
  BOOST_CHECK_EQUAL(*seen, "[\"implicit:0\",0,[]]");
}

// Not only <script>: any expression that fails leaves the data model as it was before it.
BOOST_FIXTURE_TEST_CASE(FailingExpressionsChangeNothing, Fixture) {
  BOOST_CHECK_EQUAL(Fire("units"),
                    "atom.scxml:13:48: ReferenceError: identifier 'nosuch' undefined");
  BOOST_CHECK_EQUAL(Fire("unitlog"),
                    "atom.scxml:14:34: ReferenceError: identifier 'nosuch' undefined");
  BOOST_CHECK_EQUAL(Fire("unitif"),
                    "atom.scxml:15:32: ReferenceError: identifier 'nosuch' undefined");
  BOOST_CHECK_EQUAL(Data(), kUntouched);
}

BOOST_FIXTURE_TEST_CASE(ReadOnlyGuardsStillDecide, Fixture) {
  BOOST_CHECK_EQUAL(Fire("pure"), "");
  BOOST_CHECK_EQUAL(Data(), "[0,[],{\"ok\":true},\"pure\"]");
}

BOOST_FIXTURE_TEST_CASE(AssignmentsOfAFailingScriptAreRolledBack, Fixture) {
  BOOST_CHECK_EQUAL(Fire("script"),
                    "atom.scxml:10: Error: refused (line 2 of the script at "
                    "atom.scxml:9:28)");
  BOOST_CHECK_EQUAL(Data(), kUntouched);
}

// SCXML 4.10 (W3C test 156): an error stops the rest of the block, the actions before it keep
// their effect. Only the failing script itself is undone.
BOOST_FIXTURE_TEST_CASE(EarlierActionsOfTheBlockKeepTheirEffect, Fixture) {
  BOOST_CHECK_EQUAL(Fire("half"),
                    "atom.scxml:8:102: ReferenceError: identifier 'nosuch' undefined");
  BOOST_CHECK_EQUAL(Data(), "[7,[],{\"ok\":false},null]");
  BOOST_CHECK_EQUAL(Fire("loop"),
                    "atom.scxml:11:120: ReferenceError: identifier 'nosuch' undefined");
  BOOST_CHECK_EQUAL(Data(), "[10,[],{\"ok\":false},null]");
}

BOOST_FIXTURE_TEST_CASE(UnstorableValueIsRefusedAtTheSnapshot, Fixture) {
  BOOST_CHECK_EQUAL(Fire("deep"), "");
  auto snap = it->Snapshot();
  BOOST_REQUIRE(!snap.ok());
  BOOST_CHECK_EQUAL(snap.status().message(),
                    "atom.scxml: variable 'v' is nested deeper than 128 levels; such a value "
                    "cannot be stored");
}

// Valid UTF-8 out of duktape: JSON (snapshots) escapes surrogates and reads back the same
// string; plain text (<log>) gets the 4-byte character, a lone surrogate U+FFFD.
BOOST_FIXTURE_TEST_CASE(SurrogatesLeaveAsValidUtf8, Fixture) {
  BOOST_CHECK_EQUAL(Fire("utf16"), "");
  auto effects = it->TakeEffects();
  BOOST_REQUIRE(!effects.empty());
  BOOST_CHECK_EQUAL(effects.back().text, "a\xF0\x9F\x98\x80" "b\xEF\xBF\xBD" "c");
  auto snap = it->Snapshot();
  BOOST_REQUIRE(snap.ok());
  BOOST_CHECK(snap->find('\xED') == std::string::npos);
  BOOST_CHECK(snap->find("a\\ud83d\\ude00b\\ud800c") != std::string::npos);
  auto chart = koop::model::LoadChartFromString(kChart, "atom.scxml", ".");
  BOOST_REQUIRE(chart.ok());
  auto back = koop::exec::Interpreter::Restore(*chart, *snap);
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().message());
  auto same =
      (*back)->Evaluate("[v.text === 'a\\uD83D\\uDE00b\\uD800c', v.text.length, v['k\\uDC00']]");
  BOOST_REQUIRE(same.ok());
  BOOST_CHECK_EQUAL(*same, "[true,6,1]");
}

// Snapshots and their reading get the engine's own time limit: a 3.9 MB string a rule stored
// is read back and written again under a rule limit of 1 ms.
BOOST_AUTO_TEST_CASE(StoredDataIsReadBackWhateverTheRuleTimeLimit) {
  auto chart = koop::model::LoadChartFromString(kChart, "atom.scxml", ".");
  BOOST_REQUIRE(chart.ok());
  std::string snapshot;
  {
    auto it = koop::exec::Interpreter::Create(*chart);
    BOOST_REQUIRE(it.ok());
    BOOST_REQUIRE((*it)->Start(0).ok());
    BOOST_REQUIRE((*it)->Evaluate("v = 'x'.repeat(3900000), 0").ok());
    auto snap = (*it)->Snapshot();
    BOOST_REQUIRE_MESSAGE(snap.ok(), snap.status().message());
    snapshot = *snap;
  }
  koop::rules::JsLimits limits;
  limits.time_ms = 1;
  koop::rules::JsHeap heap(limits);
  koop::exec::InterpreterOptions options;
  options.heap = &heap;
  auto back = koop::exec::Interpreter::Restore(*chart, snapshot, options);
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().message());
  auto again = (*back)->Snapshot();
  BOOST_REQUIRE_MESSAGE(again.ok(), again.status().message());
  BOOST_CHECK_EQUAL(again->size(), snapshot.size());
}

BOOST_AUTO_TEST_SUITE_END()
