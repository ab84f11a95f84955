// Hostile long values, one class: a check whose recursion depth the input chose. Guards against:
// `koop validate` of a municipality file whose id was 1 MB of letters, and every command given
// a --at/--now of 130 KB, died of SIGSEGV: the shapes (municipality id, e-mail, postal code,
// TERYT, a number parameter, an instant) were checked with std::regex, whose libstdc++ matcher
// recurses once per character a repetition takes, so the stack overflowed. Each member below is
// a value a few megabytes long in another of these places; each must be read or refused with the
// usual message, and the process must live on. (The fuzzers' inputs are at most 8 KB, too short
// to reach this depth.)
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "koop/clock.h"
#include "model/koop_plan.h"
#include "municipality/municipality.h"

namespace koop {
namespace {

constexpr std::size_t kLong = 2'000'000;

std::string Testtown() {
  std::ifstream in(std::string(KOOP_SOURCE_DIR) + "/tests/unit/instance/data/testtown.xml");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " + from);
  return text.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(HostileLongValues)

BOOST_AUTO_TEST_CASE(InstantsWithLongFractionsAreReadOrRefused) {
  const std::string fraction(kLong, '7');
  auto ok = ParseInstant("2026-11-23T10:00:00." + fraction + "Z");
  BOOST_REQUIRE_MESSAGE(ok.ok(), ok.status().message());
  BOOST_TEST(*ok == ParseInstant("2026-11-23T10:00:00.777Z").value());
  const std::string bad = "2026-11-23T10:00:00." + fraction + "x";
  auto refused = ParseInstant(bad);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.status().exit_code() == 65);
  BOOST_TEST(refused.status().message() ==
             "invalid time '" + bad + "': expected YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]");
}

// The place is the one a short bad value gets (the root's start tag ends on line 3).
BOOST_AUTO_TEST_CASE(LongMunicipalityIdIsRefusedWithItsPlace) {
  const std::string id = std::string(kLong, 'a') + "B";
  auto m = municipality::ParseMunicipality(
      Replace(Testtown(), "id=\"testtown\"", "id=\"" + id + "\""), "long.xml");
  BOOST_REQUIRE(!m.ok());
  BOOST_TEST(m.status().exit_code() == 65);
  BOOST_TEST(m.status().message() == "long.xml:3:1: municipality id '" + id +
                                         "' must be lower-case letters, digits, '.', '_', '-'");
}

BOOST_AUTO_TEST_CASE(LongButWellFormedMunicipalityIdIsRead) {
  const std::string id(kLong, 'a');
  auto m = municipality::ParseMunicipality(
      Replace(Testtown(), "id=\"testtown\"", "id=\"" + id + "\""), "long.xml");
  BOOST_REQUIRE_MESSAGE(m.ok(), m.status().message().substr(0, 300));
  BOOST_TEST(m->id == id);
}

BOOST_AUTO_TEST_CASE(LongTerytPostalCodeAndEmailAreRefused) {
  std::string xml =
      Replace(Testtown(), "teryt=\"1014011\"", "teryt=\"" + std::string(kLong, '1') + "\"");
  xml =
      Replace(xml, "postal-code=\"98-200\"", "postal-code=\"98-" + std::string(kLong, '2') + "\"");
  auto m = municipality::ParseMunicipality(xml, "long.xml");
  BOOST_REQUIRE(!m.ok());
  const std::string& message = m.status().message();
  BOOST_TEST(message.find("long.xml:3:1: TERYT code '" + std::string(kLong, '1') +
                          "' must be 7 digits") == 0u);
  BOOST_TEST(message.find("' is not NN-NNN") != std::string::npos);

  auto at = Testtown().find("email=\"");
  BOOST_REQUIRE(at != std::string::npos);
  std::string mail = Testtown().insert(at + 7, std::string(kLong, 'x'));
  auto e = municipality::ParseMunicipality(mail, "long.xml");
  BOOST_REQUIRE(!e.ok());
  BOOST_TEST(e.status().message().find("is not a single e-mail address") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(LongNumberParametersAreJudgedNotCrashed) {
  const std::string digits(kLong, '9');
  BOOST_TEST(model::ValueMisfit(model::ValueType::kNumber, digits) == "");
  BOOST_TEST(model::ValueMisfit(model::ValueType::kNumber, "-" + digits + "." + digits) == "");
  BOOST_TEST(model::ValueMisfit(model::ValueType::kNumber, digits + "x") == "a number");
  BOOST_TEST(model::ValueMisfit(model::ValueType::kNumber, digits + ".") == "a number");
  BOOST_TEST(model::ValueMisfit(model::ValueType::kNumber, "." + digits) == "a number");
  BOOST_TEST(model::ValueMisfit(model::ValueType::kNumber, "1e5") == "a number");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace koop
