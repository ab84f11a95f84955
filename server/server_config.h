// ServerConfig: what `koop serve` is told (options and koop.properties keys server.*).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "koop/clock.h"

namespace koop::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;         // 0: any free port (the chosen one is printed)
  int max_threads = 16;    // worker threads (each holds one database connection pair)
  int max_queued = 256;    // accepted connections waiting for a worker; beyond, refused
  int timeout_ms = 10000;  // a client that sends nothing for this long is dropped
  int keep_alive_timeout_ms = 5000;
  std::size_t max_body_bytes = 1 << 20;
  // Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy on loopback.
  bool trust_proxy = false;
  // The files of the web application (server/web/ in the source tree, or installed).
  std::string web_dir;
  TimeMs drain_timeout_ms = 10000;  // SIGTERM: how long in-flight requests may take to finish
  bool log_requests = true;
  // "Now" for events, deadlines and sessions (null: the system clock; `koop serve --at T` runs
  // a clock that starts at T and advances in real time).
  std::shared_ptr<Clock> clock;  // one line per request on stderr (method, path, status, ms)
};

}  // namespace koop::server
