// `koop user add|passwd|disable|list` — accounts, roles and tenants (DESIGN.md §12). Passwords
// come from standard input (the first line) or --password-file, never from the command line
// (it would be visible to every user of the machine in the process list).
#include <Poco/Util/Option.h>

#include <iostream>
#include <ostream>

#include "command.h"
#include "engine_options.h"
#include "koop/accounts.h"
#include "koop/file_env.h"

namespace koop::runner {
namespace {

Result<std::unique_ptr<Database>> OpenAccounts(const Invocation& inv, bool create) {
  return OpenDatabase(inv, create);
}

Result<std::string> ReadPassword(const Invocation& inv) {
  std::string line;
  if (inv.Has("password-file")) {
    constexpr uint64_t kMaxPasswordFileBytes = 4096;
    Result<std::string> text =
        DefaultFileEnv().ReadFile(inv.Get("password-file"), kMaxPasswordFileBytes);
    if (!text.ok()) return text.status();
    line = text->substr(0, text->find('\n'));
  } else {
    std::getline(std::cin, line);
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) {
    return Status::Usage("no password: give it on standard input or with --password-file");
  }
  return line;
}

int Add(Invocation& inv) {
  NewAccount account;
  account.login = inv.positional[0];
  Result<Role> role = ParseRole(inv.Get("role"));
  if (!inv.Has("role")) return inv.Fail(Status::Usage("koop user add needs --role"));
  if (!role.ok()) return inv.Fail(role.status());
  account.role = *role;
  account.municipality_id = inv.Get("municipality");
  account.institution_id = inv.Get("institution");
  Result<std::string> password = ReadPassword(inv);
  if (!password.ok()) return inv.Fail(password.status());
  account.password = *password;
  Result<std::unique_ptr<Database>> accounts = OpenAccounts(inv, true);
  if (!accounts.ok()) return inv.Fail(accounts.status());
  Status s = (*accounts)->accounts().Add(account);
  if (s.code() == Code::kUsage) {
    // The engine says what the tenant lacks or has too much of; name the flag that gives it.
    s = Status::Usage(s.message() +
                      (account.municipality_id.empty() ? " (--municipality)" : " (--institution)"));
  }
  if (!s.ok()) return inv.Fail(s);
  *inv.out << "added " << account.login << " (" << RoleName(account.role) << ", "
           << account.municipality_id
           << (account.institution_id.empty() ? "" : ", " + account.institution_id) << ")\n";
  return 0;
}

int Passwd(Invocation& inv) {
  Result<std::string> password = ReadPassword(inv);
  if (!password.ok()) return inv.Fail(password.status());
  Result<std::unique_ptr<Database>> accounts = OpenAccounts(inv, false);
  if (!accounts.ok()) return inv.Fail(accounts.status());
  Status s = (*accounts)->accounts().SetPassword(inv.positional[0], *password);
  if (!s.ok()) return inv.Fail(s);
  *inv.out << "password changed for " << inv.positional[0] << "; its sessions ended\n";
  return 0;
}

int Disable(Invocation& inv) {
  Result<std::unique_ptr<Database>> accounts = OpenAccounts(inv, false);
  if (!accounts.ok()) return inv.Fail(accounts.status());
  Status s = (*accounts)->accounts().Disable(inv.positional[0]);
  if (!s.ok()) return inv.Fail(s);
  *inv.out << "disabled " << inv.positional[0] << "; its sessions ended\n";
  return 0;
}

int List(Invocation& inv) {
  Result<std::unique_ptr<Database>> accounts = OpenAccounts(inv, false);
  if (!accounts.ok()) return inv.Fail(accounts.status());
  Result<std::vector<Account>> list = (*accounts)->accounts().List();
  if (!list.ok()) return inv.Fail(list.status());
  for (const Account& a : *list) {
    *inv.out << a.login << '\t' << RoleName(a.role) << '\t' << a.municipality_id << '\t'
             << (a.institution_id.empty() ? "-" : a.institution_id) << '\t'
             << (a.disabled ? "disabled" : "active") << '\n';
  }
  return 0;
}

void DefineAdd(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(
      Option("role", "", "admin, coordinator, member, rops or auditor").argument("ROLE"));
  options.addOption(
      Option("municipality", "", "the tenant: a municipality id (rops: a region)").argument("ID"));
  options.addOption(
      Option("institution", "", "members: the institution id in the municipality's registry")
          .argument("ID"));
  options.addOption(
      Option("password-file", "", "read the password from FILE's first line").argument("FILE"));
}

void DefinePasswd(Poco::Util::OptionSet& options) {
  options.addOption(
      Poco::Util::Option("password-file", "", "read the password from FILE").argument("FILE"));
}

}  // namespace

extern const CommandSpec kUserAddCommand = {
    "user add",
    "LOGIN --role ROLE --municipality ID [--institution ID] [--password-file F]",
    "create an account (password from standard input)",
    DefineAdd,
    Add,
    1,
    1};
extern const CommandSpec kUserPasswdCommand = {"user passwd",
                                               "LOGIN [--password-file F]",
                                               "set a new password; ends its sessions",
                                               DefinePasswd,
                                               Passwd,
                                               1,
                                               1};
extern const CommandSpec kUserDisableCommand = {
    "user disable", "LOGIN", "refuse sign-in and end every session", nullptr, Disable, 1, 1};
extern const CommandSpec kUserListCommand = {
    "user list", "", "accounts: login, role, municipality, institution, state", nullptr, List,
    0,           0};

}  // namespace koop::runner
