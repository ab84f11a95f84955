// Accounts: the people who use the engine through `koop serve`, their sessions, the sign-in
// throttle and the access log of personal data (DESIGN.md §12). Everything lives in the engine's
// database, so several server processes on one PostgreSQL share sessions and throttling.
//
//   auto db = koop::Database::Open(options);          // koop/database.h
//   koop::Accounts& accounts = (*db)->accounts();
//   accounts.Add({"anna", "secret", koop::Role::kCoordinator, "sieradz", ""});
//   auto signed_in = accounts.SignIn("anna", "secret", "127.0.0.1");
//
// Passwords are Argon2id strings (libsodium); session and feed tokens are 256-bit random values of
// which only a BLAKE2b hash is stored. Accounts are reached from a koop::Database and share its
// connection: use them from one thread at a time, like the Database.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"

namespace koop {

enum class Role { kAdmin, kCoordinator, kMember, kRops, kAuditor };

// "admin", "coordinator", "member", "rops", "auditor".
const char* RoleName(Role role);
// kUsage naming the accepted roles for anything else.
Result<Role> ParseRole(const std::string& name);
// Whether the role may see fields declared personal="true" (rops and auditor never do).
bool RoleSeesPersonalData(Role role);

struct Account {
  std::string login;
  Role role = Role::kMember;
  // The tenant: a municipality id (for rops: the region id its municipalities name).
  std::string municipality_id;
  std::string institution_id;  // members only: the institution id of the municipality's registry
  bool disabled = false;
  TimeMs created_at = 0;
};

struct NewAccount {
  std::string login;
  std::string password;
  Role role = Role::kMember;
  std::string municipality_id;
  std::string institution_id;
};

struct Session {
  Account account;
  std::string token;       // only when just created by SignIn; "" when read back
  std::string csrf_token;  // bound to the session; state-changing requests must send it
  TimeMs last_seen_at = 0;
};

enum class SignInResult { kOk, kBadCredentials, kThrottled };

struct SignInOutcome {
  SignInResult result = SignInResult::kBadCredentials;
  Session session;         // when kOk
  TimeMs retry_after = 0;  // when kThrottled: the earliest time a new attempt may count
};

// One row of the access log: `login` saw `fields` of `instance_id` in the response to `request_id`.
struct AccessRecord {
  std::string login;
  TimeMs at = 0;
  std::string instance_id;
  std::vector<std::string> fields;
  std::string request_id;
  std::string purpose;  // "GET /api/v1/instances/{id}", "pack case.plan", ...
};

// Sessions and the sign-in throttle (DatabaseOptions::accounts; the database and the clock are the
// Database's).
struct AccountsOptions {
  TimeMs session_idle_ms = 30 * 60 * 1000;
  // Sign-in throttle: at most this many failures per login / per address in the window.
  int max_failures_per_login = 5;
  int max_failures_per_address = 20;
  TimeMs throttle_window_ms = 15 * 60 * 1000;
};

class Accounts {
 public:
  virtual ~Accounts() = default;

  // kDataError when the login exists or is malformed (letters, digits, '.', '_', '-', 1–64) or
  // the password is shorter than 8 characters. kUsage when the tenant does not fit the role: "an
  // account needs a municipality", "a member account needs an institution", "only a member
  // account has an institution" (the caller adds how it is given, e.g. a command-line flag).
  virtual Status Add(const NewAccount& account) = 0;
  virtual Status SetPassword(const std::string& login, const std::string& password) = 0;
  // Refuses further sign-ins and ends every session of the account at once.
  virtual Status Disable(const std::string& login) = 0;
  virtual Result<std::vector<Account>> List() = 0;
  // kNoInput when there is no such account.
  virtual Result<Account> Find(const std::string& login) = 0;

  // The same kBadCredentials whether the login exists, is disabled or the password is wrong.
  virtual Result<SignInOutcome> SignIn(const std::string& login, const std::string& password,
                                       const std::string& address) = 0;
  // The live session of a token (touching its idle timer); nullopt when unknown, expired or the
  // account is disabled.
  virtual Result<std::optional<Session>> Authenticate(const std::string& token) = 0;
  virtual Status SignOut(const std::string& token) = 0;

  // A new token for the account's .ics feed (replaces the previous one: that one is revoked).
  virtual Result<std::string> NewFeedToken(const std::string& login) = 0;
  virtual Status RevokeFeedTokens(const std::string& login) = 0;
  // The enabled account of a feed token; nullopt when unknown or revoked.
  virtual Result<std::optional<Account>> FeedAccount(const std::string& token) = 0;

  virtual Status RecordAccess(const AccessRecord& record) = 0;
  // Oldest first; empty filters match everything.
  virtual Result<std::vector<AccessRecord>> AccessLog(const std::string& instance_id,
                                                      const std::string& login) = 0;

  // A read from the database (health checks): kIoError when it cannot be reached.
  virtual Status Ping() = 0;
  virtual int schema_version() const = 0;
};

}  // namespace koop
