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

std::vector<std::string> Emails(
    const koop::Result<std::vector<koop::notify::Recipient>>& recipients) {
  BOOST_REQUIRE_MESSAGE(recipients.ok(), recipients.status().message());
  std::vector<std::string> out;
  for (const auto& r : *recipients) out.push_back(r.role + "=" + r.email);
  return out;
}

const char* kWhere = "deadline d1 of instance case-1";

}  // namespace

BOOST_AUTO_TEST_SUITE(Recipients)

BOOST_AUTO_TEST_CASE(DesignatedContactReplacesTheInstitutionsAddress) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["coordinator"])", kRegistry, kWhere));
  std::vector<std::string> want = {"coordinator=koordynator@mops.example"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(OneAddressPerInstitutionForARoleHeldByMany) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["ggk.member"])", kRegistry, kWhere));
  std::vector<std::string> want = {"ggk.member=szkola@example.pl",
                                   "ggk.member=dzielnicowy@example.pl"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ContactWithoutAddressFallsBackToTheInstitution) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["network.officer"])", kRegistry, kWhere));
  std::vector<std::string> want = {"network.officer=sekretariat@mops.example"};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(RoleNobodyHoldsGoesToTheLog) {
  auto got = Emails(koop::notify::ResolveRecipients(R"(["court"])", kRegistry, kWhere));
  std::vector<std::string> want = {"court="};
  BOOST_TEST(got == want, boost::test_tools::per_element());
}

// Issue 12: an unreadable registry or role list is an error naming the deadline, never "every role
// to the log" (which lost the e-mails silently).
BOOST_AUTO_TEST_CASE(UnreadableRegistryIsAnError) {
  using koop::notify::ResolveRecipients;
  auto cut = ResolveRecipients(R"(["coordinator"])", "{\"institutions\": [", kWhere);
  BOOST_REQUIRE(!cut.ok());
  BOOST_TEST(cut.status().message() ==
             "municipality of deadline d1 of instance case-1:1:19: invalid JSON: "
             "unexpected end of text");
  auto list = ResolveRecipients(R"(["coordinator"])", "[]", kWhere);
  BOOST_TEST(list.status().message() ==
             "municipality of deadline d1 of instance case-1: not a JSON object");
  auto roles = ResolveRecipients(R"(["coordinator",)", kRegistry, kWhere);
  BOOST_TEST(roles.status().message() ==
             "roles of deadline d1 of instance case-1:1:16: invalid JSON: unexpected end of text");
  auto kind = ResolveRecipients(R"({"institutions": 7})", R"({"institutions": 7})", kWhere);
  BOOST_TEST(kind.status().message() == "roles of deadline d1 of instance case-1: not a JSON list");
  auto registry = ResolveRecipients(R"(["coordinator"])", R"({"institutions": 7})", kWhere);
  BOOST_TEST(registry.status().message() ==
             "municipality of deadline d1 of instance case-1: institutions is not a list");
}

BOOST_AUTO_TEST_SUITE_END()
