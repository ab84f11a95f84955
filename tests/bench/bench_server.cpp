// Benchmark: `koop serve` under load on SQLite (and PostgreSQL when KOOP_TEST_PG_URI is set):
// INSTANCES case instances of the sample municipality (started through the engine, each in its
// diagnosis stage) and DEADLINES open deadlines in all (the workflow's own plus synthetic rows
// written straight to the deadlines table, spread over two years), then requests per second and
// p50/p95 latency of GET /healthz (the floor), GET /api/v1/tasks, GET /api/v1/instances/{id} and
// POST /api/v1/instances/{id}/events (consent.given: a targetless transition, so each is
// recorded), from CLIENTS keep-alive connections, each endpoint for SECONDS; then, on a second
// server without the listing cache, the floor and the task list computed on every request
// (the default page of 50, and 200 rows).
// Usage: bench_server [INSTANCES] [DEADLINES] [CLIENTS] [SECONDS]   (10000 100000 4 5)
// Run from the repository root (it reads workflows/ and samples/).
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "koop/accounts.h"
#include "koop/calendar.h"
#include "koop/database.h"
#include "koop/engine.h"
#include "server/server.h"
#include "store/store.h"

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Target {
  const char* name;
  std::string method;
  std::vector<std::string> paths;  // round robin
  std::string body;
};

struct Session {
  std::string cookie;
  std::string csrf;
};

Session SignIn(int port) {
  Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
  Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, "/api/v1/session",
                             Poco::Net::HTTPMessage::HTTP_1_1);
  std::string body = R"({"login":"bench","password":"bench-password"})";
  req.setContentType("application/json");
  req.setContentLength(static_cast<std::streamsize>(body.size()));
  s.sendRequest(req) << body;
  Poco::Net::HTTPResponse res;
  std::string out;
  Poco::StreamCopier::copyToString(s.receiveResponse(res), out);
  Session session;
  std::string set = res.get("Set-Cookie", "");
  session.cookie = set.substr(0, set.find(';'));
  session.csrf = res.get("X-CSRF-Token", "");
  return session;
}

