// JsonTree (the snapshot reader) and restoring snapshots with it: raw text kept verbatim, members
// in document order, strict syntax, clear errors.
#include "exec/json_tree.h"

#include <boost/test/unit_test.hpp>

#include "exec/interpreter.h"
#include "model/loader.h"

namespace koop::exec {
namespace {

using Kind = JsonNode::Kind;

BOOST_AUTO_TEST_SUITE(JsonTreeReader)

BOOST_AUTO_TEST_CASE(KeepsRawTextAndDocumentOrder) {
  const std::string text =
      R"( {"z": {"b" : 2, "a":[1, 2.5e3, -0.5]}, "a":"x\"\\\/\n\u0041\u0142\ud83d\ude00",)"
      R"( "t":true, "f":false, "n":null, "e":{}, "l":[]} )";
  auto root = ParseJsonTree(text);
  BOOST_REQUIRE_MESSAGE(root.ok(), root.status().message());
  BOOST_TEST(static_cast<int>(root->kind) == static_cast<int>(Kind::kObject));
  BOOST_REQUIRE(root->members.size() == 7u);
  BOOST_TEST(root->members[0].first == "z");
  BOOST_TEST(root->members[1].first == "a");
  const JsonNode* z = root->Find("z");
  BOOST_TEST(z->raw == R"({"b" : 2, "a":[1, 2.5e3, -0.5]})");
  BOOST_TEST(z->members[0].first == "b");
  BOOST_TEST(z->Find("a")->items.size() == 3u);
  BOOST_TEST(z->Find("a")->items[1].raw == "2.5e3");
  BOOST_TEST(root->Find("a")->text == "x\"\\/\nAł\xF0\x9F\x98\x80");
  BOOST_TEST(*JsonBool(*root, "t"));
  BOOST_TEST(!*JsonBool(*root, "f"));
  BOOST_TEST(static_cast<int>(root->Find("n")->kind) == static_cast<int>(Kind::kNull));
  BOOST_TEST(root->Find("e")->members.empty());
  BOOST_TEST(root->Find("l")->items.empty());
  BOOST_TEST(root->Find("missing") == nullptr);
}

BOOST_AUTO_TEST_CASE(TypedAccessNamesTheKey) {
  auto root = ParseJsonTree(R"({"n": 12, "big": 9007199254740993, "f": 1.5, "s": "x"})");
  BOOST_REQUIRE(root.ok());
  BOOST_TEST(*JsonInt(*root, "n") == 12);
  BOOST_TEST(*JsonInt(*root, "big") == 9007199254740993LL);  // exact, not through a double
  BOOST_TEST(JsonInt(*root, "f").status().message() == "'f' is not a whole number");
  BOOST_TEST(JsonInt(*root, "s").status().message() == "'s' is not a number");
  BOOST_TEST(JsonString(*root, "nope").status().message() == "'nope' is missing");
  BOOST_TEST(*JsonString(*root, "s") == "x");
}

BOOST_AUTO_TEST_CASE(RefusesMalformedText) {
  for (const char* bad :
       {"", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "[1 2]", "{\"a\":1,}", "01", "-", "1.", "1e",
        "\"abc", "\"a\tb\"", "\"\\x\"", "\"\\u12\"", "tru", "{} x", "{'a':1}", "nul"}) {
    auto r = ParseJsonTree(bad);
    BOOST_TEST(!r.ok(), "accepted: " << bad);
    BOOST_TEST(r.status().exit_code() == 65);
  }
  BOOST_TEST(ParseJsonTree("[1,}").status().message() ==
             "JSON at offset 3: unexpected character '}'");
  BOOST_TEST(ParseJsonTree(std::string(600, '[') + std::string(600, ']'))
                 .status()
                 .message()
                 .find("nested too deeply") != std::string::npos);
  BOOST_TEST(ParseJsonTree(std::string(500, '[') + std::string(500, ']')).ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SnapshotRestore)

std::shared_ptr<const model::Chart> Chart() {
  auto chart = model::LoadChartFromString(R"xml(<?xml version="1.0" encoding="UTF-8"?>
<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0" datamodel="ecmascript" name="ord"
       initial="a">
  <datamodel>
    <data id="zeta" expr="({y: 1, b: 'ł', c: [3, {q: 1, p: 2}]})"/>
    <data id="alpha" expr="0"/>
  </datamodel>
  <state id="a">
    <onentry><send event="later" delay="3600s" id="l1"><content expr="({z: 1, a: 2})"/></send></onentry>
    <transition event="go"><assign location="alpha" expr="alpha + 1"/></transition>
  </state>
</scxml>)xml",
                                          "ord.xml", ".");
  BOOST_REQUIRE_MESSAGE(chart.ok(), chart.status().message());
  return *chart;
}

BOOST_AUTO_TEST_CASE(RestoringKeepsTheDataAsWritten) {
  // Data members not in alphabetical order survive restore -> snapshot unchanged, so replaying
  // the log (no restores) reproduces what event-by-event restores stored.
  auto chart = Chart();
  auto it = Interpreter::Create(chart);
  BOOST_REQUIRE(it.ok());
  BOOST_REQUIRE((*it)->Start(1000).ok());
  auto snap = (*it)->Snapshot();
  BOOST_REQUIRE(snap.ok());
  BOOST_TEST(snap->find(R"("data":{"zeta":{"y":1,"b":"ł","c":[3,{"q":1,"p":2}]},"alpha":0})") !=
                 std::string::npos,
             *snap);
  auto restored = Interpreter::Restore(chart, *snap);
  BOOST_REQUIRE_MESSAGE(restored.ok(), restored.status().message());
  BOOST_TEST(*(*restored)->Snapshot() == *snap);
  BOOST_REQUIRE((*restored)->Fire("go", "{}", 2000).ok());
  BOOST_REQUIRE((*it)->Fire("go", "{}", 2000).ok());
  BOOST_TEST(*(*restored)->Snapshot() == *(*it)->Snapshot());
}

BOOST_AUTO_TEST_CASE(AMalformedSnapshotIsRefusedClearly) {
  auto chart = Chart();
  auto it = Interpreter::Create(chart);
  BOOST_REQUIRE((*it)->Start(1000).ok());
  std::string snap = *(*it)->Snapshot();
  auto cut = Interpreter::Restore(chart, snap.substr(0, snap.size() / 2));
  BOOST_TEST(cut.status().exit_code() == 65);
  BOOST_TEST(cut.status().message().find("invalid snapshot: JSON at offset") != std::string::npos,
             cut.status().message());
  std::string no_now = snap;
  no_now.replace(no_now.find("\"now\""), 5, "\"wen\"");
  auto missing = Interpreter::Restore(chart, no_now);
  BOOST_TEST(
      missing.status().message().find("invalid snapshot: 'now' is missing") != std::string::npos,
      missing.status().message());
  std::string unknown = snap;
  unknown.replace(unknown.find("\"configuration\":[\"a\"]"), 21, "\"configuration\":[\"x\"]");
  auto state = Interpreter::Restore(chart, unknown);
  BOOST_TEST(state.status().message().find("snapshot names unknown state 'x'") != std::string::npos,
             state.status().message());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::exec
