// The data-driven driver for statechart scenarios: every tests/data/scxml/*.scenario file is a
// chart followed by a script of events at simulated times and the expected outcome.
//
//   <scxml ...> ... </scxml>          the chart (loaded as "chart.scxml")
//   ---
//   start [T]                          start at T ms (default 0)
//   fire NAME [JSON] [+D|@T]           an external event, D ms after the last time or at T
//   advance +D | @T                    let time pass (due delayed sends are delivered)
//   states A B ...                     the active atomic states, sorted ("states" alone = none)
//   true EXPR                          a JavaScript expression that must hold in the data model
//   data JSON                          the user variables, exactly
//   handled | unhandled                whether the last fired event enabled a transition
//   errors N                           number of error.execution in the last step
//   error TEXT                         some error of the last step contains TEXT
//   effects K:ID ...                   the effects of the last step (logs left out), in order
//   log TEXT                           some <log> of the last step reads TEXT ("label: value")
//   finished ID                        the chart is in its top-level final state ID
//   fails TEXT                         the last command failed with a message containing TEXT
//   roundtrip                          snapshot, restore into a new interpreter, compare, go on
//   load-error                         the chart must not load; the following lines are the
//                                      exact message, one line per problem
// Durations take the suffixes ms, s, m, h, d (no suffix = ms). '#' starts a comment line.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "exec/interpreter.h"
#include "model/loader.h"

namespace fs = std::filesystem;
using koop::TimeMs;

namespace {

TimeMs ParseDuration(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])))) ++i;
  TimeMs v = std::stoll(text.substr(0, i));
  std::string unit = text.substr(i);
  if (unit == "s") return v * 1000;
  if (unit == "m") return v * 60000;
  if (unit == "h") return v * 3600000;
  if (unit == "d") return v * 86400000;
  return v;
}

