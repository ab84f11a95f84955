// GET /api/v1/tasks (what is due and overdue for me), GET /api/v1/deadlines (open deadlines of
// my scope), the personal .ics feed: POST/DELETE /api/v1/me/feed (new token / revoke) and
// GET /api/v1/feed/{token}.ics (public: the token is the credential; no personal data inside).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <limits>
#include <memory>

#include "koop/calendar.h"
#include "server/access_policy.h"
#include "server/api/api.h"
#include "server/api/deadline_cursor.h"
#include "server/api/views.h"

namespace koop::server {
namespace {

constexpr TimeMs kDayMs = 24LL * 60 * 60 * 1000;

// The end of the day `until` (YYYY-MM-DD; due times are the end of a Warsaw day, which lies
// before the end of the same UTC day) or now + `default_days`.
std::optional<TimeMs> UntilParam(Exchange& ex, int default_days) {
  std::string until = ex.Query("until");
  if (until.empty()) return ex.Now() + default_days * kDayMs;
  Result<Date> date = Date::Parse(until);
  if (!date.ok()) {
    ex.Problem(ProblemKind::kBadRequest, "until: " + date.status().message());
    return std::nullopt;
  }
  return static_cast<TimeMs>(date->AddDays(1).ToDays()) * kDayMs;
}

std::optional<std::size_t> LimitParam(Exchange& ex, std::size_t fallback) {
  std::string text = ex.Query("limit");
  if (text.empty()) return fallback;
  if (text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoul(text) == 0 || std::stoul(text) > 1000) {
    ex.Problem(ProblemKind::kBadRequest, "limit: expected a whole number from 1 to 1000");
    return std::nullopt;
  }
  return std::stoul(text);
}

// The cache key: the list, everything of the scope that narrows it, and the query as sent.
std::string CacheKey(const char* list, const TenantScope& scope, const Exchange& ex) {
  std::string key = list;
  auto add = [&key](const std::string& part) {
    key += '\x1f';
    key += part;
  };
  for (const std::string& m : scope.municipalities) add(m);
  add("|" + scope.teryt_prefix);
  add(scope.institution);
  for (const auto& [workflow, field] : scope.team_fields) add(workflow + "=" + field);
  for (const char* name : {"until", "limit", "after"})
    add(ex.HasQuery(name) ? "+" + ex.Query(name) : "-");
  return key;
}

// Until when the answer for `q` stays the same if nothing is written: the first listed deadline
// not yet overdue turns overdue one millisecond after its due time; a list whose window moves
// with the clock (no `until`) takes in the next deadline `window` before it is due.
Result<TimeMs> ValidUntil(Directory& directory, const DeadlineQuery& q,
                          const std::vector<DeadlineListing>& found, std::optional<TimeMs> window) {
  TimeMs valid = std::numeric_limits<TimeMs>::max();
  for (const DeadlineListing& d : found) {
    if (d.due_at >= q.now) valid = std::min(valid, d.due_at + 1);
  }
  if (window) {
    Result<std::optional<TimeMs>> next = directory.FirstOpenDueFrom(q.until);
    if (!next.ok()) return next.status();
    if (*next) valid = std::min(valid, **next - *window + 1);
  }
  return valid;
}

// `limit` rows (default `default_limit`) from `after` on; `next` is the cursor of the page after
// this one, null on the last page. Answers come from the listing cache while they are valid.
void ListDeadlines(Exchange& ex, const char* key, int default_days, std::size_t default_limit) {
  std::optional<TimeMs> until = UntilParam(ex, default_days);
  if (!until) return;
  std::optional<std::size_t> limit = LimitParam(ex, default_limit);
  if (!limit) return;
  DeadlineQuery q;
  if (ex.HasQuery("after")) {
    q.after = DecodeDeadlineCursor(ex.Query("after"));
    if (!q.after) {
      ex.Problem(ProblemKind::kBadRequest,
                 "after: not a cursor of this list (pass the \"next\" of the previous page)");
      return;
    }
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  q.scope = ScopeFor(ex.account(), ex.catalog());
  q.until = *until;
  q.now = ex.Now();
  q.limit = *limit + 1;  // one more than asked: whether a next page exists
  ListingCache& cache = ex.listings();
  std::string cache_key;
  std::int64_t version = 0;
  if (cache.enabled()) {
    // Read before the rows: the rows are then at least as new as the version they are kept at.
    Result<std::int64_t> v = backend->directory->ListingVersion(q.scope);
    if (!v.ok()) {
      ex.DiscardBackend();
      ex.ProblemFor(v.status());
      return;
    }
    version = *v;
    cache_key = CacheKey(key, q.scope, ex);
    if (std::shared_ptr<const std::string> body = cache.Find(cache_key, version, q.now)) {
      ex.SetHeader("X-Koop-Cache", "hit");
      ex.Json(200, *body);
      return;
    }
  }
  Result<std::vector<DeadlineListing>> found = backend->directory->OpenDeadlines(q);
  if (!found.ok()) {
    ex.DiscardBackend();
    ex.ProblemFor(found.status());
    return;
  }
  std::string next;
  if (found->size() > *limit) {
    found->resize(*limit);
    next = EncodeDeadlineCursor(found->back());
  }
  auto body = std::make_shared<const std::string>(DeadlinesJson(key, *found, next));
  if (cache.enabled()) {
    std::optional<TimeMs> window;
    if (!ex.HasQuery("until")) window = default_days * kDayMs;
    Result<TimeMs> valid = ValidUntil(*backend->directory, q, *found, window);
    if (!valid.ok()) {
      ex.DiscardBackend();
      ex.ProblemFor(valid.status());
      return;
    }
    cache.Store(cache_key, {version, q.now, *valid, body});
    ex.SetHeader("X-Koop-Cache", "miss");
  }
  ex.Json(200, *body);
}

// The task list's default page is small: a person reads the first tasks, and every row is
// work on a hot path (docs/server.md); the rest is a `next` away.
void Tasks(Exchange& ex) { ListDeadlines(ex, "tasks", 30, 50); }
void Deadlines(Exchange& ex) { ListDeadlines(ex, "deadlines", 366, 1000); }

void NewFeed(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<std::string> token = backend->accounts->NewFeedToken(ex.account().login);
  if (!token.ok()) {
    ex.ProblemFor(token.status());
    return;
  }
  Poco::JSON::Object o;
  o.set("url", "/api/v1/feed/" + *token + ".ics");
  ex.Json(201, Stringify(o));
}

void RevokeFeed(Exchange& ex) {
  Backend* backend = ex.backend();
  if (!backend) return;
  Status s = backend->accounts->RevokeFeedTokens(ex.account().login);
  if (!s.ok()) {
    ex.ProblemFor(s);
    return;
  }
  ex.Send(204, "text/plain", "");
}

void Feed(Exchange& ex) {
  std::string name = ex.Param("file");
  const std::string suffix = ".ics";
  if (name.size() <= suffix.size() || name.compare(name.size() - 4, 4, suffix) != 0) {
    ex.Problem(ProblemKind::kNotFound);
    return;
  }
  Backend* backend = ex.backend();
  if (!backend) return;
  Result<std::optional<Account>> account =
      backend->accounts->FeedAccount(name.substr(0, name.size() - 4));
  if (!account.ok()) {
    ex.DiscardBackend();
    ex.ProblemFor(account.status());
    return;
  }
  if (!account->has_value()) {
    ex.Problem(ProblemKind::kNotFound);
    return;
  }
  DeadlineQuery q;
  q.scope = ScopeFor(**account, ex.catalog());
  q.now = ex.Now();
  q.until = q.now + 366 * kDayMs;
  q.limit = 1000;
  Result<std::vector<DeadlineListing>> found = backend->directory->OpenDeadlines(q);
  if (!found.ok()) {
    ex.ProblemFor(found.status());
    return;
  }
  ex.Send(200, "text/calendar; charset=utf-8", DeadlinesToIcs(*found, q.now));
}

}  // namespace

void RegisterDeadlineRoutes(Router& router) {
  router.Add({"GET", "/api/v1/tasks", Access::kSignedIn, {}, Tasks, ""});
  router.Add({"GET", "/api/v1/deadlines", Access::kSignedIn, {}, Deadlines, ""});
  router.Add({"POST", "/api/v1/me/feed", Access::kSignedIn, {}, NewFeed, ""});
  router.Add({"DELETE", "/api/v1/me/feed", Access::kSignedIn, {}, RevokeFeed, ""});
  router.Add({"GET", "/api/v1/feed/{file}", Access::kPublic, {}, Feed, ""});
}

}  // namespace koop::server
