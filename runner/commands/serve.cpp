// `koop serve [--listen HOST:PORT]` — the HTTP API and the web application (DESIGN.md §11). A
// thin command: read the options, start koop::server::Server, wait for SIGTERM or SIGINT, stop
// gracefully (requests in flight finish). Prints "koop serve: listening on http://HOST:PORT" once
// it accepts connections (with --listen HOST:0 the port is the one the system chose).
#include <Poco/Logger.h>
#include <Poco/Util/Option.h>

#include <csignal>
#include <ostream>

#include "engine_options.h"
#include "koop/log_context.h"
#include "resource_dirs.h"
#include "server/offset_clock.h"
#include "server/server.h"
#include "server/server_log.h"

namespace koop::runner {
namespace {

Result<std::pair<std::string, int>> ParseListen(const std::string& text) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return Status::Usage("--listen " + text + ": expected HOST:PORT, e.g. 127.0.0.1:8080");
  }
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  std::string port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    return Status::Usage("--listen " + text + ": the port must be a number from 0 to 65535");
  }
  return std::make_pair(host, std::stoi(port));
}

Result<int> IntOption(const Invocation& inv, const std::string& name, int fallback, int lo,
                      int hi) {
  std::string config_key = "server." + name;
  std::string text = inv.Get(name, inv.config ? inv.config->getString(config_key, "") : "");
  if (text.empty()) return fallback;
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(text) < lo || std::stoi(text) > hi) {
    return Status::Usage("--" + name + " " + text + ": expected a whole number from " +
                         std::to_string(lo) + " to " + std::to_string(hi));
  }
  return std::stoi(text);
}

int Run(Invocation& inv) {
  // Lines written outside a request (start, workflows left out, stop) carry "serve"; those of a
  // request carry its id (server/server_log.h).
  ScopedLogContext log_context("serve");
  std::string listen =
      inv.Get("listen", inv.config ? inv.config->getString("server.listen", "127.0.0.1:8080")
                                   : "127.0.0.1:8080");
  Result<std::pair<std::string, int>> address = ParseListen(listen);
  if (!address.ok()) return inv.Fail(address.status());
  server::ServerConfig config;
  config.host = address->first;
  config.port = address->second;
  Result<int> threads = IntOption(inv, "threads", config.max_threads, 1, 256);
  if (!threads.ok()) return inv.Fail(threads.status());
  config.max_threads = *threads;
  Result<int> idle = IntOption(inv, "session-idle-minutes", 30, 1, 24 * 60);
  if (!idle.ok()) return inv.Fail(idle.status());
  config.trust_proxy =
      inv.Has("trust-proxy") || (inv.config && inv.config->getBool("server.trust_proxy", false));
  config.log_requests = !inv.Has("quiet");
  Poco::Logger& log = Poco::Logger::get(server::kServerLogger);
  // The request lines are notices: shown unless --quiet, whatever log.level says (a quieter
  // level still applies to every other logger).
  if (config.log_requests && log.getLevel() < Poco::Message::PRIO_NOTICE) {
    log.setLevel(Poco::Message::PRIO_NOTICE);
  }

  if (inv.Has("at") || inv.Has("now")) {
    Result<TimeMs> start = inv.Now();
    if (!start.ok()) return inv.Fail(start.status());
    config.clock = std::make_shared<server::OffsetClock>(*start);
  }

  server::BackendOptions backends;
  backends.database = DatabaseOptionsFrom(inv, /*create_if_missing=*/true);
  backends.database.clock = config.clock;
  backends.packs_dir =
      inv.Get("packs", inv.config ? inv.config->getString("server.packs_dir", "packs") : "packs");
  backends.database.accounts.session_idle_ms = static_cast<TimeMs>(*idle) * 60 * 1000;
  backends.templates_dir = DirOrDefault(inv, Resource::kTemplates);
  config.web_dir = DirOrDefault(inv, Resource::kWeb);

  // Signals are taken by sigwait below, never by a worker thread: block them before any starts.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Result<std::unique_ptr<server::Server>> server = server::Server::Start(config, backends);
  if (!server.ok()) return inv.Fail(server.status());
  *inv.out << "koop serve: listening on http://" << config.host << ":" << (*server)->port()
           << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server::LogNotice(std::string(received == SIGTERM ? "SIGTERM" : "SIGINT") +
                    ", finishing requests in flight");
  (*server)->Stop();
  server::LogNotice("stopped");
  return 0;
}

void Define(Poco::Util::OptionSet& options) {
  using Poco::Util::Option;
  options.addOption(
      Option("listen", "", "address to listen on (default 127.0.0.1:8080)").argument("HOST:PORT"));
  options.addOption(
      Option("threads", "", "worker threads, each with its own database connection (16)")
          .argument("N"));
  options.addOption(
      Option("session-idle-minutes", "", "sessions end after this idle time (30)").argument("N"));
  options.addOption(
      Option("trust-proxy", "", "trust X-Forwarded-Proto/-For from a reverse proxy (TLS there)"));
  options.addOption(Option("quiet", "", "no line per request on stderr"));
  options.addOption(
      Option("workflows", "", "workflow folder (config workflows.dir)").argument("DIR"));
  options.addOption(Option("municipalities", "", "municipality folder (config municipalities.dir)")
                        .argument("DIR"));
  options.addOption(Option("packs", "", "where rendered packs are kept (config server.packs_dir)")
                        .argument("DIR"));
  options.addOption(
      Option("templates", "", "template folder (config templates.dir)").argument("DIR"));
  options.addOption(
      Option("web", "", "the web application's templates and stylesheet (config web.dir)")
          .argument("DIR"));
}

}  // namespace

extern const CommandSpec kServeCommand = {
    "serve", "[--listen HOST:PORT]", "the HTTP API and the Polish web application", Define, Run, 0,
    0};

}  // namespace koop::runner
