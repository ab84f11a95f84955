// Accounts on SQLite and PostgreSQL (under scripts/with-postgres): the sign-in throttle per login
// and per address, idle expiry against a clock that moves (and one set minutes back), disable
// ending every session and feed token, tokens stored only as their hash, exact error messages.
#include "koop/accounts.h"

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>

#include "accounts/secrets.h"
#include "koop/database.h"
#include "store/store.h"
#include "unit/store/test_backends.h"

namespace koop {
namespace {

using testing::Backends;
using testing::TempDir;
using testing::TestDatabase;

constexpr TimeMs kMinute = 60 * 1000;
constexpr TimeMs kStart = 1800000000000;  // 2027-01-15

struct Fixture {
  Fixture(const std::string& kind) : db(kind, dir), clock(std::make_shared<FixedClock>(kStart)) {
    DatabaseOptions o;
    o.uri = db.uri();
    o.clock = clock;
    o.accounts.session_idle_ms = 30 * kMinute;
    auto opened = Database::Open(o);
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().message());
    database = std::move(*opened);
    accounts = &database->accounts();
    BOOST_REQUIRE(
        accounts->Add({"anna", "hasło-testowe-1", Role::kCoordinator, "sieradz", ""}).ok());
  }
  // The number of rows of a table, read through a second connection.
  std::int64_t Count(const std::string& sql) {
    auto store = store::Store::Open(db.uri());
    BOOST_REQUIRE(store.ok());
    auto tx = (*store)->BeginRead();
    BOOST_REQUIRE(tx.ok());
    auto rows = tx->Query(sql);
    BOOST_REQUIRE_MESSAGE(rows.ok(), rows.status().message());
    return (*rows)[0].Int(0);
  }
  TempDir dir;
  TestDatabase db;
  std::shared_ptr<FixedClock> clock;
  std::unique_ptr<Database> database;
  Accounts* accounts = nullptr;  // database->accounts()
};

BOOST_AUTO_TEST_SUITE(AccountsOnBothBackends)

BOOST_AUTO_TEST_CASE(RefusesBadAccountsWithExactMessages) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      Status s = f.accounts->Add({"anna", "inne-hasło-9", Role::kMember, "sieradz", "sp5"});
      BOOST_TEST(s.message() == "login 'anna' already exists");
      // Regression: the length was counted in bytes, so "krótkie" (7 characters, 8 bytes of
      // UTF-8) passed as 8 characters.
      s = f.accounts->Add({"bartek", "krótkie", Role::kCoordinator, "sieradz", ""});
      BOOST_TEST(s.message() == "the password must have at least 8 characters");
      BOOST_TEST(f.accounts->Add({"bartek", "krótkie!", Role::kCoordinator, "sieradz", ""}).ok());
      s = f.accounts->Add({"ew\r\nSet-Cookie: x", "hasło-testowe-1", Role::kCoordinator, "s", ""});
      BOOST_TEST(s.message() ==
                 "login 'ew\r\nSet-Cookie: x': use 1-64 letters, digits, '.', '_' or '-'");
      BOOST_TEST(f.accounts->Disable("nikt").message() == "no account 'nikt'");
    }
  }
}

BOOST_AUTO_TEST_CASE(StoresOnlyTheHashOfASessionToken) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      auto in = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.1");
      BOOST_REQUIRE(in.ok());
      BOOST_REQUIRE(in->result == SignInResult::kOk);
      const std::string token = in->session.token;
      BOOST_TEST(token.size() == 64u);
      BOOST_TEST(f.Count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" +
                         accounts::TokenHash(token) + "'") == 1);
      BOOST_TEST(f.Count("SELECT COUNT(*) FROM sessions WHERE token_hash = '" + token + "'") == 0);
      auto auth = f.accounts->Authenticate(token);
      BOOST_REQUIRE(auth.ok() && auth->has_value());
      BOOST_TEST((*auth)->account.login == "anna");
      BOOST_TEST((*auth)->csrf_token == in->session.csrf_token);
      // The stored hash itself is no credential.
      auth = f.accounts->Authenticate(accounts::TokenHash(token));
      BOOST_REQUIRE(auth.ok());
      BOOST_TEST(!auth->has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(ThrottlesPerLoginThenLetsInAfterTheWindow) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      for (int i = 0; i < 5; ++i) {
        auto bad = f.accounts->SignIn("anna", "złe-hasło-123", "10.0.0." + std::to_string(i));
        BOOST_REQUIRE(bad.ok());
        BOOST_TEST(static_cast<int>(bad->result) ==
                   static_cast<int>(SignInResult::kBadCredentials));
        f.clock->Advance(kMinute);
      }
      // The right password, from a new address, is still refused: the login is throttled.
      auto throttled = f.accounts->SignIn("anna", "hasło-testowe-1", "10.0.1.1");
      BOOST_REQUIRE(throttled.ok());
      BOOST_TEST(static_cast<int>(throttled->result) == static_cast<int>(SignInResult::kThrottled));
      BOOST_TEST(throttled->retry_after == kStart + 15 * kMinute);
      f.clock->Set(kStart + 15 * kMinute + 1);  // the first failure left the window
      auto in = f.accounts->SignIn("anna", "hasło-testowe-1", "10.0.1.1");
      BOOST_REQUIRE(in.ok());
      BOOST_TEST(static_cast<int>(in->result) == static_cast<int>(SignInResult::kOk));
    }
  }
}

