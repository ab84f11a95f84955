// The administration of accounts (koop user add|passwd|disable|list).
#include <cctype>

#include "accounts/accounts_impl.h"
#include "accounts/secrets.h"

namespace koop {

const char* RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kCoordinator:
      return "coordinator";
    case Role::kMember:
      return "member";
    case Role::kRops:
      return "rops";
    case Role::kAuditor:
      return "auditor";
  }
  return "member";
}

Result<Role> ParseRole(const std::string& name) {
  for (Role r : {Role::kAdmin, Role::kCoordinator, Role::kMember, Role::kRops, Role::kAuditor}) {
    if (name == RoleName(r)) return r;
  }
  return Status::Usage("unknown role '" + name +
                       "' (expected admin, coordinator, member, rops or auditor)");
}

bool RoleSeesPersonalData(Role role) { return role != Role::kRops && role != Role::kAuditor; }

}  // namespace koop

namespace koop::accounts {
namespace {

Status CheckLogin(const std::string& login) {
  bool ok = !login.empty() && login.size() <= 64;
  for (char c : login) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
      ok = false;
  }
  if (!ok) {
    return Status::DataError("login '" + login + "': use 1-64 letters, digits, '.', '_' or '-'");
  }
  return Status::Ok();
}

// Characters, not bytes: "krótkie" is 7 characters in 8 bytes of UTF-8.
std::size_t CharacterCount(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Status CheckPassword(const std::string& password) {
  if (CharacterCount(password) < 8) {
    return Status::DataError("the password must have at least 8 characters");
  }
  if (password.size() > 1024) return Status::DataError("the password is longer than 1024 bytes");
  return Status::Ok();
}

}  // namespace

AccountsImpl::AccountsImpl(store::Store& store, const AccountsOptions& options,
                           std::shared_ptr<Clock> clock)
    : store_(&store), options_(options), clock_(clock ? std::move(clock) : SystemClock()) {}

Account AccountFromRow(const store::SqlRow& row, std::size_t first) {
  Account a;
  a.login = row.Text(first);
  Result<Role> role = ParseRole(row.Text(first + 1));
  a.role = role.ok() ? *role : Role::kMember;
  a.municipality_id = row.Text(first + 2);
  a.institution_id = row.Text(first + 3);
  a.disabled = row.Int(first + 4) != 0;
  a.created_at = row.Int(first + 5);
  return a;
}

Status AccountsImpl::Add(const NewAccount& account) {
  KOOP_RETURN_IF_ERROR(CheckLogin(account.login));
  KOOP_RETURN_IF_ERROR(CheckPassword(account.password));
  // The caller names its own way of giving these (koop user add adds the flag).
  if (account.municipality_id.empty()) return Status::Usage("an account needs a municipality");
  if (account.role == Role::kMember && account.institution_id.empty()) {
    return Status::Usage("a member account needs an institution");
  }
  if (account.role != Role::kMember && !account.institution_id.empty()) {
    return Status::Usage("only a member account has an institution");
  }
  Result<std::string> hash = HashPassword(account.password);
  if (!hash.ok()) return hash.status();
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<store::SqlRows> existing =
      tx->Query("SELECT login FROM accounts WHERE login = ?", {account.login});
  if (!existing.ok()) return existing.status();
  if (!existing->empty()) return Status::DataError("login '" + account.login + "' already exists");
  TimeMs now = Now();
  KOOP_RETURN_IF_ERROR(
      tx->Exec("INSERT INTO accounts (login, role, municipality_id, institution_id, password_hash, "
               "disabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)",
               {account.login, std::string(RoleName(account.role)), account.municipality_id,
                account.institution_id, *hash, now, now})
          .status());
  return tx->Commit();
}

Status AccountsImpl::SetPassword(const std::string& login, const std::string& password) {
  KOOP_RETURN_IF_ERROR(CheckPassword(password));
  Result<std::string> hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<std::int64_t> n =
      tx->Exec("UPDATE accounts SET password_hash = ?, updated_at = ? WHERE login = ?",
               {*hash, Now(), login});
  if (!n.ok()) return n.status();
  if (*n == 0) return Status::NoInput("no account '" + login + "'");
  // A new password ends the sessions opened with the old one.
  KOOP_RETURN_IF_ERROR(tx->Exec("DELETE FROM sessions WHERE login = ?", {login}).status());
  return tx->Commit();
}

Status AccountsImpl::Disable(const std::string& login) {
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  Result<std::int64_t> n =
      tx->Exec("UPDATE accounts SET disabled = 1, updated_at = ? WHERE login = ?", {Now(), login});
  if (!n.ok()) return n.status();
  if (*n == 0) return Status::NoInput("no account '" + login + "'");
  KOOP_RETURN_IF_ERROR(tx->Exec("DELETE FROM sessions WHERE login = ?", {login}).status());
  KOOP_RETURN_IF_ERROR(tx->Exec("DELETE FROM feed_tokens WHERE login = ?", {login}).status());
  return tx->Commit();
}

Result<std::vector<Account>> AccountsImpl::List() {
  Result<store::Transaction> tx = store_->BeginRead();
  if (!tx.ok()) return tx.status();
  Result<store::SqlRows> rows =
      tx->Query(std::string("SELECT ") + kAccountColumns + " FROM accounts ORDER BY login");
  if (!rows.ok()) return rows.status();
  std::vector<Account> out;
  for (const store::SqlRow& r : *rows) out.push_back(AccountFromRow(r));
  return out;
}

Result<Account> AccountsImpl::Find(const std::string& login) {
  Result<store::Transaction> tx = store_->BeginRead();
  if (!tx.ok()) return tx.status();
  Result<store::SqlRows> rows = tx->Query(
      std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE login = ?", {login});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return Status::NoInput("no account '" + login + "'");
  return AccountFromRow(rows->front());
}

Status AccountsImpl::Ping() {
  Result<store::Transaction> tx = store_->BeginRead();
  if (!tx.ok()) return tx.status();
  return tx->Query("SELECT value FROM koop_meta WHERE key = 'schema_version'").status();
}

}  // namespace koop::accounts
