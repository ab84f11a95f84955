// The JSON helpers behind pack data: deep merge (null does not hide a value), dotted look-up and
// output file names filled from list items.
#include "pack/json_tree.h"

#include <boost/test/unit_test.hpp>

using koop::pack::DeepMerge;
using koop::pack::FillName;
using koop::pack::Lookup;
using koop::pack::ParseObject;
using koop::pack::ToJson;

BOOST_AUTO_TEST_SUITE(PackJson)

BOOST_AUTO_TEST_CASE(MergesObjectsKeyByKeyAndIgnoresNull) {
  auto base = ParseObject(
      R"({"gmina":{"nazwa":"Gmina A","powiat_dop":"x"},"spotkanie":{"data":"1"}})", "a");
  auto over = ParseObject(R"({"gmina":{"nazwa":"Gmina B"},"spotkanie":null,"nowe":[1,2]})", "b");
  BOOST_REQUIRE(base.ok() && over.ok());
  DeepMerge(*base, *over);
  BOOST_TEST(
      ToJson(*base) ==
      R"({"gmina":{"nazwa":"Gmina B","powiat_dop":"x"},"nowe":[1,2],"spotkanie":{"data":"1"}})");
}

BOOST_AUTO_TEST_CASE(LooksUpDottedPaths) {
  auto o = ParseObject(R"({"a":{"b":{"c":[1]}}})", "x");
  BOOST_REQUIRE(o.ok());
  BOOST_TEST(ToJson(Lookup(*o, "a.b.c")) == "[1]");
  BOOST_TEST(Lookup(*o, "a.x").isEmpty());
  BOOST_TEST(Lookup(*o, "a.b.c.d").isEmpty());
}

BOOST_AUTO_TEST_CASE(FillsFileNamesFromTheItemThenTheRoot) {
  auto item = ParseObject(R"({"nr":3,"nazwa":"SP nr 1/Gaj"})", "i");
  auto root = ParseObject(R"({"sprawa":{"numer":"ZG/14"}})", "r");
  BOOST_REQUIRE(item.ok() && root.ok());
  BOOST_TEST(FillName("zaproszenie-{nr}.docx", *item, *root) == "zaproszenie-3.docx");
  BOOST_TEST(FillName("{nazwa}.docx", *item, *root) == "SP-nr-1-Gaj.docx");
  BOOST_TEST(FillName("karta-{sprawa.numer}.docx", *item, *root) == "karta-ZG-14.docx");
  BOOST_TEST(FillName("../x.docx", nullptr, *root) == "-x.docx");
}

BOOST_AUTO_TEST_CASE(RejectsNonObjects) {
  BOOST_TEST(!ParseObject("[1]", "f.json").ok());
  BOOST_TEST(ParseObject("[1]", "f.json").status().message() == "f.json: not a JSON object");
  // The engine's one reader: the place of a syntax error (issue 12).
  BOOST_TEST(ParseObject("{\n  \"a\": 1\n  \"b\": 2}", "f.json").status().message() ==
             "f.json:3:3: invalid JSON: expected ',' or '}' after member value");
}

BOOST_AUTO_TEST_SUITE_END()
