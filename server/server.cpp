#include "server/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/UUIDGenerator.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "koop/log_context.h"
#include "server/routes.h"
#include "server/server_log.h"

namespace koop::server {
namespace {

void SecurityHeaders(Poco::Net::HTTPServerResponse& res) {
  res.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "same-origin");
  res.set("Cache-Control", "no-store");
}

class RequestHandler final : public Poco::Net::HTTPRequestHandler {
 public:
  RequestHandler(const Router& router, BackendPool& pool, const ServerConfig& config)
      : router_(router), pool_(pool), config_(config) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    const auto started = std::chrono::steady_clock::now();
    std::string id = Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
    // Every log line written while this request runs (here, in the router, the handlers and the
    // engine) carries its id, the one the client sees in X-Request-Id.
    ScopedLogContext log_context(id);
    res.set("X-Request-Id", id);
    SecurityHeaders(res);
    Exchange ex(req, res, pool_, config_, id);
    try {
      // Read any body first (bounded), so a handler that ignores it never leaves bytes behind
      // to be taken for the next request on the connection.
      const bool has_body = (req.hasContentLength() && req.getContentLength64() > 0) ||
                            req.getChunkedTransferEncoding();
      if (!has_body || ex.Body()) router_.Dispatch(ex);
    } catch (const std::exception& e) {
      LogError(std::string("request failed: ") + e.what());
      ex.DiscardBackend();
      ex.Problem(ProblemKind::kInternal, "request " + id + " failed; see the server log");
    }
    if (!ex.answered()) ex.Problem(ProblemKind::kInternal, "the handler gave no answer");
    const auto ms = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count() /
                    1000.0;
    // The path only (instance ids and names are not personal; query strings are left out).
    if (config_.log_requests) {
      std::ostringstream line;
      line << req.getMethod() << ' ' << LoggablePath(ex.path()) << ' ' << ex.status() << ' ' << ms
           << "ms" << (ex.session() ? " " + ex.session()->account.login : std::string());
      LogNotice(line.str());
    }
  }

 private:
  const Router& router_;
  BackendPool& pool_;
  const ServerConfig& config_;
};

class Factory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(const Router& router, BackendPool& pool, const ServerConfig& config)
      : router_(router), pool_(pool), config_(config) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new RequestHandler(router_, pool_, config_);
  }

 private:
  const Router& router_;
  BackendPool& pool_;
  const ServerConfig& config_;
};

class ServerImpl final : public Server {
 public:
  ServerImpl(const ServerConfig& config, const BackendOptions& backends)
      : config_(config), pool_(backends), threads_(1, config.max_threads, 60, 0), socket_() {}

  Status Listen() {
    try {
      Poco::Net::SocketAddress address(config_.host, static_cast<Poco::UInt16>(config_.port));
      socket_.bind(address, /*reuseAddress=*/true);
      socket_.listen(1024);
    } catch (const Poco::Exception& e) {
      return Status::IoError("cannot listen on " + config_.host + ":" +
                             std::to_string(config_.port) + ": " + e.displayText());
    }
    RegisterApiRoutes(router_, config_);
    RegisterPageRoutes(router_, config_);
    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config_.max_threads);
    params->setMaxQueued(config_.max_queued);
    params->setTimeout(Poco::Timespan(static_cast<long>(config_.timeout_ms) * 1000));
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(
        Poco::Timespan(static_cast<long>(config_.keep_alive_timeout_ms) * 1000));
    params->setMaxKeepAliveRequests(1000);
    params->setServerName("koop");
    server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(router_, pool_, config_),
                                                      threads_, socket_, params);
    server_->start();
    return Status::Ok();
  }

  int port() const override { return socket_.address().port(); }

  void Stop() override {
    if (!server_) return;
    server_->stop();  // no new connections; those being served finish
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(config_.drain_timeout_ms);
    while (server_->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    threads_.joinAll();
    server_.reset();
  }

  ~ServerImpl() override { Stop(); }

 private:
  ServerConfig config_;
  BackendPool pool_;
  Router router_;
  Poco::ThreadPool threads_;
  Poco::Net::ServerSocket socket_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Start(const ServerConfig& config,
                                              const BackendOptions& backends) {
  // Open (and migrate) once here, so a bad database fails the start, not the first request.
  {
    Result<std::unique_ptr<Database>> database = Database::Open(backends.database);
    if (!database.ok()) return database.status();
  }
  auto server = std::make_unique<ServerImpl>(config, backends);
  KOOP_RETURN_IF_ERROR(server->Listen());
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace koop::server