BOOST_AUTO_TEST_CASE(ThrottlesPerAddressAcrossLogins) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      for (int i = 0; i < 20; ++i) {
        auto bad = f.accounts->SignIn("konto" + std::to_string(i), "złe-hasło-123", "10.9.9.9");
        BOOST_REQUIRE(bad.ok());
      }
      auto from_there = f.accounts->SignIn("anna", "hasło-testowe-1", "10.9.9.9");
      BOOST_REQUIRE(from_there.ok());
      BOOST_TEST(static_cast<int>(from_there->result) ==
                 static_cast<int>(SignInResult::kThrottled));
      auto elsewhere = f.accounts->SignIn("anna", "hasło-testowe-1", "10.8.8.8");
      BOOST_REQUIRE(elsewhere.ok());
      BOOST_TEST(static_cast<int>(elsewhere->result) == static_cast<int>(SignInResult::kOk));
    }
  }
}

BOOST_AUTO_TEST_CASE(SessionsExpireWhenIdleAndSurviveAClockSetBack) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      auto in = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.1");
      BOOST_REQUIRE(in.ok() && in->result == SignInResult::kOk);
      const std::string token = in->session.token;
      // Used every 29 minutes: alive an hour and a half later.
      for (int i = 0; i < 3; ++i) {
        f.clock->Advance(29 * kMinute);
        auto auth = f.accounts->Authenticate(token);
        BOOST_REQUIRE(auth.ok());
        BOOST_TEST(auth->has_value());
      }
      // A clock set ten minutes back (a second server whose clock is off) neither ends the
      // session nor moves its idle timer back.
      f.clock->Advance(-10 * kMinute);
      auto back = f.accounts->Authenticate(token);
      BOOST_REQUIRE(back.ok());
      BOOST_TEST(back->has_value());
      f.clock->Advance(10 * kMinute + 30 * kMinute);  // 30 minutes after the last real use
      auto idle = f.accounts->Authenticate(token);
      BOOST_REQUIRE(idle.ok());
      BOOST_TEST(!idle->has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(DisableEndsEverySessionAndFeedAtOnce) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      auto one = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.1");
      auto two = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.2");
      BOOST_REQUIRE(one.ok() && two.ok());
      auto feed = f.accounts->NewFeedToken("anna");
      BOOST_REQUIRE(feed.ok());
      auto feed_account = f.accounts->FeedAccount(*feed);
      BOOST_REQUIRE(feed_account.ok() && feed_account->has_value());
      BOOST_REQUIRE(f.accounts->Disable("anna").ok());
      for (const std::string& token : {one->session.token, two->session.token}) {
        auto auth = f.accounts->Authenticate(token);
        BOOST_REQUIRE(auth.ok());
        BOOST_TEST(!auth->has_value());
      }
      BOOST_TEST(f.Count("SELECT COUNT(*) FROM sessions WHERE login = 'anna'") == 0);
      feed_account = f.accounts->FeedAccount(*feed);
      BOOST_REQUIRE(feed_account.ok());
      BOOST_TEST(!feed_account->has_value());
      auto again = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.3");
      BOOST_REQUIRE(again.ok());
      BOOST_TEST(static_cast<int>(again->result) ==
                 static_cast<int>(SignInResult::kBadCredentials));
    }
  }
}

BOOST_AUTO_TEST_CASE(ANewPasswordEndsTheOldSessionsAndANewFeedTokenTheOldOne) {
  for (const std::string& kind : Backends()) {
    BOOST_TEST_CONTEXT(kind) {
      Fixture f(kind);
      auto in = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.1");
      BOOST_REQUIRE(in.ok() && in->result == SignInResult::kOk);
      BOOST_REQUIRE(f.accounts->SetPassword("anna", "nowe-hasło-22").ok());
      auto auth = f.accounts->Authenticate(in->session.token);
      BOOST_REQUIRE(auth.ok());
      BOOST_TEST(!auth->has_value());
      auto old_pw = f.accounts->SignIn("anna", "hasło-testowe-1", "127.0.0.1");
      BOOST_TEST(static_cast<int>(old_pw->result) ==
                 static_cast<int>(SignInResult::kBadCredentials));
      auto new_pw = f.accounts->SignIn("anna", "nowe-hasło-22", "127.0.0.1");
      BOOST_TEST(static_cast<int>(new_pw->result) == static_cast<int>(SignInResult::kOk));
      auto first = f.accounts->NewFeedToken("anna");
      auto second = f.accounts->NewFeedToken("anna");
      BOOST_REQUIRE(first.ok() && second.ok());
      BOOST_TEST(!f.accounts->FeedAccount(*first)->has_value());
      BOOST_TEST(f.accounts->FeedAccount(*second)->has_value());
      BOOST_REQUIRE(f.accounts->RevokeFeedTokens("anna").ok());
      BOOST_TEST(!f.accounts->FeedAccount(*second)->has_value());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
