// The checks `koop validate` makes of a municipality file against the workflows it picks:
// existence, bound parameters (declared, typed) and the roles deadlines are addressed to.
#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "model/loader.h"
#include "municipality/municipality.h"

namespace koop::municipality {
namespace {

namespace fs = std::filesystem;
using model::ValueType;

struct Picked {
  std::string id;
  std::shared_ptr<const model::Chart> chart;
};

Place PlaceOf(const Municipality& m, const std::string& key) {
  auto it = m.places.find(key);
  if (it != m.places.end()) return it->second;
  auto root = m.places.find("");
  return root != m.places.end() ? root->second : Place{1, 1};
}

void Add(std::vector<Problem>* problems, Place p, std::string message) {
  problems->push_back(Problem{p.line, p.column, std::move(message)});
}

// Every workflow in `dir` that loads, by workflow id (<scxml name>), first file first. Files that
// do not load are reported by validating them, not here.
std::map<std::string, Picked> WorkflowsIn(const std::string& dir) {
  std::map<std::string, Picked> out;
  std::error_code ec;
  std::set<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file(ec) && (ext == ".xml" || ext == ".scxml")) files.insert(e.path());
  }
  for (const fs::path& f : files) {
    auto chart = model::LoadChart(f.string());
    if (chart.ok()) out.emplace((*chart)->name, Picked{(*chart)->name, *chart});
  }
  return out;
}

// What a bound value of `type` must look like, or "" when `value` fits (the same rules as the
// binding at `koop start`, dates and durations checked as well).
std::string Misfit(ValueType type, const std::string& value) {
  switch (type) {
    case ValueType::kInt:
    case ValueType::kDays:
    case ValueType::kWorkingDays:
      return std::regex_match(value, std::regex("-?[0-9]+")) ? "" : "a whole number";
    case ValueType::kNumber:
      return std::regex_match(value, std::regex("-?[0-9]+(\\.[0-9]+)?")) ? "" : "a number";
    case ValueType::kBool:
      return value == "true" || value == "false" ? "" : "true or false";
    case ValueType::kDate:
      return model::ValueFits(type, value) ? "" : "a date YYYY-MM-DD";
    case ValueType::kDateTime:
      return model::ValueFits(type, value) ? "" : "a date and time YYYY-MM-DDTHH:MM";
    case ValueType::kDuration:
      return model::ValueFits(type, value) ? "" : "an ISO 8601 duration such as P3M";
    case ValueType::kList:
    case ValueType::kObject: {
      const bool list = type == ValueType::kList;
      std::size_t first = value.find_first_not_of(" \t\r\n");
      bool ok = first != std::string::npos && value[first] == (list ? '[' : '{');
      try {
        if (ok) Poco::JSON::Parser().parse(value);
      } catch (const std::exception&) {
        ok = false;
      }
      return ok ? "" : list ? "a JSON list" : "a JSON object";
    }
    case ValueType::kString:
      return "";
  }
  return "";
}

std::string Names(const std::vector<Picked>& picked) {
  std::string out;
  for (const Picked& p : picked) out += (out.empty() ? "" : ", ") + p.id;
  return out;
}

}  // namespace

void CheckAgainstWorkflows(const Municipality& m, const std::string& workflows_dir,
                           std::vector<Problem>* problems) {
  std::map<std::string, Picked> available = WorkflowsIn(workflows_dir);
  std::vector<Picked> picked;
  bool complete = true;  // every picked workflow was found
  if (m.workflows.empty()) {
    for (auto& [id, w] : available) picked.push_back(w);
    if (picked.empty()) return;  // nothing to check the bindings against
  }
  for (const std::string& ref : m.workflows) {
    auto it = available.find(ref);
    if (it != available.end()) {
      picked.push_back(it->second);
      continue;
    }
    complete = false;
    Add(problems, PlaceOf(m, "workflow:" + ref),
        "workflow '" + ref + "' does not exist (no valid workflow in " + workflows_dir +
            " has name=\"" + ref + "\")");
  }

  for (const auto& [name, value] : m.params) {
    Place at = PlaceOf(m, "param:" + name);
    bool declared = false;
    for (const Picked& w : picked) {
      for (const model::KoopParam& p : w.chart->params) {
        if (p.name != name) continue;
        declared = true;
        std::string want = Misfit(p.type, value);
        if (!want.empty()) {
          Add(problems, at,
              "parameter '" + name + "' must be " + want + " (" + model::ValueTypeName(p.type) +
                  " in workflow '" + w.id + "'), not '" + value + "'");
        }
      }
    }
    if (!declared && complete) {
      Add(problems, at,
          "parameter '" + name + "' is not declared by the workflows the municipality uses (" +
              Names(picked) + ")");
    }
  }

  std::set<std::string> held;
  for (const Institution& i : m.institutions) {
    held.insert(i.roles.begin(), i.roles.end());
    for (const Contact& c : i.contacts) held.insert(c.roles.begin(), c.roles.end());
  }
  // role -> the first workflow addressing it
  std::map<std::string, std::string> used;
  for (const Picked& w : picked) {
    auto use = [&](const std::string& role) {
      // A deadline without `to` goes to the coordinator (notify/recipients.h).
      used.emplace(role.empty() ? "coordinator" : role, w.id);
    };
    for (const model::KoopDeadline* d : w.chart->Deadlines()) {
      use(d->to);
      if (!d->escalate_to.empty()) use(d->escalate_to);
    }
    for (const model::State& s : w.chart->states) {
      for (const model::KoopRecurring& r : s.recurring) use(r.to);
    }
  }
  for (const auto& [role, workflow] : used) {
    if (held.count(role)) continue;
    Add(problems, PlaceOf(m, "institutions"),
        "role '" + role + "' (addressed by workflow '" + workflow +
            "') is held by no institution or contact");
  }
}

}  // namespace koop::municipality
