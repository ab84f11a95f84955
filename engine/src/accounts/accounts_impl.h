// AccountsImpl: koop::Accounts over the Store (tables of migration 6). Split by concern:
// account_admin.cpp (add, passwd, disable, list), sessions.cpp (sign-in, throttle, sessions,
// feed tokens), access_log.cpp (the append-only log of personal reads).
#pragma once

#include <memory>

#include "koop/accounts.h"
#include "store/store.h"

namespace koop::accounts {

class AccountsImpl final : public Accounts {
 public:
  // `store` is the Database's and outlives this object.
  AccountsImpl(store::Store& store, const AccountsOptions& options, std::shared_ptr<Clock> clock);

  Status Add(const NewAccount& account) override;
  Status SetPassword(const std::string& login, const std::string& password) override;
  Status Disable(const std::string& login) override;
  Result<std::vector<Account>> List() override;
  Result<Account> Find(const std::string& login) override;

  Result<SignInOutcome> SignIn(const std::string& login, const std::string& password,
                               const std::string& address) override;
  Result<std::optional<Session>> Authenticate(const std::string& token) override;
  Status SignOut(const std::string& token) override;

  Result<std::string> NewFeedToken(const std::string& login) override;
  Status RevokeFeedTokens(const std::string& login) override;
  Result<std::optional<Account>> FeedAccount(const std::string& token) override;

  Status RecordAccess(const AccessRecord& record) override;
  Result<std::vector<AccessRecord>> AccessLog(const std::string& instance_id,
                                              const std::string& login) override;

  Status Ping() override;
  int schema_version() const override { return store_->schema_version(); }

 private:
  TimeMs Now() const { return clock_->NowMs(); }
  // Failures of `key` since `since`, and the oldest of them.
  Result<std::pair<std::int64_t, TimeMs>> CountFailures(store::Transaction& tx,
                                                        const std::string& key, TimeMs since);

  store::Store* store_;
  AccountsOptions options_;
  std::shared_ptr<Clock> clock_;
};

// The account columns in this order: login, role, municipality_id, institution_id, disabled,
// created_at.
inline constexpr const char* kAccountColumns =
    "login, role, municipality_id, institution_id, disabled, created_at";
Account AccountFromRow(const store::SqlRow& row, std::size_t first = 0);

}  // namespace koop::accounts
