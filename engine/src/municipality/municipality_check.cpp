// The checks `koop validate` makes of a municipality file against the workflows it picks:
// existence, bound parameters (declared, typed) and the roles deadlines are addressed to.

#include <filesystem>
#include <map>
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
        std::string want = model::ValueMisfit(p.type, value);
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
