// Secrets: Argon2id password strings, random tokens and the hash under which tokens are stored.
// The BLAKE2b vectors were computed independently (Python's hashlib.blake2b, digest_size=32).
#include "accounts/secrets.h"

#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

namespace koop::accounts {
namespace {

bool IsHex64(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

BOOST_AUTO_TEST_SUITE(Secrets)

BOOST_AUTO_TEST_CASE(HashesPasswordsWithArgon2idAndASalt) {
  Result<std::string> a = HashPassword("hasło-testowe-1");
  Result<std::string> b = HashPassword("hasło-testowe-1");
  BOOST_REQUIRE(a.ok() && b.ok());
  BOOST_TEST(a->rfind("$argon2id$", 0) == 0);
  BOOST_TEST(*a != *b);  // a fresh salt each time
  BOOST_TEST(a->find("hasło") == std::string::npos);
  BOOST_TEST(VerifyPassword(*a, "hasło-testowe-1"));
  BOOST_TEST(VerifyPassword(*b, "hasło-testowe-1"));
  BOOST_TEST(!VerifyPassword(*a, "hasło-testowe-2"));
  BOOST_TEST(!VerifyPassword(*a, ""));
}

BOOST_AUTO_TEST_CASE(RefusesMalformedStoredStrings) {
  BOOST_TEST(!VerifyPassword("", "anything"));
  BOOST_TEST(!VerifyPassword("plain-text-password", "plain-text-password"));
  BOOST_TEST(!VerifyPassword(std::string(500, 'x'), "x"));
}

BOOST_AUTO_TEST_CASE(TokensAre256BitHexAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string t = RandomToken();
    BOOST_TEST_REQUIRE(IsHex64(t));
    seen.insert(t);
  }
  BOOST_TEST(seen.size() == 1000u);
}

BOOST_AUTO_TEST_CASE(TokenHashIsBlake2b256OfTheTokenText) {
  BOOST_TEST(TokenHash("") == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
  BOOST_TEST(TokenHash(std::string(64, '0')) ==
             "681df247e1ece8365db91166ed273590019df392004d2ea25543335c71bbe2d2");
  std::string t = RandomToken();
  BOOST_TEST(TokenHash(t) == TokenHash(t));
  BOOST_TEST(TokenHash(t) != t);
  BOOST_TEST(IsHex64(TokenHash(t)));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop::accounts