// "+D" relative to `now`, "@T" absolute.
TimeMs ParseTime(const std::string& text, TimeMs now) {
  if (!text.empty() && text[0] == '+') return now + ParseDuration(text.substr(1));
  if (!text.empty() && text[0] == '@') return ParseDuration(text.substr(1));
  return now;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

struct Runner {
  std::string file;
  std::shared_ptr<const koop::model::Chart> chart;
  std::unique_ptr<koop::exec::Interpreter> it;
  koop::exec::StepResult last;
  std::vector<koop::exec::Effect> effects;
  koop::Status last_status;
  TimeMs now = 0;

  void Take(koop::Result<koop::exec::StepResult> r) {
    last_status = r.ok() ? koop::Status::Ok() : r.status();
    last = r.ok() ? *r : koop::exec::StepResult{};
    effects = it->TakeEffects();
  }

  void Run(const std::string& command, const std::string& rest, int line) {
    std::string where = file + ":" + std::to_string(line);
    std::istringstream words(rest);
    if (command == "start") {
      std::string t;
      words >> t;
      now = t.empty() ? 0 : ParseDuration(t);
      Take(it->Start(now));
      BOOST_CHECK_MESSAGE(last_status.ok(), where << ": start failed: " << last_status.message());
    } else if (command == "fire") {
      std::string name, json = "null", time;
      words >> name;
      std::string tail;
      std::getline(words, tail);
      tail.erase(0, tail.find_first_not_of(' '));
      auto sp = tail.find_last_of(' ');
      std::string last_word = sp == std::string::npos ? tail : tail.substr(sp + 1);
      if (!last_word.empty() && (last_word[0] == '+' || last_word[0] == '@')) {
        time = last_word;
        tail = sp == std::string::npos ? "" : tail.substr(0, sp);
      }
      if (!tail.empty()) json = tail;
      now = ParseTime(time, now);
      Take(it->Fire(name, json, now));
    } else if (command == "advance") {
      std::string t;
      words >> t;
      now = ParseTime(t, now);
      Take(it->AdvanceTo(now));
    } else if (command == "states") {
      BOOST_CHECK_MESSAGE(
          Join(it->Configuration()) == rest,
          where << ": states are [" << Join(it->Configuration()) << "], expected [" << rest << "]");
    } else if (command == "true") {
      auto v = it->Evaluate(rest);
      BOOST_CHECK_MESSAGE(v.ok() && *v == "true", where << ": '" << rest << "' is "
                                                        << (v.ok() ? *v : v.status().message()));
    } else if (command == "data") {
      auto v = it->DataJson();
      BOOST_CHECK_MESSAGE(v.ok() && *v == rest,
                          where << ": data is " << (v.ok() ? *v : v.status().message()));
    } else if (command == "handled" || command == "unhandled") {
      BOOST_CHECK_MESSAGE(
          last.event_handled == (command == "handled"),
          where << ": the event was " << (last.event_handled ? "" : "not ") << "handled");
    } else if (command == "errors") {
      BOOST_CHECK_MESSAGE(std::to_string(last.errors.size()) == rest,
                          where << ": " << last.errors.size() << " errors: " << Join(last.errors));
    } else if (command == "error") {
      bool found = std::any_of(last.errors.begin(), last.errors.end(), [&](const std::string& e) {
        return e.find(rest) != std::string::npos;
      });
      BOOST_CHECK_MESSAGE(
          found, where << ": no error contains '" << rest << "'; errors: " << Join(last.errors));
    } else if (command == "effects" || command == "log") {
      std::vector<std::string> got;
      bool log_found = false;
      for (const auto& e : effects) {
        if (e.kind == koop::exec::Effect::Kind::kLog) {
          std::string text = e.label.empty() ? e.text : e.label + ": " + e.text;
          log_found = log_found || text == rest;
          continue;
        }
        if (e.kind == koop::exec::Effect::Kind::kError) continue;
        got.push_back(std::string(koop::exec::EffectKindName(e.kind)) + ":" + e.id);
      }
      if (command == "log") {
        BOOST_CHECK_MESSAGE(log_found, where << ": no log line '" << rest << "'");
      } else {
        BOOST_CHECK_MESSAGE(Join(got) == rest, where << ": effects are [" << Join(got) << "]");
      }
    } else if (command == "finished") {
      BOOST_CHECK_MESSAGE(
          it->Finished() && it->FinalStateId() == rest,
          where << ": finished=" << it->Finished() << " in '" << it->FinalStateId() << "'");
    } else if (command == "fails") {
      BOOST_CHECK_MESSAGE(
          !last_status.ok() && last_status.message().find(rest) != std::string::npos,
          where << ": expected a failure with '" << rest << "', got '" << last_status.message()
                << "'");
    } else if (command == "roundtrip") {
      auto snap = it->Snapshot();
      BOOST_REQUIRE_MESSAGE(snap.ok(), where << ": snapshot: " << snap.status().message());
      auto restored = koop::exec::Interpreter::Restore(chart, *snap);
      BOOST_REQUIRE_MESSAGE(restored.ok(), where << ": restore: " << restored.status().message());
      auto again = (*restored)->Snapshot();
      BOOST_CHECK_MESSAGE(again.ok() && *again == *snap,
                          where << ": snapshot after restore differs:\n"
                                << *snap << "\n"
                                << (again.ok() ? *again : again.status().message()));
      it = std::move(*restored);
    } else {
      BOOST_ERROR(where << ": unknown command '" << command << "'");
    }
  }
};

void RunScenario(const fs::path& path) {
  std::ifstream in(path);
  std::string chart_text, line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line == "---") break;
    chart_text += line + "\n";
  }
  Runner r;
  r.file = path.filename().string();
  std::vector<std::pair<int, std::string>> commands;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    commands.emplace_back(line_no, line);
  }
  koop::model::LoadOptions options;
  auto chart = koop::model::LoadChartFromString(chart_text, "chart.scxml",
                                                path.parent_path().string(), options);
  if (!commands.empty() && commands.front().second == "load-error") {
    std::string expected;
    for (std::size_t i = 1; i < commands.size(); ++i) {
      expected += (expected.empty() ? "" : "\n") + commands[i].second;
    }
    BOOST_CHECK_MESSAGE(!chart.ok(), r.file << ": the chart loaded, expected errors");
    if (!chart.ok()) {
      BOOST_CHECK_MESSAGE(chart.status().message() == expected,
                          r.file << ": load errors differ; got:\n"
                                 << chart.status().message() << "\nexpected:\n"
                                 << expected);
    }
    return;
  }
  BOOST_REQUIRE_MESSAGE(chart.ok(), r.file << ": " << chart.status().message());
  r.chart = *chart;
  auto it = koop::exec::Interpreter::Create(r.chart);
  BOOST_REQUIRE_MESSAGE(it.ok(), r.file << ": " << it.status().message());
  r.it = std::move(*it);
  for (const auto& [n, text] : commands) {
    auto sp = text.find(' ');
    std::string command = text.substr(0, sp);
    std::string rest = sp == std::string::npos ? "" : text.substr(sp + 1);
    r.Run(command, rest, n);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(StatechartScenarios)

BOOST_AUTO_TEST_CASE(AllScenarioFilesPass) {
  fs::path dir = fs::path(KOOP_SOURCE_DIR) / "tests" / "data" / "scxml";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".scenario") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  BOOST_REQUIRE(!files.empty());
  for (const auto& f : files) {
    BOOST_TEST_CONTEXT(f.filename().string()) { RunScenario(f); }
  }
}

BOOST_AUTO_TEST_SUITE_END()