void Measure(int port, const Session& session, const Target& t, int clients, double seconds) {
  std::vector<std::vector<double>> lat(clients);
  std::atomic<long> errors{0};
  const auto until = SteadyClock::now() + std::chrono::duration<double>(seconds);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Poco::Net::HTTPClientSession s("127.0.0.1", static_cast<Poco::UInt16>(port));
      s.setKeepAlive(true);
      std::size_t i = static_cast<std::size_t>(c) * 7919;
      while (SteadyClock::now() < until) {
        const std::string& path = t.paths[i++ % t.paths.size()];
        Poco::Net::HTTPRequest req(t.method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        req.setKeepAlive(true);
        req.set("Cookie", session.cookie);
        if (t.method == "POST") {
          req.set("X-CSRF-Token", session.csrf);
          req.setContentType("application/json");
          req.setContentLength(static_cast<std::streamsize>(t.body.size()));
        }
        auto start = SteadyClock::now();
        try {
          std::ostream& os = s.sendRequest(req);
          if (t.method == "POST") os << t.body;
          Poco::Net::HTTPResponse res;
          std::string out;
          Poco::StreamCopier::copyToString(s.receiveResponse(res), out);
          if (res.getStatus() >= 300) ++errors;
        } catch (const Poco::Exception&) {
          ++errors;
          s.reset();
        }
        lat[c].push_back(
            std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count());
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<double> all;
  for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) {
    return all.empty() ? 0.0
                       : all[std::min(all.size() - 1, static_cast<std::size_t>(p * all.size()))];
  };
  std::printf("%-34s %8zu req %8.0f req/s  p50 %7.2f ms  p95 %7.2f ms  errors %ld\n", t.name,
              all.size(), all.size() / seconds, pct(0.50), pct(0.95), errors.load());
}

int Run(const std::string& uri, const std::string& label, int instances, int deadlines, int clients,
        double seconds) {
  std::printf("== %s: %d instances, %d open deadlines, %d clients, %.0f s per endpoint\n",
              label.c_str(), instances, deadlines, clients, seconds);
  koop::DatabaseOptions eo;
  eo.uri = uri;
  auto db = koop::Database::Open(eo);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 1;
  }
  koop::Engine* engine = &(*db)->instances();
  auto t0 = SteadyClock::now();
  const koop::TimeMs at = koop::ParseInstant("2027-02-01T09:00").value();
  std::vector<std::string> ids;
  std::vector<koop::FireRequest> batch;
  int refused = 0;
  for (int i = 0; i < instances; ++i) {
    char number[32];
    std::snprintf(number, sizeof number, "MOPS/2027/%05d", i);
    auto started = engine->Start(
        {"case", "sieradz", std::string(R"({"sprawa":{"numer":")") + number + "\"}}", at});
    if (!started.ok()) {
      // A loaded machine may hit the rules' time limit: that start is refused, whole; go on.
      if (++refused > instances / 10) {
        std::fprintf(stderr, "%s\n", started.status().message().c_str());
        return 1;
      }
      continue;
    }
    ids.push_back(started->instance_id);
    batch.push_back({started->instance_id, "diagnosis.started", "{}", at + 60000});
    if (batch.size() == 200) {
      (void)engine->FireBatch(batch);
      batch.clear();
    }
  }
  if (!batch.empty()) (void)engine->FireBatch(batch);
  auto store = koop::store::Store::Open(uri);
  long existing = 0;
  {
    auto tx = (*store)->BeginWrite();
    auto rows = tx->Query("SELECT COUNT(*) FROM deadlines WHERE state = 'open'");
    existing = rows.ok() ? (*rows)[0].Int(0) : 0;
    for (long k = existing; k < deadlines; ++k) {
      const std::string& id = ids[static_cast<std::size_t>(k) % ids.size()];
      koop::TimeMs due = at + (k % 730) * 86400000LL;
      char date[16];
      koop::Date d = koop::Date::FromDays(static_cast<int>(due / 86400000LL));
      std::snprintf(date, sizeof date, "%s", d.ToString().c_str());
      (void)tx->Exec(
          "INSERT INTO deadlines (instance_id, deadline_id, occurrence, title, due_date, due_at, "
          "state, owner_state, remind, recipients, created_at, updated_at) VALUES "
          "(?, ?, 1, 'Termin syntetyczny', ?, ?, 'open', 'diagnosis', '[]', '[]', 0, 0)",
          {id, "bench." + std::to_string(k), std::string(date), due});
    }
    (void)tx->Commit();
  }
  std::printf(
      "set-up: %.1f s (%zu instances, %d starts refused by the rules' time limit; %ld "
      "deadlines from the workflow, the rest synthetic)\n",
      std::chrono::duration<double>(SteadyClock::now() - t0).count(), ids.size(), refused,
      existing);
  auto accounts_db = koop::Database::Open(eo);
  (void)(*accounts_db)
      ->accounts()
      .Add({"bench", "bench-password", koop::Role::kCoordinator, "sieradz", ""});

  koop::server::ServerConfig config;
  config.port = 0;
  config.log_requests = false;
  config.max_threads = 8;
  config.clock = std::make_shared<koop::FixedClock>(at + 86400000LL);
  koop::server::BackendOptions backends;
  backends.database = eo;
  backends.database.clock = config.clock;
  // The same server twice: with the listing cache (as `koop serve` runs), then without it, so
  // the task list is measured both as a person reloading it sees it and computed every time.
  for (bool cached : {true, false}) {
    backends.listing_cache_bytes = cached ? std::size_t{64} << 20 : 0;
    auto server = koop::server::Server::Start(config, backends);
    if (!server.ok()) {
      std::fprintf(stderr, "%s\n", server.status().message().c_str());
      return 1;
    }
    const int port = (*server)->port();
    std::printf("-- server %s the listing cache\n", cached ? "with" : "without");
    Session session = SignIn(port);
    std::vector<std::string> shows, fires;
    for (std::size_t i = 0; i < ids.size(); i += std::max<std::size_t>(1, ids.size() / 1000)) {
      shows.push_back("/api/v1/instances/" + ids[i]);
      fires.push_back("/api/v1/instances/" + ids[i] + "/events");
    }
    Measure(port, session, {"GET /healthz (floor)", "GET", {"/healthz"}, ""}, clients, seconds);
    if (cached) {
      Measure(port, session, {"GET /api/v1/tasks (cached)", "GET", {"/api/v1/tasks"}, ""}, clients,
              seconds);
      Measure(port, session, {"GET /api/v1/instances/{id}", "GET", shows, ""}, clients, seconds);
      Measure(port, session,
              {"POST /api/v1/instances/{id}/events", "POST", fires,
               R"({"event":"consent.given","data":{"dataProcessing":true}})"},
              clients, seconds);
    } else {
      Measure(port, session, {"GET /api/v1/tasks (cold, 50)", "GET", {"/api/v1/tasks"}, ""},
              clients, seconds);
      Measure(port, session,
              {"GET /api/v1/tasks?limit=200 (cold)", "GET", {"/api/v1/tasks?limit=200"}, ""},
              clients, seconds);
    }
    Measure(port, session, {"GET /healthz (floor, again)", "GET", {"/healthz"}, ""}, clients,
            seconds);
    (*server)->Stop();
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int instances = argc > 1 ? std::atoi(argv[1]) : 10000;
  int deadlines = argc > 2 ? std::atoi(argv[2]) : 100000;
  int clients = argc > 3 ? std::atoi(argv[3]) : 4;
  double seconds = argc > 4 ? std::atof(argv[4]) : 5;
  auto dir = std::filesystem::temp_directory_path() / ("bench_server_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  int rc = Run((dir / "bench.db").string(), "SQLite", instances, deadlines, clients, seconds);
  std::filesystem::remove_all(dir);
  if (const char* pg = std::getenv("KOOP_TEST_PG_URI"); pg && rc == 0) {
    rc = Run(pg, "PostgreSQL", instances, deadlines, clients, seconds);
  }
  return rc;
}
