// Sign-in, its throttle, sessions and feed tokens. Argon2id verification (~50 ms) runs outside
// any transaction so it never holds the database's write lock; the throttle is counted in the
// database, so it holds across server processes (a burst of parallel attempts may pass the limit
// by the number of attempts in flight, never more).
#include "accounts/accounts_impl.h"
#include "accounts/secrets.h"

namespace koop::accounts {
namespace {

// A session's idle timer is written back at most this often (reads stay reads).
constexpr TimeMs kTouchEveryMs = 60 * 1000;

}  // namespace

Result<std::pair<std::int64_t, TimeMs>> AccountsImpl::CountFailures(store::Transaction& tx,
                                                                    const std::string& key,
                                                                    TimeMs since) {
  Result<store::SqlRows> rows =
      tx.Query("SELECT COUNT(*), MIN(at) FROM sign_in_failures WHERE throttle_key = ? AND at > ?",
               {key, since});
  if (!rows.ok()) return rows.status();
  return std::make_pair(rows->front().Int(0), rows->front().Int(1));
}

Result<SignInOutcome> AccountsImpl::SignIn(const std::string& login, const std::string& password,
                                           const std::string& address) {
  const TimeMs now = Now();
  const TimeMs since = now - options_.throttle_window_ms;
  const std::string login_key = "login:" + login.substr(0, 200);
  const std::string address_key = "address:" + address;
  SignInOutcome outcome;
  std::string stored_hash;
  bool usable = false;
  {
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    auto by_login = CountFailures(*tx, login_key, since);
    if (!by_login.ok()) return by_login.status();
    auto by_address = CountFailures(*tx, address_key, since);
    if (!by_address.ok()) return by_address.status();
    if (by_login->first >= options_.max_failures_per_login ||
        by_address->first >= options_.max_failures_per_address) {
      outcome.result = SignInResult::kThrottled;
      TimeMs oldest = by_login->first >= options_.max_failures_per_login ? by_login->second
                                                                         : by_address->second;
      outcome.retry_after = oldest + options_.throttle_window_ms;
      return outcome;
    }
    Result<store::SqlRows> rows = tx->Query(
        std::string("SELECT ") + kAccountColumns + ", password_hash FROM accounts WHERE login = ?",
        {login});
    if (!rows.ok()) return rows.status();
    if (!rows->empty()) {
      outcome.session.account = AccountFromRow(rows->front());
      stored_hash = rows->front().Text(6);
      usable = !outcome.session.account.disabled;
    }
  }
  bool verified = false;
  if (stored_hash.empty()) {
    VerifyAgainstDummy(password);
  } else {
    verified = VerifyPassword(stored_hash, password);
  }
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  if (!verified || !usable) {
    for (const std::string& key : {login_key, address_key}) {
      KOOP_RETURN_IF_ERROR(
          tx->Exec("INSERT INTO sign_in_failures (throttle_key, at) VALUES (?, ?)", {key, now})
              .status());
    }
    KOOP_RETURN_IF_ERROR(tx->Commit());
    outcome.result = SignInResult::kBadCredentials;
    outcome.session = Session{};
    return outcome;
  }
  // Old rows are swept here, on the rare path, instead of by a job.
  KOOP_RETURN_IF_ERROR(
      tx->Exec("DELETE FROM sign_in_failures WHERE at <= ? OR throttle_key = ?", {since, login_key})
          .status());
  KOOP_RETURN_IF_ERROR(
      tx->Exec("DELETE FROM sessions WHERE last_seen_at <= ?", {now - options_.session_idle_ms})
          .status());
  outcome.session.token = RandomToken();
  outcome.session.csrf_token = RandomToken();
  outcome.session.last_seen_at = now;
  KOOP_RETURN_IF_ERROR(
      tx->Exec("INSERT INTO sessions (token_hash, login, csrf_token, created_at, last_seen_at) "
               "VALUES (?, ?, ?, ?, ?)",
               {TokenHash(outcome.session.token), login, outcome.session.csrf_token, now, now})
          .status());
  KOOP_RETURN_IF_ERROR(tx->Commit());
  outcome.result = SignInResult::kOk;
  return outcome;
}

Result<std::optional<Session>> AccountsImpl::Authenticate(const std::string& token) {
  if (token.size() != 64) return std::optional<Session>();
  const std::string hash = TokenHash(token);
  const TimeMs now = Now();
  Session session;
  {
    Result<store::Transaction> tx = store_->BeginRead();
    if (!tx.ok()) return tx.status();
    Result<store::SqlRows> rows = tx->Query(
        "SELECT a.login, a.role, a.municipality_id, a.institution_id, a.disabled, a.created_at, "
        "s.csrf_token, s.last_seen_at FROM sessions s JOIN accounts a ON a.login = s.login "
        "WHERE s.token_hash = ?",
        {hash});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<Session>();
    session.account = AccountFromRow(rows->front());
    session.csrf_token = rows->front().Text(6);
    session.last_seen_at = rows->front().Int(7);
  }
  if (session.account.disabled) return std::optional<Session>();
  if (now - session.last_seen_at >= options_.session_idle_ms) return std::optional<Session>();
  if (now - session.last_seen_at >= kTouchEveryMs) {
    Result<store::Transaction> tx = store_->BeginWrite();
    if (!tx.ok()) return tx.status();
    KOOP_RETURN_IF_ERROR(
        tx->Exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now, hash})
            .status());
    KOOP_RETURN_IF_ERROR(tx->Commit());
    session.last_seen_at = now;
  }
  return std::optional<Session>(std::move(session));
}

Status AccountsImpl::SignOut(const std::string& token) {
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  KOOP_RETURN_IF_ERROR(
      tx->Exec("DELETE FROM sessions WHERE token_hash = ?", {TokenHash(token)}).status());
  return tx->Commit();
}

Result<std::string> AccountsImpl::NewFeedToken(const std::string& login) {
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  KOOP_RETURN_IF_ERROR(tx->Exec("DELETE FROM feed_tokens WHERE login = ?", {login}).status());
  std::string token = RandomToken();
  KOOP_RETURN_IF_ERROR(
      tx->Exec("INSERT INTO feed_tokens (token_hash, login, created_at) VALUES (?, ?, ?)",
               {TokenHash(token), login, Now()})
          .status());
  KOOP_RETURN_IF_ERROR(tx->Commit());
  return token;
}

Status AccountsImpl::RevokeFeedTokens(const std::string& login) {
  Result<store::Transaction> tx = store_->BeginWrite();
  if (!tx.ok()) return tx.status();
  KOOP_RETURN_IF_ERROR(tx->Exec("DELETE FROM feed_tokens WHERE login = ?", {login}).status());
  return tx->Commit();
}

Result<std::optional<Account>> AccountsImpl::FeedAccount(const std::string& token) {
  if (token.size() != 64) return std::optional<Account>();
  Result<store::Transaction> tx = store_->BeginRead();
  if (!tx.ok()) return tx.status();
  Result<store::SqlRows> rows = tx->Query(
      "SELECT a.login, a.role, a.municipality_id, a.institution_id, a.disabled, a.created_at "
      "FROM feed_tokens f JOIN accounts a ON a.login = f.login WHERE f.token_hash = ?",
      {TokenHash(token)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Account>();
  Account account = AccountFromRow(rows->front());
  if (account.disabled) return std::optional<Account>();
  return std::optional<Account>(std::move(account));
}

}  // namespace koop::accounts
