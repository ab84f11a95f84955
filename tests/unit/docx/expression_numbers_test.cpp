// Numbers at the edges of the template expression evaluator, one class: arithmetic or a
// conversion whose result does not fit. Guards against: `{+5999…9-5*n | liczba:"…":"…":"…"}`
// (fuzz_expression, 552,134th execution) converted 6e+32 to a 64-bit integer, undefined behaviour
// that UBSan aborts on and that gives a nonsense count otherwise; the other members below
// (INT64_MIN % -1 and / -1, which trap on x86 with SIGFPE, and -INT64_MIN) were found by
// reading the evaluator for the same class. Each must give a value or a named error, never a
// signal.
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "docx/data.h"
#include "docx/expression.h"

namespace {

// Evaluates `text` against {"min": INT64_MIN, "big": 6e32, "n": 3}: its string value, or the
// first error.
std::string Eval(const std::string& text) {
  static const koop::docx::Data data =
      koop::docx::ParseJson(R"({"min": -9223372036854775808, "big": 6e32, "n": 3})", "test")
          .value();
  auto expr = koop::docx::CompileExpr(text);
  BOOST_REQUIRE_MESSAGE(expr.ok(), expr.status().message());
  koop::docx::Scopes scopes;
  scopes.list.push_back(&data);
  scopes.indexes.push_back(-1);
  std::vector<std::string> errors;
  koop::docx::Val v = koop::docx::Evaluate(**expr, scopes, &errors);
  return errors.empty() ? v.str() : "error: " + errors.front();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ExpressionNumbers)

BOOST_AUTO_TEST_CASE(CountsTooLargeForAnIntegerAreNamedErrors) {
  BOOST_TEST(Eval(R"(big | liczba:"dzień":"dni":"dni")") ==
             "error: filter liczba: expected a whole number of at most 16 digits, got 6e+32");
  BOOST_TEST(Eval(R"(+599999999999999999999999999999999 - 5 * n | liczba:"dzień":"dni":"dni")") ==
             "error: filter liczba: expected a whole number of at most 16 digits, got 6e+32");
  BOOST_TEST(Eval(R"("1e300" | forma:"dzień":"dni":"dni")") ==
             "error: filter forma: expected a whole number of at most 16 digits, got 1e300");
  BOOST_TEST(Eval(R"(1/0 | liczba:"dzień":"dni":"dni")") ==
             "error: filter liczba: expected a whole number of at most 16 digits, got Infinity");
  // The largest exact whole double still counts.
  BOOST_TEST(Eval(R"(9007199254740992 * 1.0 | liczba:"dzień":"dni":"dni")") ==
             "9007199254740992 dni");
  BOOST_TEST(Eval(R"(min | liczba:"dzień":"dni":"dni")") == "-9223372036854775808 dni");
}

BOOST_AUTO_TEST_CASE(IntegerOverflowFallsBackToDoubles) {
  BOOST_TEST(Eval("min % -1") == "0");
  BOOST_TEST(Eval("min / -1") == "9223372036854775808");
  BOOST_TEST(Eval("-min") == "9223372036854775808");
  BOOST_TEST(Eval("(min + 1) / -1") == "9223372036854775807");
  BOOST_TEST(Eval("min - 1") == "-9223372036854775808");
  BOOST_TEST(Eval("7 % -1") == "0");
  BOOST_TEST(Eval("7 / -1") == "-7");
}

BOOST_AUTO_TEST_SUITE_END()
