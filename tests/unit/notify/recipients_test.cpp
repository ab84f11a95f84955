// Regression: a role held by an institution and by one of its contact people sent the same
// reminder twice (once to the institution's address, once to the person's).
#include "notify/recipients.h"

#include <boost/test/unit_test.hpp>

namespace {

const char* kRegistry = R"({"institutions": [
  {"id": "mops", "email": "sekretariat@mops.example", "roles": ["coordinator", "leader"],
   "contacts": [{"email": "koordynator@mops.example", "roles": ["coordinator"]},
                {"email": "", "roles": ["network.officer"]}]},
  {"id": "szkola", "email": "szkola@example.pl", "roles": ["ggk.member"]},
  {"id": "policja", "email": "kpp@example.pl", "roles": ["ggk.member"],
   "contacts": [{"email": "dzielnicowy@example.pl", "roles": ["ggk.member"]}]}
]})";

std::vector<std::string> Emails(const std::vector<koop::notify::Recipient>& recipients) {
  std::vector<std::string> out;
  for (const auto& r : recipients) out.push_back(r.role + "=" + r.email);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(Recipients)

BOOST_AUTO_TEST_CASE(DesignatedContactReplacesTheInstitutionsAddress) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["coordinator"])", kRegistry));
  std::vector<std::string> want = {"coordinator=koordynator@mops.example"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(OneAddressPerInstitutionForARoleHeldByMany) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["ggk.member"])", kRegistry));
  std::vector<std::string> want = {"ggk.member=szkola@example.pl",
                                   "ggk.member=dzielnicowy@example.pl"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ContactWithoutAddressFallsBackToTheInstitution) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["network.officer"])", kRegistry));
  std::vector<std::string> want = {"network.officer=sekretariat@mops.example"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RoleNobodyHoldsGoesToTheLog) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["court"])", kRegistry));
  std::vector<std::string> want = {"court="};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
