// The one JSON writer and reader (engine/src/json): members in written order, compact, strings
// escaped so that Poco reads back exactly what was written; the reader names SOURCE:LINE:COL.
#include "json/json_writer.h"

#include <boost/test/unit_test.hpp>

#include "json/json_reader.h"

namespace koop::json {
namespace {

BOOST_AUTO_TEST_SUITE(JsonWriter)

BOOST_AUTO_TEST_CASE(MembersInWrittenOrderCompact) {
  Writer w;
  w.Object().Key("z").Int(-3).Key("a").Array().Bool(true).Null().String("x").End();
  w.Key("m").Object().End().Key("raw").Raw(R"({"k":[1,2]})").Key("e").Array().End().End();
  BOOST_TEST(w.Take() == R"({"z":-3,"a":[true,null,"x"],"m":{},"raw":{"k":[1,2]},"e":[]})");
}

BOOST_AUTO_TEST_CASE(StringsRoundTripThroughPoco) {
  const std::string nasty = "quote \" back \\ nl \n cr \r tab \t bel \x07 esc \x1b żółć €";
  BOOST_TEST(Quote("a\"b\\c\n\x01") == R"("a\"b\\c\n\u0001")");
  Writer w;
  w.Object().Key(nasty).String(nasty).End();
  Result<Poco::JSON::Object::Ptr> back = ParseObject(w.text(), "written");
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().message());
  BOOST_TEST((*back)->size() == 1u);
  BOOST_TEST((*back)->getValue<std::string>(nasty) == nasty);
}

BOOST_AUTO_TEST_CASE(ReaderNamesTheSourceAndPlace) {
  BOOST_TEST(Parse("{\"a\": 1,\n \"b\" 2}", "f.json").status().message() ==
             "f.json:2:6: invalid JSON: expected ':' after member name");
  BOOST_TEST(ParseObject("[1]", "stored thing").status().message() ==
             "stored thing: not a JSON object");
  BOOST_TEST(ParseArray("{}", "roles").status().message() == "roles: not a JSON list");
  BOOST_TEST(ParseStrings("[\"a\", 1]", "roles").status().message() ==
             "roles: not a list of texts");
  BOOST_TEST(ParseStrings("[\"a\", \"b\"]", "roles").value().size() == 2u);
  BOOST_TEST(Parse("", "empty").status().message() ==
             "empty:1:1: invalid JSON: unexpected end of text");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::json
