// Municipality files: parsing, every error at once with its place, JSON round trip, look-up.
#include "municipality/municipality.h"

#include <boost/test/unit_test.hpp>

namespace koop::municipality {
namespace {

const std::string kData = std::string(KOOP_SOURCE_DIR) + "/tests/unit/instance/data/";

BOOST_AUTO_TEST_SUITE(Municipalities)

BOOST_AUTO_TEST_CASE(ReadsTheSampleFile) {
  auto m = LoadMunicipality(kData + "testtown.xml");
  BOOST_REQUIRE_MESSAGE(m.ok(), m.status().message());
  BOOST_TEST(m->id == "testtown");
  BOOST_TEST(m->name == "Gmina Testowo");
  BOOST_TEST(m->teryt == "1014011");
  BOOST_TEST(m->params.at("ggk.noticeDays") == "3");
  BOOST_REQUIRE(m->institutions.size() == 2u);
  BOOST_TEST(m->institutions[0].type == "OPS");
  BOOST_TEST(m->institutions[0].postal_code == "98-200");
  BOOST_TEST(m->institutions[0].contacts.at(0).roles.at(0) == "coordinator");
  BOOST_TEST(m->office_hours[0].open_minute == 7 * 60 + 30);
  BOOST_TEST(m->office_hours[5].close_minute == 0);
  BOOST_TEST(m->closures.at(0).date == "2026-12-31");
  BOOST_TEST(m->UsesWorkflow("testcase"));
}

BOOST_AUTO_TEST_CASE(ReportsEveryProblemWithItsPlace) {
  auto m = LoadMunicipality(kData + "bad_municipality.xml");
  BOOST_REQUIRE(!m.ok());
  BOOST_TEST(m.status().exit_code() == 65);
  const std::string f = kData + "bad_municipality.xml";
  BOOST_TEST(
      m.status().message() ==
      f + ":2:1: municipality id 'Bad Id' must be lower-case letters, digits, '.', '_', '-'\n" + f +
          ":2:1: TERYT code '12' must be 7 digits\n" + f +
          ":4:5: unknown institution type 'spaceship' (OPS, PCPR, ROPS, school, police, "
          "health, labour-office, court, NGO, local-government, church, other)\n" +
          f + ":5:5: duplicate institution id 'ops'\n" + f +
          ":8:5: closure date '2026-02-30' is not a valid YYYY-MM-DD date");
}

BOOST_AUTO_TEST_CASE(RefusesDoctypeAndBrokenXml) {
  auto xxe = ParseMunicipality(
      "<!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><municipality/>", "m.xml");
  BOOST_TEST(xxe.status().message() == "m.xml:1:1: a DOCTYPE or ENTITY declaration is not allowed");
  auto broken = ParseMunicipality("<municipality>\n  <params>\n</municipality>", "b.xml");
  BOOST_TEST(broken.status().exit_code() == 65);
  BOOST_TEST(broken.status().message().rfind("b.xml:3:", 0) == 0, broken.status().message());
}

BOOST_AUTO_TEST_CASE(JsonRoundTrip) {
  auto m = LoadMunicipality(kData + "testtown.xml");
  BOOST_REQUIRE(m.ok());
  std::string json = MunicipalityToJson(*m);
  auto back = MunicipalityFromJson(json);
  BOOST_REQUIRE(back.ok());
  BOOST_TEST(MunicipalityToJson(*back) == json);
}

BOOST_AUTO_TEST_CASE(LooksUpByIdOrPath) {
  BOOST_TEST(*FindMunicipalityFile(kData, "testtown") == kData + "testtown.xml");
  auto missing = FindMunicipalityFile("/nowhere", "ghost");
  BOOST_TEST(missing.status().exit_code() == 66);
  BOOST_TEST(missing.status().message() ==
             "unknown municipality 'ghost' (looked for /nowhere/ghost.xml and "
             "/nowhere/municipalities/ghost.xml)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::municipality
