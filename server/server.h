// Server: `koop serve` — Poco::Net::HTTPServer with a bounded pool of worker threads and a
// bounded queue of accepted connections, every request going through the Router (router.h).
// Start() binds and returns at once; Stop() stops accepting and lets requests in flight finish
// (each is one engine transaction, so a stop never leaves half of one behind).
#pragma once

#include <memory>

#include "koop/status.h"
#include "server/backends.h"
#include "server/server_config.h"

namespace koop::server {

class Server {
 public:
  // kUsage for a bad host, kIoError when the address cannot be bound or the database opened.
  static Result<std::unique_ptr<Server>> Start(const ServerConfig& config,
                                               const BackendOptions& backends);
  virtual ~Server() = default;
  virtual int port() const = 0;
  // Stops accepting and waits (up to config.drain_timeout_ms) for requests in flight.
  virtual void Stop() = 0;
};

}  // namespace koop::server
