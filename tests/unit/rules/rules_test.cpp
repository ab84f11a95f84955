// The duktape host: script rewriting, rule files called by name, limits, determinism.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include "rules/js_heap.h"
#include "rules/rule_library.h"
#include "rules/script_rewrite.h"

using koop::rules::JsHeap;
using koop::rules::RuleLibrary;

BOOST_AUTO_TEST_SUITE(Rules)

BOOST_AUTO_TEST_CASE(WrapScriptFindsTopLevelDeclarations) {
  koop::rules::ScriptDecls decls;
  std::string out = koop::rules::WrapScript(
      "var a = 1, b = {x: [1, 2]};\nfunction f(x) { var inner = 2; return x; }\n"
      "var s = 'function g() {}'; // function h() {}\nif (a) { var c = 3; }\n",
      &decls);
  BOOST_CHECK_EQUAL(decls.vars.size(), 3u);
  BOOST_CHECK_EQUAL(decls.vars[0], "a");
  BOOST_CHECK_EQUAL(decls.vars[1], "b");
  BOOST_CHECK_EQUAL(decls.vars[2], "s");
  BOOST_REQUIRE_EQUAL(decls.functions.size(), 1u);
  BOOST_CHECK_EQUAL(decls.functions[0], "f");
  BOOST_CHECK(out.find("__s.f=function f(x)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(CallsRuleFunctionsWithJsonArguments) {
  JsHeap heap;
  RuleLibrary lib(heap);
  BOOST_REQUIRE(lib.LoadSource("function twice(x) { return {v: x.n * 2}; }\n"
                               "function today() { return new Date().toISOString(); }\n",
                               "rules/twice.js")
                    .ok());
  auto r = lib.Call("twice", "[{\"n\": 21}]", 0);
  BOOST_REQUIRE(r.ok());
  BOOST_CHECK_EQUAL(*r, "{\"v\":42}");
  r = lib.Call("today", "[]", 1795428000000);  // "now" is the caller's time, not the wall clock
  BOOST_REQUIRE(r.ok());
  BOOST_CHECK_EQUAL(*r, "\"2026-11-23T10:00:00.000Z\"");
  r = lib.Call("missing", "[]", 0);
  BOOST_REQUIRE(!r.ok());
  BOOST_CHECK_EQUAL(r.status().message(), "rules: missing(): ReferenceError: no rule function 'missing'");
}

BOOST_AUTO_TEST_CASE(RuleErrorsNameTheFileAndLine) {
  JsHeap heap;
  RuleLibrary lib(heap);
  BOOST_REQUIRE(lib.LoadSource("function bad(x) {\n  return x.missing.field;\n}\n",
                               "rules/bad.js")
                    .ok());
  auto r = lib.Call("bad", "[{}]", 0);
  BOOST_REQUIRE(!r.ok());
  BOOST_CHECK_EQUAL(r.status().message(),
                    "rules/bad.js: bad(): TypeError: cannot read property 'field' of undefined");
  auto path = std::filesystem::temp_directory_path() / "koop_syntax_error.js";
  std::ofstream(path) << "function f() {\n  return 1 +;\n}\n";
  auto st = koop::rules::CheckRuleFile(path.string());
  BOOST_REQUIRE(!st.ok());
  BOOST_CHECK(st.message().find("SyntaxError") != std::string::npos);
  BOOST_CHECK(st.message().find("line 2") != std::string::npos);
  std::filesystem::remove(path);
}

BOOST_AUTO_TEST_CASE(RunawayRuleIsStoppedAndHeapStaysUsable) {
  JsHeap heap;
  RuleLibrary lib(heap);
  BOOST_REQUIRE(lib.LoadSource("function spin() { while (true) {} }\nfunction one() { return 1; }",
                               "rules/spin.js")
                    .ok());
  auto r = lib.Call("spin", "[]", 0);
  BOOST_REQUIRE(!r.ok());
  BOOST_CHECK_EQUAL(r.status().message(), "rules/spin.js: spin(): time limit of 50 ms exceeded");
  r = lib.Call("one", "[]", 0);
  BOOST_REQUIRE(r.ok());
  BOOST_CHECK_EQUAL(*r, "1");
}

BOOST_AUTO_TEST_CASE(MathRandomIsNotAvailable) {
  JsHeap heap;
  RuleLibrary lib(heap);
  BOOST_REQUIRE(lib.LoadSource("function r() { return Math.random(); }", "rules/r.js").ok());
  auto r = lib.Call("r", "[]", 0);
  BOOST_REQUIRE(!r.ok());
  BOOST_CHECK(r.status().message().find("Math.random is not available") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
