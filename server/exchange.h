// Exchange: one request and its response as a handler sees them. The router fills in the path
// parameters and the session before a handler runs; a handler reads the body (bounded), borrows
// the engine handles and answers once with Json/Html/Problem/Send. Not shared between threads.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "koop/accounts.h"
#include "server/backends.h"
#include "server/problem.h"

namespace koop::server {

struct ServerConfig;

inline constexpr const char* kSessionCookie = "koop_session";

class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
           BackendPool& pool, const ServerConfig& config, std::string request_id);

  const std::string& method() const { return request_.getMethod(); }
  const std::string& path() const { return path_; }          // decoded path, no query
  const std::string& raw_path() const { return raw_path_; }  // as sent (percent-encoded)
  // A query parameter ("" when absent; the first when repeated).
  std::string Query(const std::string& name) const;
  bool HasQuery(const std::string& name) const;
  // A path parameter of the route ("{id}" → Param("id")), already percent-decoded.
  const std::string& Param(const std::string& name) const;
  std::string Header(const std::string& name) const;
  // A cookie's value ("" when absent).
  std::string Cookie(const std::string& name) const;
  const std::string& request_id() const { return request_id_; }
  std::string client_address() const;
  // Whether the request came over TLS (directly, or X-Forwarded-Proto from a trusted proxy).
  bool secure() const;
  const ServerConfig& config() const { return config_; }
  TimeMs Now() const;
  const WorkflowCatalog& catalog() const { return pool_.catalog(); }
  const BackendOptions& backend_options() const { return pool_.options(); }
  FireBatcher& fires() { return pool_.fires(); }
  ListingCache& listings() { return pool_.listings(); }

  // The request body, at most config().max_body_bytes: nullopt after answering 413/400 itself.
  std::optional<std::string> Body();
  // A form field of an application/x-www-form-urlencoded body ("" when absent).
  std::string FormField(const std::string& name);

  // The signed-in session (set by the router for routes that need one).
  const std::optional<Session>& session() const { return session_; }
  const Account& account() const { return session_->account; }

  // The engine handles for this request (borrowed on first use). nullopt after answering 503.
  Backend* backend();
  void DiscardBackend();

  // Answers. Exactly one per request; later calls are ignored.
  void Json(int status, const std::string& json);
  void Html(int status, const std::string& html);
  void Problem(ProblemKind kind, const std::string& detail = "",
               const std::string& extra_members = "");
  void ProblemFor(const Status& status);
  void Send(int status, const std::string& content_type, const std::string& body);
  void Redirect(const std::string& location, int status = 303);
  // Adds a response header before answering (the value must not hold CR or LF: refused).
  void SetHeader(const std::string& name, const std::string& value);
  // Sets the session cookie (HttpOnly, SameSite=Strict, Path=/, Secure over TLS); an empty token
  // clears it.
  void SetSessionCookie(const std::string& token);
  bool answered() const { return answered_; }
  int status() const { return status_; }

  // Router internals.
  void SetParams(std::map<std::string, std::string> params) { params_ = std::move(params); }
  void SetSession(std::optional<Session> session) { session_ = std::move(session); }

 private:
  Poco::Net::HTTPServerRequest& request_;
  Poco::Net::HTTPServerResponse& response_;
  BackendPool& pool_;
  const ServerConfig& config_;
  std::string request_id_;
  std::string path_;
  std::string raw_path_;
  std::vector<std::pair<std::string, std::string>> query_;
  std::map<std::string, std::string> params_;
  std::optional<Session> session_;
  std::optional<BackendPool::Lease> lease_;
  std::optional<std::string> body_;
  bool body_read_ = false;
  bool answered_ = false;
  int status_ = 0;
};

}  // namespace koop::server
