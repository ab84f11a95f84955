// RunScenario: the loop over a scenario's records. Each command's output (or "error N: message")
// is normalised and compared with its expected block; differences are collected as failures.
#include "scenario/scenario_run.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace koop::scenario {
namespace fs = std::filesystem;
namespace {

void Replace(std::string& s, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
}

std::string Abs(const std::string& dir) { return fs::absolute(dir).lexically_normal().string(); }

std::string Block(const Lines& lines) {
  std::string s;
  for (const auto& l : lines) s += "\n    " + l;
  return lines.empty() ? "\n    (nothing)" : s;
}

bool Matches(Match match, const Lines& expected, const Lines& got) {
  if (match == Match::kExact) return expected == got;
  for (const auto& e : expected) {
    if (std::find(got.begin(), got.end(), e) == got.end()) return false;
  }
  return true;
}

}  // namespace

ScenarioRun::ScenarioRun(const ScenarioOptions& options, const std::string& path)
    : options_(options), path_(path) {
  base_dir_ = Abs(fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path());
  options_.workflows_dir = Abs(options.workflows_dir);
  options_.municipalities_dir = Abs(options.municipalities_dir);
  options_.templates_dir = Abs(options.templates_dir);
  if (!options.out_dir.empty()) options_.out_dir = Abs(options.out_dir);
  report.file = path;
}

ScenarioRun::~ScenarioRun() {
  database_.reset();  // before the database goes
}

Status ScenarioRun::Prepare() {
  Result<std::unique_ptr<FreshDatabase>> db =
      FreshDatabase::Create(options_.postgres_uri, options_.sqlite_path);
  if (!db.ok()) return db.status();
  db_ = std::move(*db);
  return Status::Ok();
}

std::string ScenarioRun::Normalize(const std::string& line) const {
  std::string s = line;
  // Longest first: a folder inside another is replaced by its own name.
  std::vector<std::pair<std::string, std::string>> dirs = {
      {options_.workflows_dir + "/", "{workflows}/"},
      {options_.municipalities_dir + "/", "{municipalities}/"},
      {options_.templates_dir + "/", "{templates}/"},
      {base_dir_ + "/", "{here}/"}};
  if (db_) dirs.push_back({db_->temp_dir() + "/", "{temp}/"});
  if (!options_.out_dir.empty()) dirs.push_back({options_.out_dir + "/", "{out}/"});
  std::sort(dirs.begin(), dirs.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [from, to] : dirs) Replace(s, from, to);
  for (const auto& [name, id] : instances_) Replace(s, id, "{" + name + "}");
  return s;
}

bool ScenarioRun::IsPublicOutput(const std::string& command) {
  return command == "remind" || command == "listing" || command == "mail";
}

}  // namespace koop::scenario

namespace koop {

Result<ScenarioReport> RunScenario(const std::string& path, const ScenarioOptions& options) {
  Result<scenario::ScenarioFile> file = scenario::ReadScenario(path);
  if (!file.ok()) return file.status();
  scenario::ScenarioRun run(options, path);
  KOOP_RETURN_IF_ERROR(run.Prepare());
  std::ostream* tr = options.transcript;
  for (const scenario::Record& r : file->records) {
    std::string where = path + ":" + std::to_string(r.line);
    Result<scenario::Lines> result = run.Execute(r, where);
    // A malformed command is the file's fault, not a failed expectation.
    if (!result.ok() && result.status().message().rfind(where + ":", 0) == 0) {
      return result.status();
    }
    ++run.report.commands;
    scenario::Lines got;
    if (result.ok()) {
      for (const auto& l : *result) got.push_back(run.Normalize(l));
    } else {
      got.push_back("error " + std::to_string(result.status().exit_code()) + ": " +
                    run.Normalize(result.status().message()));
    }
    if (tr != nullptr && r.words[0] == "title") {
      *tr << "\n== " << run.report.title << " ==\n";
    } else if (tr != nullptr) {
      *tr << "> " << r.text.substr(0, r.text.find('\n')) << "\n";
      for (const auto& l : got) *tr << "  " << l << "\n";
    }
    std::string cmd = r.words[0];
    if (scenario::ScenarioRun::IsPublicOutput(cmd)) {
      for (const auto& secret : run.personal()) {
        ++run.report.checks;
        for (const auto& l : got) {
          if (l.find(secret) != std::string::npos) {
            run.report.failures.push_back(where + ": " + cmd + " shows personal data '" + secret +
                                          "': " + l);
          }
        }
      }
    }
    if (r.match == scenario::Match::kNone) {
      bool step_errors = false;
      for (const auto& l : got) step_errors |= l.rfind("error.execution: ", 0) == 0;
      if (!result.ok() || step_errors) {
        run.report.failures.push_back(where + ": " + cmd + " failed:" + scenario::Block(got));
      }
      continue;
    }
    ++run.report.checks;
    if (!scenario::Matches(r.match, r.expected, got)) {
      run.report.failures.push_back(
          where + ": " + cmd +
          (r.match == scenario::Match::kContains ? " lacks a line;" : " printed other lines;") +
          "\n  expected:" + scenario::Block(r.expected) + "\n  got:" + scenario::Block(got));
    }
  }
  return std::move(run.report);
}

}  // namespace koop
