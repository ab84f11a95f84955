// Regression: templates whose cost the input chooses. A 1 KB template with deep parentheses
// crashed `koop render` and `koop tags` with SIGSEGV (the expression parser recursed once per
// bracket), 5,000 nested loops took 1.5 GB while pairing, and loops over loops grew the output
// without bound. Each class below must now fail with 65, a message naming the part and the tag,
// and no output file; the members tested are other than the ones first reported.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "docx/limits.h"
#include "docx_fixture.h"
#include "koop/docx.h"

namespace fs = std::filesystem;
using namespace koop::docx::testing;

namespace {

std::string Para(const std::string& text) {
  return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Builds a template from `body`, opens it, and expects a compile error with exactly `message`
// after the "<path>: 1 template error:\n  " header.
void ExpectCompileError(const std::string& name, const std::string& body,
                        const std::string& message) {
  std::string dir = TempDir("limits-" + name);
  std::string tpl = dir + "/t.docx";
  WriteZip(tpl, MinimalDocx(body));
  auto t = koop::DocxTemplate::Open(tpl);
  BOOST_REQUIRE(!t.ok());
  BOOST_TEST(t.status().exit_code() == 65);
  BOOST_TEST(t.status().message() == tpl + ": 1 template error:\n  " + message);
}

// An expression tag that must be refused as too deep.
void ExpectTooDeep(const std::string& name, const std::string& expr) {
  ExpectCompileError(name, Para("{" + expr + "}"),
                     "word/document.xml: tag \"" + expr + "\": tag {" + expr +
                         "}: expression nested deeper than 64 levels "
                         "[scopeparser_compilation_failed]");
}

// Renders `body` with `json`; expects 65 with exactly `message` and no output left.
void ExpectRenderError(const std::string& name, const std::string& body, const std::string& json,
                       const std::string& message) {
  std::string dir = TempDir("limits-" + name);
  std::string tpl = dir + "/t.docx";
  WriteZip(tpl, MinimalDocx(body));
  auto t = koop::DocxTemplate::Open(tpl);
  BOOST_REQUIRE_MESSAGE(t.ok(), t.status().message());
  koop::Status s = t->Render(json, {}, dir + "/out.docx");
  BOOST_TEST(s.exit_code() == 65);
  BOOST_TEST(s.message() == tpl + ": " + message);
  for (const auto& e : fs::directory_iterator(dir)) {
    BOOST_TEST(e.path().filename() == "t.docx", e.path());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_template_limits)

// --- Class: expressions whose parsing or evaluation recursion the text controls -------------

BOOST_AUTO_TEST_CASE(DeepSquareBracketsAreRefused) {
  ExpectTooDeep("brackets", "a[" + Repeat("[", 70) + "1" + Repeat("]", 70) + "]");
}

BOOST_AUTO_TEST_CASE(DeepIndexChainsAreRefused) {
  // a[b[c[...]]]: index inside index.
  ExpectTooDeep("index", Repeat("a[", 80) + "0" + Repeat("]", 80));
}

BOOST_AUTO_TEST_CASE(LongMemberChainsAreRefused) {
  // Not a plain path (it starts with a call-free group), so it builds a kMember tree.
  ExpectTooDeep("members", "(a)" + Repeat(".b", 90));
}

BOOST_AUTO_TEST_CASE(DeepUnaryOperatorsAreRefused) {
  ExpectTooDeep("unary", Repeat("!", 65) + "x");
  ExpectTooDeep("minus", Repeat("- ", 100) + "1");
}

BOOST_AUTO_TEST_CASE(DeepTernariesAreRefused) {
  ExpectTooDeep("ternary", Repeat("a ? b : ", 70) + "c");
}

BOOST_AUTO_TEST_CASE(LongFilterChainsAreRefused) {
  ExpectTooDeep("filters", "x" + Repeat(" | upper", 70));
}

BOOST_AUTO_TEST_CASE(LongOperatorChainsAreRefused) {
  ExpectTooDeep("operators", "1" + Repeat("+1", 80));
}

BOOST_AUTO_TEST_CASE(OverlongExpressionsAreRefused) {
  std::string expr = "a" + Repeat(" || a", 250);  // 1,251 characters, shallow enough
  ExpectCompileError("length", Para("{" + expr + "}"),
                     "word/document.xml: tag \"" + expr + "\": tag {" + expr +
                         "}: expression longer than 1000 characters (1251) "
                         "[scopeparser_compilation_failed]");
}

BOOST_AUTO_TEST_CASE(ThousandsOfParenthesesDoNotCrashTags) {
  // The original crash, through `koop tags`' path (Open compiles): refused by length first.
  std::string expr = Repeat("(", 5000) + "x" + Repeat(")", 5000);
  ExpectCompileError("parens", Para("{" + expr + "}"),
                     "word/document.xml: tag \"" + expr + "\": tag {" + expr +
                         "}: expression longer than 1000 characters (10001) "
                         "[scopeparser_compilation_failed]");
  ExpectTooDeep("parens-short", Repeat("(", 100) + "x" + Repeat(")", 100));
}

BOOST_AUTO_TEST_CASE(NestingAtTheLimitStillWorks) {
  std::string dir = TempDir("limits-ok");
  std::string tpl = dir + "/t.docx";
  std::string expr = Repeat("(", 60) + "x" + Repeat(")", 60);
  WriteZip(tpl, MinimalDocx(Para("{" + expr + "}")));
  auto t = koop::DocxTemplate::Open(tpl);
  BOOST_REQUIRE_MESSAGE(t.ok(), t.status().message());
  BOOST_TEST(t->Render("{\"x\": \"ok\"}", {}, dir + "/out.docx").ok());
  BOOST_TEST(PartLines(dir + "/out.docx", "word/document.xml") == std::vector<std::string>{"ok"});
}

BOOST_AUTO_TEST_CASE(ExpressionsEndingAfterAnOperatorFailCleanly) {
  // Found by fuzz_expression: "! " made the parser step past its last token and read beyond
  // the token vector (heap-buffer-overflow under ASan) on the way out of the error.
  for (const std::string expr : {"! ", "a + !", "-", "x | upper : !"}) {
    ExpectCompileError("truncated", Para("{" + expr + "}"),
                       "word/document.xml: tag \"" + expr + "\": tag {" + expr +
                           "}: unexpected end of expression [scopeparser_compilation_failed]");
  }
}

// --- Class: loop structure ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(DeeplyNestedSectionsAreRefused) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += Para("{#s" + std::to_string(i) + "}");
  for (int i = 39; i >= 0; --i) body += Para("{/s" + std::to_string(i) + "}");
  ExpectCompileError("nested", body,
                     "word/document.xml: tag \"s32\": the loop {#s32} is nested deeper than 32 "
                     "loops [loop_too_deep]");
}

BOOST_AUTO_TEST_CASE(InvertedSectionsCountAsNesting) {
  std::string body = Repeat(Para("{^x}"), 33) + Repeat(Para("{/}"), 33);
  ExpectCompileError("inverted", body,
                     "word/document.xml: tag \"x\": the loop {^x} is nested deeper than 32 "
                     "loops [loop_too_deep]");
}

BOOST_AUTO_TEST_CASE(TooManyTagsInOnePartAreRefused) {
  ExpectCompileError("many", Para(Repeat("{x}", 20001)),
                     "word/document.xml: more than 20000 tags in one part (20001) "
                     "[too_many_tags]");
}

// --- Class: output that loops multiply --------------------------------------------------------

BOOST_AUTO_TEST_CASE(LoopsOverLoopsStopAtTheOutputLimit) {
  // 20^4 = 160,000 repetitions of a 2 KB paragraph: 320 MB, over the 128 MiB limit.
  std::string items = "[" + Repeat("{},", 19) + "{}]";
  std::string body =
      Repeat(Para("{#a}"), 4) + Para(std::string(2000, 'z')) + Repeat(Para("{/}"), 4);
  ExpectRenderError("bytes", body, "{\"a\": " + items + "}",
                    "word/document.xml: tag \"#a\": the document grows beyond 134217728 bytes "
                    "(loops repeat too much)");
}

BOOST_AUTO_TEST_CASE(EmptyLoopsInsideLoopsStopAtTheStepLimit) {
  // No tag at all in the innermost body: only the repetitions themselves cost. 30^6 = 729 M.
  std::string items = "[" + Repeat("{},", 29) + "{}]";
  std::string body = Para("{#a}{#a}{#a}{#a}{#a}{#a}{/}{/}{/}{/}{/}{/}x");
  ExpectRenderError("empty", body, "{\"a\": " + items + "}",
                    "word/document.xml: tag \"#a\": rendering takes more than 10000000 steps "
                    "(loops repeat too much)");
}

BOOST_AUTO_TEST_CASE(LoopsThatWriteNothingStopAtTheStepLimit) {
  // A missing value repeated 40^5 = 102 million times writes nothing but costs time.
  std::string items = "[" + Repeat("{},", 39) + "{}]";
  std::string body = Repeat(Para("{#a}"), 5) + Para("{missing}") + Repeat(Para("{/}"), 5);
  ExpectRenderError("steps", body, "{\"a\": " + items + "}",
                    "word/document.xml: tag \"#a\": rendering takes more than 10000000 steps "
                    "(loops repeat too much)");
}

// --- Class: the XML and zip containers ------------------------------------------------------

BOOST_AUTO_TEST_CASE(ElementsWithThousandsOfAttributesAreRefusedBeforeLibxml2) {
  std::string attrs;
  for (int i = 0; i < 5000; ++i) attrs += " a" + std::to_string(i) + "=\"1\"";
  std::string body = "<w:p" + attrs + "><w:r><w:t>{x}</w:t></w:r></w:p>";
  // Where the element starts, as line:column of the part.
  std::string xml = MinimalDocx(body).at("word/document.xml");
  size_t at = xml.find("<w:p a0");
  size_t line_start = xml.rfind('\n', at) + 1;
  std::string where = "2:" + std::to_string(at - line_start + 1);
  BOOST_REQUIRE(std::count(xml.begin(), xml.begin() + at, '\n') == 1);
  ExpectCompileError("attributes", body,
                     "word/document.xml: word/document.xml:" + where +
                         ": an element with more than 1000 attributes (5000) [malformed_xml]");
}

BOOST_AUTO_TEST_CASE(HighlyCompressedMainPartIsRefused) {
  // The zip-bomb class through the main part itself: 3 MiB of one character.
  std::string dir = TempDir("limits-ratio");
  std::string tpl = dir + "/t.docx";
  WriteZip(tpl, MinimalDocx(Para(std::string(3u << 20, 'z'))));
  auto t = koop::DocxTemplate::Open(tpl);
  BOOST_REQUIRE(!t.ok());
  BOOST_TEST(t.status().exit_code() == 65);
  BOOST_TEST(t.status().message().find("word/document.xml") != std::string::npos,
             t.status().message());
  BOOST_TEST(t.status().message().find("compression ratio") != std::string::npos,
             t.status().message());
}

BOOST_AUTO_TEST_SUITE_END()
