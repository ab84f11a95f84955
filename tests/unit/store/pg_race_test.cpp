// Guards against: two writers racing on PostgreSQL being reported as bad data (exit 65). Two first
// `start`s of a definition nobody registered yet both inserted it and the loser died on the
// unique key as 65; two `fire`s on one instance likewise. Now a conflict is retried, or reported
// as kTempFail (75) when it persists — never 65. Two engines (two connections) in two threads,
// released together by a barrier, 20 rounds each. Needs KOOP_TEST_PG_URI (scripts/with-postgres);
// SKIPPED loudly otherwise. The same race on SQLite is serialised by the write lock (checked too).
#include <Poco/Environment.h>
#include <Poco/File.h>
#include <Poco/TemporaryFile.h>

#include <boost/test/unit_test.hpp>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "koop/database.h"

namespace koop {
namespace {

constexpr int kRounds = 20;

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(KOOP_SOURCE_DIR) + "/" + rel, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  if (at == std::string::npos) throw std::runtime_error("fixture text not found: " + from);
  return text.replace(at, from.size(), to);
}

// Runs `a` and `b` in two threads released at the same moment.
template <typename A, typename B>
void Together(A a, B b) {
  std::mutex m;
  std::condition_variable cv;
  int ready = 0;
  bool go = false;
  auto wrap = [&](auto f) {
    return [&, f] {
      {
        std::unique_lock<std::mutex> lock(m);
        if (++ready == 2) {
          go = true;
          cv.notify_all();
        }
        cv.wait(lock, [&] { return go; });
      }
      f();
    };
  };
  std::thread ta(wrap(a)), tb(wrap(b));
  ta.join();
  tb.join();
}

// Counts outcomes by exit code (a success is 0), keeping the first message of each failure code.
struct Tally {
  std::map<int, int> codes;
  std::map<int, std::string> first;
  void Add(const Status& s) {
    ++codes[s.exit_code()];
    if (!s.ok()) first.emplace(s.exit_code(), s.message());
  }
  std::string ToString() const {
    std::string out;
    for (const auto& [code, n] : codes) {
      out += " exit " + std::to_string(code) + ": " + std::to_string(n);
      if (auto it = first.find(code); it != first.end()) out += " (first: " + it->second + ")";
    }
    return out;
  }
};

void Race(const std::string& uri) {
  std::string dir = Poco::TemporaryFile::tempName();
  Poco::File(dir).createDirectories();
  Tally starts, fires;
  for (int round = 0; round < kRounds; ++round) {
    // A workflow id no database has seen: the first two starts both register it.
    std::string unique = Poco::TemporaryFile::tempName();
    std::string id = "race" + unique.substr(unique.rfind('/') + 1);
    for (char& c : id) {
      if (!std::isalnum(static_cast<unsigned char>(c))) c = 'x';
    }
    std::ofstream(dir + "/" + id + ".xml")
        << Replace(ReadSource("tests/scenario/remind/data/remindcase.xml"), R"(name="remindcase")",
                   "name=\"" + id + "\"");
    std::ofstream(dir + "/town.xml")
        << Replace(ReadSource("tests/scenario/remind/data/remindtown.xml"), R"(ref="remindcase")",
                   "ref=\"" + id + "\"");
    DatabaseOptions o;
    o.uri = uri;
    o.workflows_dir = dir;
    o.municipalities_dir = dir;
    auto e1 = Database::Open(o);
    auto e2 = Database::Open(o);
    BOOST_REQUIRE_MESSAGE(e1.ok() && e2.ok(), "open");
    TimeMs at = ParseInstant("2026-12-10T09:00").value();
    Result<StepOutcome> s1 = Status::Internal("not run"), s2 = s1;
    Together(
        [&] {
          s1 = (*e1)->instances().Start({id, "town", "{}", at});
        },
        [&] {
          s2 = (*e2)->instances().Start({id, "town", "{}", at});
        });
    starts.Add(s1.status());
    starts.Add(s2.status());
    if (!s1.ok()) continue;
    std::string instance = s1->instance_id;
    Result<StepOutcome> f1 = Status::Internal("not run"), f2 = f1;
    Together(
        [&] {
          f1 = (*e1)->instances().Fire(
              {instance, "ggk.convened", R"({"date":"2026-12-29"})", at + 1000});
        },
        [&] {
          f2 = (*e2)->instances().Fire({instance, "invitations.sent", "{}", at + 1000});
        });
    fires.Add(f1.status());
    fires.Add(f2.status());
  }
  std::printf("pg race (%s): starts%s; fires%s\n", uri.c_str(), starts.ToString().c_str(),
              fires.ToString().c_str());
  BOOST_TEST(starts.codes[65] == 0);
  BOOST_TEST(fires.codes[65] == 0);
  BOOST_TEST(starts.codes[0] + starts.codes[75] == 2 * kRounds);
  int fired = 0;
  for (const auto& [code, n] : fires.codes) fired += n;
  BOOST_TEST(fires.codes[0] + fires.codes[75] == fired);
  BOOST_TEST(starts.codes[0] >= kRounds);  // retried conflicts mostly succeed
  Poco::File(dir).remove(true);
}

BOOST_AUTO_TEST_SUITE(WriterRaces)

BOOST_AUTO_TEST_CASE(PostgresConflictsAreRetriedOrTempFailNeverBadData) {
  if (!Poco::Environment::has("KOOP_TEST_PG_URI")) {
    std::printf(
        "SKIPPED: PostgresConflictsAreRetriedOrTempFailNeverBadData: KOOP_TEST_PG_URI not set "
        "(run under scripts/with-postgres)\n");
    return;
  }
  Race(Poco::Environment::get("KOOP_TEST_PG_URI"));
}

BOOST_AUTO_TEST_CASE(SqliteRacesAreSerialised) {
  std::string path = Poco::TemporaryFile::tempName() + ".db";
  Race(path);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    Poco::File f(path + suffix);
    if (f.exists()) f.remove();
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace koop
