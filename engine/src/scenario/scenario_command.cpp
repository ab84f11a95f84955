#include "scenario/scenario_command.h"

namespace koop::scenario {
namespace {

bool IsClock(const std::string& w) {
  return w.size() == 5 && w[2] == ':' && w.find_first_not_of("0123456789:") == std::string::npos;
}

}  // namespace

Result<Command> ParseCommand(const Record& record, const std::string& where) {
  Command c;
  std::string first = record.text.substr(0, record.text.find('\n'));
  // Word positions on the first line, for columns in errors.
  std::vector<std::size_t> cols;
  std::size_t pos = 0;
  for (const auto& w : record.words) {
    pos = first.find(w, pos);
    cols.push_back(pos + 1);
    pos += w.size();
  }
  auto fail = [&](std::size_t i, const std::string& msg) {
    std::size_t col = i < cols.size() ? cols[i] : first.size() + 1;
    return Status::DataError(where + ":" + std::to_string(col) + ": " + msg);
  };
  const auto& w = record.words;
  c.where = where;
  c.name = w[0];
  if (cols.size() > 1) c.rest = first.substr(cols[1] - 1);
  while (!c.rest.empty() && (c.rest.back() == ' ' || c.rest.back() == '\t')) c.rest.pop_back();
  std::size_t i = 1;
  for (; i < w.size() && w[i] != "at" && w[i] != "with"; ++i) c.args.push_back(w[i]);
  if (i < w.size() && w[i] == "at") {
    if (i + 1 >= w.size()) return fail(i, "'at' needs a date, e.g. at 2026-12-10 09:00");
    c.has_at = true;
    std::size_t date_word = i + 1;
    c.at_text = w[i + 1];
    std::string iso = w[i + 1];
    i += 2;
    if (i < w.size() && IsClock(w[i])) {
      c.at_text += " " + w[i];
      iso += "T" + w[i];
      ++i;
    }
    Result<TimeMs> t = ParseInstant(iso);
    if (!t.ok()) return fail(date_word, "bad time '" + c.at_text + "': " + t.status().message());
    c.at = *t;
    for (; i < w.size() && w[i] != "with"; ++i) c.flags.push_back(w[i]);
  }
  if (i < w.size() && w[i] == "with") {
    c.has_with = true;
    std::size_t start = cols[i] - 1 + 4;
    c.json = record.text.substr(start);
    if (c.json.find_first_not_of(" \t\n") == std::string::npos) {
      return fail(i, "'with' needs JSON data after it");
    }
  }
  return c;
}

}  // namespace koop::scenario
