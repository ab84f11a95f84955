#include "scenario/scenario_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace koop::scenario {
namespace {

bool Blank(const std::string& line) { return line.find_first_not_of(" \t") == std::string::npos; }

bool Comment(const std::string& line) {
  std::size_t i = line.find_first_not_of(" \t");
  return i != std::string::npos && line[i] == '#';
}

// "----" and more dashes, then an optional mode word.
bool Separator(const std::string& line) { return line.rfind("----", 0) == 0; }

std::vector<std::string> Words(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

}  // namespace

Result<ScenarioFile> ParseScenario(const std::string& text, const std::string& path) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  ScenarioFile file;
  file.path = path;
  std::size_t i = 0;
  while (i < lines.size()) {
    if (Blank(lines[i]) || Comment(lines[i])) {
      ++i;
      continue;
    }
    std::string where = path + ":" + std::to_string(i + 1);
    if (Separator(lines[i])) {
      return Status::DataError(where + ":1: expected output without a command before it");
    }
    if (lines[i][0] == ' ' || lines[i][0] == '\t') {
      return Status::DataError(where + ":1: a command starts at the beginning of the line");
    }
    Record r;
    r.line = static_cast<int>(i) + 1;
    r.words = Words(lines[i]);
    r.text = lines[i];
    ++i;
    // Only a command ending in `with` continues on the next lines (its JSON); otherwise the next
    // line is a command of its own.
    bool continues = !r.words.empty() && r.words.back() == "with";
    for (; continues && i < lines.size() && !Blank(lines[i]) && !Separator(lines[i]); ++i) {
      if (!Comment(lines[i])) r.text += "\n" + lines[i];
    }
    if (i < lines.size() && Separator(lines[i])) {
      std::size_t k = lines[i].find_first_not_of('-');
      auto words = Words(k == std::string::npos ? "" : lines[i].substr(k));
      if (words.empty()) {
        r.match = Match::kExact;
      } else if (words.size() == 1 && words[0] == "contains") {
        r.match = Match::kContains;
      } else {
        std::size_t col = lines[i].find(words[0]) + 1;
        return Status::DataError(path + ":" + std::to_string(i + 1) + ":" + std::to_string(col) +
                                 ": unknown match mode '" + words[0] +
                                 "' (expected nothing or 'contains')");
      }
      for (++i; i < lines.size() && !Blank(lines[i]); ++i) r.expected.push_back(lines[i]);
    }
    file.records.push_back(std::move(r));
  }
  return file;
}

Result<ScenarioFile> ReadScenario(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NoInput(path + ": no such scenario file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return Status::IoError(path + ": cannot read");
  return ParseScenario(text.str(), path);
}

}  // namespace koop::scenario
