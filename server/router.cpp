#include "server/router.h"

#include <Poco/URI.h>

#include <algorithm>
#include <map>

namespace koop::server {
namespace {

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Matches the raw (still percent-encoded) path against a pattern, decoding captured segments.
bool Match(const std::string& pattern, const std::vector<std::string>& raw,
           std::map<std::string, std::string>& params) {
  std::vector<std::string> want = Segments(pattern);
  if (want.size() != raw.size()) return false;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string& w = want[i];
    if (w.size() > 2 && w.front() == '{' && w.back() == '}') {
      std::string decoded;
      try {
        Poco::URI::decode(raw[i], decoded);
      } catch (const Poco::Exception&) {
        return false;
      }
      if (decoded.empty() || decoded == "." || decoded == ".." ||
          decoded.find('/') != std::string::npos || decoded.find('\\') != std::string::npos ||
          decoded.find('\0') != std::string::npos) {
        return false;
      }
      params[w.substr(1, w.size() - 2)] = decoded;
    } else if (w != raw[i]) {
      return false;
    }
  }
  return true;
}

bool StateChanging(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// "http://host:port" of the request itself, to compare with Origin.
std::string OwnOrigin(const Exchange& ex) {
  return std::string(ex.secure() ? "https://" : "http://") + ex.Header("Host");
}

bool SameBytes(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

void Router::Add(Route route) { routes_.push_back(std::move(route)); }

void Router::Dispatch(Exchange& ex) const {
  if (ex.path().empty() || ex.path().front() != '/') {
    ex.Problem(ProblemKind::kBadRequest, "the request target is not a path");
    return;
  }
  // Match on the raw path, so an encoded "/" (%2F) inside a segment stays inside it.
  std::string raw_path = ex.raw_path();
  std::vector<std::string> raw = Segments(raw_path);
  const Route* found = nullptr;
  std::vector<std::string> allowed;
  std::map<std::string, std::string> params;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> p;
    if (!Match(r.pattern, raw, p)) continue;
    bool method_ok = r.method == ex.method() || (r.method == "GET" && ex.method() == "HEAD");
    if (!method_ok) {
      allowed.push_back(r.method);
      continue;
    }
    found = &r;
    params = std::move(p);
    break;
  }
  if (!found) {
    if (!allowed.empty()) {
      std::string allow;
      for (const std::string& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
      ex.SetHeader("Allow", allow);
      ex.Problem(ProblemKind::kMethodNotAllowed, ex.method() + " is not allowed here");
    } else {
      ex.Problem(ProblemKind::kNotFound);
    }
    return;
  }
  ex.SetParams(std::move(params));

  const bool changing = StateChanging(ex.method());
  if (changing) {
    std::string origin = ex.Header("Origin");
    if ((!origin.empty() && origin != OwnOrigin(ex)) ||
        ex.Header("Sec-Fetch-Site") == "cross-site") {
      ex.Problem(ProblemKind::kCsrf, "a request from another site is refused");
      return;
    }
  }

  if (found->access == Access::kSignedIn) {
    std::string token = ex.Cookie(kSessionCookie);
    std::optional<Session> session;
    if (!token.empty()) {
      Backend* backend = ex.backend();
      if (!backend) return;
      Result<std::optional<Session>> auth = backend->accounts->Authenticate(token);
      if (!auth.ok()) {
        ex.DiscardBackend();
        ex.ProblemFor(auth.status());
        return;
      }
      session = std::move(*auth);
    }
    if (!session) {
      if (!found->sign_in_redirect.empty() && !changing) {
        ex.Redirect(found->sign_in_redirect);
      } else {
        ex.Problem(ProblemKind::kUnauthorized, "sign in first (POST /api/v1/session)");
      }
      return;
    }
    if (!found->roles.empty() && std::find(found->roles.begin(), found->roles.end(),
                                           session->account.role) == found->roles.end()) {
      ex.Problem(ProblemKind::kForbidden,
                 std::string("the role '") + RoleName(session->account.role) + "' may not do this");
      return;
    }
    if (changing) {
      std::string sent = ex.Header("X-CSRF-Token");
      if (sent.empty()) sent = ex.FormField("_csrf");
      if (ex.answered()) return;
      if (sent.empty() || !SameBytes(sent, session->csrf_token)) {
        ex.Problem(ProblemKind::kCsrf, "missing or wrong X-CSRF-Token");
        return;
      }
    }
    ex.SetSession(std::move(session));
  }
  found->handler(ex);
}

}  // namespace koop::server
