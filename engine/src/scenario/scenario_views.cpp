#include "scenario/scenario_views.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "json/json_reader.h"
#include "time/warsaw_time.h"

namespace koop::scenario {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string Key(const DeadlineView& d) { return d.id + "#" + std::to_string(d.occurrence); }

std::string Compact(const Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(v, out);
  return out.str();
}

// Walks "a.b[0].c"; the error names the path and the part that failed.
Result<Var> Walk(const std::string& data_json, const std::string& path) {
  Result<Var> parsed = json::Parse(data_json, "the instance's data");
  if (!parsed.ok()) return parsed.status();
  Var cur = *parsed;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      std::size_t close = path.find(']', i);
      std::string digits = close == std::string::npos ? "" : path.substr(i + 1, close - i - 1);
      bool from_end = !digits.empty() && digits[0] == '-';  // [-1]: the last element
      if (from_end) digits.erase(0, 1);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos ||
          digits.size() > 6) {
        return Status::DataError("field " + path + ": expected [N] or [-N] at column " +
                                 std::to_string(i + 1));
      }
      std::size_t n = std::stoul(digits);
      std::size_t size =
          cur.type() == typeid(Array::Ptr) ? cur.extract<Array::Ptr>()->size() : std::size_t{0};
      if (from_end) n = n == 0 || n > size ? size : size - n;
      if (cur.type() != typeid(Array::Ptr) || n >= size) {
        return Status::DataError("field " + path + ": no element " + path.substr(0, close + 1));
      }
      cur = cur.extract<Array::Ptr>()->get(static_cast<unsigned>(n));
      i = close + 1;
      if (i < path.size() && path[i] == '.') ++i;
      continue;
    }
    std::size_t end = path.find_first_of(".[", i);
    std::string key = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
    if (key.empty()) {
      return Status::DataError("field " + path + ": empty name at column " + std::to_string(i + 1));
    }
    std::string upto = path.substr(0, end == std::string::npos ? path.size() : end);
    if (cur.type() != typeid(Object::Ptr) || !cur.extract<Object::Ptr>()->has(key)) {
      return Status::DataError("field " + path + ": no value at " + upto);
    }
    cur = cur.extract<Object::Ptr>()->get(key);
    i = end == std::string::npos ? path.size() : end;
    if (i < path.size() && path[i] == '.') ++i;
  }
  return cur;
}

}  // namespace

std::string LocalTime(TimeMs t) {
  int m = WarsawMinuteOfDay(t);
  char hm[8];
  std::snprintf(hm, sizeof hm, "%02d:%02d", (m / 60) % 100, m % 60);
  return WarsawDate(t).ToString() + " " + hm;
}

Lines StageLines(const InstanceView& view) {
  Lines out;
  for (const auto& s : view.stages) out.push_back(s.id);
  std::sort(out.begin(), out.end());
  return out;
}

Lines DeadlineLines(const InstanceView& view, bool open_only) {
  Lines out;
  for (const auto& d : view.deadlines) {
    if (open_only && d.state != "open") continue;
    std::string line = d.due_date + "  " + d.id + "  " + d.state + "  " + d.title;
    if (!d.recur_every.empty()) {
      line += "  every " + d.recur_every + " from " + d.recur_anchor + ", period " +
              std::to_string(d.recur_count + 1);
    }
    if (!d.escalate.empty()) {
      std::string to;
      for (const auto& r : d.escalate_to) to += (to.empty() ? "" : ",") + r;
      line += "  escalation " + d.escalate + " to " + to + " on " + d.escalation_date;
    }
    out.push_back(line);
  }
  return out;
}

Lines HistoryLines(const InstanceView& view) {
  Lines out;
  for (const auto& h : view.history) {
    out.push_back(LocalTime(h.at) + "  " + h.event + "  " + h.outcome + "  by " + h.actor);
    for (const auto& e : h.errors) out.push_back("  ! " + e);
  }
  return out;
}

Lines DeadlineChanges(const InstanceView& before, const InstanceView& after) {
  std::map<std::string, std::string> was;
  for (const auto& d : before.deadlines) was[Key(d)] = d.state;
  Lines out;
  for (const auto& d : after.deadlines) {
    auto it = was.find(Key(d));
    if (it == was.end()) {
      std::string line =
          (d.state == "open" ? "opened " : d.state + " at once ") + d.id + " due " + d.due_date;
      if (!d.recur_every.empty()) line += " (every " + d.recur_every + ")";
      out.push_back(line);
    } else if (it->second != d.state) {
      out.push_back(d.state + " " + d.id);
    }
  }
  return out;
}

Result<std::string> FieldJson(const std::string& data_json, const std::string& path) {
  Result<Var> v = Walk(data_json, path);
  if (!v.ok()) return v.status();
  return Compact(*v);
}

Result<std::string> FieldCount(const std::string& data_json, const std::string& path) {
  Result<Var> v = Walk(data_json, path);
  if (!v.ok()) return v.status();
  if (v->type() == typeid(Array::Ptr)) return std::to_string(v->extract<Array::Ptr>()->size());
  if (v->type() == typeid(Object::Ptr)) return std::to_string(v->extract<Object::Ptr>()->size());
  return Status::DataError("count " + path + ": not a list or an object: " + Compact(*v));
}

}  // namespace koop::scenario
