#include "server/exchange.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <istream>

#include "server/server_config.h"
#include "server/server_log.h"

namespace koop::server {
namespace {

bool HasLineBreak(const std::string& s) {
  return s.find('\r') != std::string::npos || s.find('\n') != std::string::npos;
}

}  // namespace

Exchange::Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   BackendPool& pool, const ServerConfig& config, std::string request_id)
    : request_(request),
      response_(response),
      pool_(pool),
      config_(config),
      request_id_(std::move(request_id)) {
  try {
    Poco::URI uri(request_.getURI());
    path_ = uri.getPath();
    // Poco decodes the path; the router needs it as sent, so "%2F" stays inside a segment.
    std::string target = request_.getURI();
    target = target.substr(0, target.find_first_of("?#"));
    if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) {
      std::size_t slash = target.find('/', target.find("//") + 2);
      target = slash == std::string::npos ? "/" : target.substr(slash);
    }
    raw_path_ = target;
    query_ = uri.getQueryParameters();
  } catch (const Poco::Exception&) {
    path_ = "";  // the router answers 400 for an empty path
  }
}

TimeMs Exchange::Now() const {
  return config_.clock ? config_.clock->NowMs() : SystemClock()->NowMs();
}

std::string Exchange::Query(const std::string& name) const {
  for (const auto& [k, v] : query_) {
    if (k == name) return v;
  }
  return "";
}

bool Exchange::HasQuery(const std::string& name) const {
  for (const auto& kv : query_) {
    if (kv.first == name) return true;
  }
  return false;
}

const std::string& Exchange::Param(const std::string& name) const {
  static const std::string kEmpty;
  auto it = params_.find(name);
  return it == params_.end() ? kEmpty : it->second;
}

std::string Exchange::Header(const std::string& name) const { return request_.get(name, ""); }

std::string Exchange::Cookie(const std::string& name) const {
  Poco::Net::NameValueCollection cookies;
  request_.getCookies(cookies);
  return cookies.get(name, "");
}

std::string Exchange::client_address() const {
  if (config_.trust_proxy && request_.has("X-Forwarded-For")) {
    std::string forwarded = request_.get("X-Forwarded-For");
    std::size_t comma = forwarded.rfind(',');
    std::string last = comma == std::string::npos ? forwarded : forwarded.substr(comma + 1);
    while (!last.empty() && last.front() == ' ') last.erase(0, 1);
    if (!last.empty() && last.size() < 64) return last;
  }
  return request_.clientAddress().host().toString();
}

bool Exchange::secure() const {
  if (request_.secure()) return true;
  return config_.trust_proxy && request_.get("X-Forwarded-Proto", "") == "https";
}

std::optional<std::string> Exchange::Body() {
  if (body_read_) return body_;
  body_read_ = true;
  if (request_.hasContentLength() &&
      request_.getContentLength64() > static_cast<std::int64_t>(config_.max_body_bytes)) {
    response_.setKeepAlive(false);  // the unread body must not be taken for the next request
    Problem(ProblemKind::kTooLarge,
            "the body is longer than " + std::to_string(config_.max_body_bytes) + " bytes");
    return std::nullopt;
  }
  std::string body;
  char buffer[8192];
  std::istream& in = request_.stream();
  try {
    while (in) {
      in.read(buffer, sizeof buffer);
      body.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (body.size() > config_.max_body_bytes) {
        response_.setKeepAlive(false);
        Problem(ProblemKind::kTooLarge,
                "the body is longer than " + std::to_string(config_.max_body_bytes) + " bytes");
        return std::nullopt;
      }
    }
  } catch (const Poco::Exception& e) {
    response_.setKeepAlive(false);
    Problem(ProblemKind::kBadRequest, "the body could not be read: " + e.message());
    return std::nullopt;
  }
  body_ = std::move(body);
  return body_;
}

std::string Exchange::FormField(const std::string& name) {
  std::string type = request_.getContentType();
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0) return "";
  std::optional<std::string> body = Body();
  if (!body) return "";
  try {
    Poco::URI uri("/?" + *body);
    for (const auto& [k, v] : uri.getQueryParameters()) {
      if (k == name) return v;
    }
  } catch (const Poco::Exception&) {
  }
  return "";
}

Backend* Exchange::backend() {
  if (!lease_) {
    Result<BackendPool::Lease> lease = pool_.Borrow();
    if (!lease.ok()) {
      Problem(ProblemKind::kUnavailable, "the database cannot be reached");
      return nullptr;
    }
    lease_.emplace(std::move(*lease));
  }
  return &*(*lease_).operator->();
}

void Exchange::DiscardBackend() {
  if (lease_) lease_->Discard();
}

void Exchange::Send(int status, const std::string& content_type, const std::string& body) {
  if (answered_) return;
  answered_ = true;
  status_ = status;
  response_.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.setContentType(content_type);
  response_.setContentLength64(static_cast<std::int64_t>(body.size()));
  if (request_.getMethod() == "HEAD") {
    response_.send();
    return;
  }
  response_.send().write(body.data(), static_cast<std::streamsize>(body.size()));
}

void Exchange::Json(int status, const std::string& json) { Send(status, "application/json", json); }

void Exchange::Html(int status, const std::string& html) {
  Send(status, "text/html; charset=utf-8", html);
}

void Exchange::Problem(ProblemKind kind, const std::string& detail,
                       const std::string& extra_members) {
  Send(ProblemStatus(kind), "application/problem+json",
       ProblemJson(kind, detail, path_, extra_members));
}

void Exchange::ProblemFor(const Status& status) {
  ProblemKind kind = ProblemForStatus(status);
  // Internal and I/O messages may name machine paths: they go to the log, not to the client.
  if (kind == ProblemKind::kInternal || kind == ProblemKind::kUnavailable) {
    LogError(status.message());
    Problem(kind, "request " + request_id_ + " failed; see the server log");
    return;
  }
  Problem(kind, status.message());
}

void Exchange::Redirect(const std::string& location, int status) {
  SetHeader("Location", location);
  Send(status, "text/plain; charset=utf-8", "");
}

void Exchange::SetSessionCookie(const std::string& token) {
  std::string cookie = std::string(kSessionCookie) + "=" + token +
                       "; Path=/; HttpOnly; SameSite=Strict" + (secure() ? "; Secure" : "");
  if (token.empty()) cookie += "; Max-Age=0";
  response_.add("Set-Cookie", cookie);
}

void Exchange::SetHeader(const std::string& name, const std::string& value) {
  if (HasLineBreak(name) || HasLineBreak(value)) return;
  response_.set(name, value);
}

}  // namespace koop::server
