// The scenario commands (docs/scenarios.md): header lines, start, fire, use, remind, pack and the
// queries. Each returns the lines it prints or a failed Status.
#include <algorithm>
#include <filesystem>

#include "koop/pack.h"
#include "scenario/scenario_run.h"

namespace koop::scenario {
namespace fs = std::filesystem;
namespace {

std::string Joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

Status Usage(const Command& c, const std::string& form) {
  return Status::DataError(c.where + ":1: expected " + form);
}

}  // namespace

Result<Lines> ScenarioRun::Execute(const Record& record, const std::string& where) {
  Result<Command> parsed = ParseCommand(record, where);
  if (!parsed.ok()) return parsed.status();
  const Command& c = *parsed;
  static const char* kHeaders[] = {"title",    "workflows",    "municipalities", "templates",
                                   "workflow", "municipality", "setting",        "personal"};
  for (const char* h : kHeaders) {
    if (c.name == h) return Header(c, where);
  }
  if (c.name == "start") return Start(c);
  if (c.name == "fire") return Fire(c);
  if (c.name == "remind") return Remind(c);
  if (c.name == "pack") return Pack(c);
  if (c.name == "listing") return Listing(c);
  if (c.name == "smtp") return Smtp(c);
  if (c.name == "mail") return Mail(c);
  if (c.name == "use") {
    if (c.args.size() != 1 || c.has_at || c.has_with) return Usage(c, "use NAME");
    for (const auto& [name, id] : instances_) {
      if (name == c.args[0]) {
        current_ = name;
        return Lines{};
      }
    }
    return Status::DataError("no instance named '" + c.args[0] + "' was started");
  }
  if (c.name == "stages" || c.name == "deadlines" || c.name == "history" || c.name == "field" ||
      c.name == "count") {
    return Query(c);
  }
  return Status::DataError(where + ":1: unknown command '" + c.name +
                           "' (see docs/scenarios.md for the commands)");
}

Result<Lines> ScenarioRun::Header(const Command& c, const std::string& where) {
  std::string rest = c.rest;
  bool free_text = c.name == "title" || c.name == "personal";
  if (rest.empty() || (!free_text && (c.has_at || c.has_with))) return Usage(c, c.name + " VALUE");
  auto dir = [&](std::string& slot) {
    slot = fs::absolute(fs::path(base_dir_) / rest).lexically_normal().string();
    database_.reset();  // definitions are looked up there: reopen with the new folder
  };
  if (c.name == "title") {
    report.title = rest;
  } else if (c.name == "workflows") {
    dir(options_.workflows_dir);
  } else if (c.name == "municipalities") {
    dir(options_.municipalities_dir);
  } else if (c.name == "templates") {
    dir(options_.templates_dir);
  } else if (c.name == "workflow") {
    workflow_ = rest;
  } else if (c.name == "municipality") {
    municipality_ = rest;
  } else if (c.name == "setting") {
    if (c.args.size() < 2) return Usage(c, "setting KEY VALUE");
    settings_[c.args[0]] = Joined({c.args.begin() + 1, c.args.end()});
    // The reminder service reads the settings when `remind` opens it; nothing to reopen here.
  } else if (c.name == "personal") {
    personal_.push_back(rest);
  }
  (void)where;
  return Lines{};
}

Result<Database*> ScenarioRun::OpenDatabase() {
  if (database_) return database_.get();
  DatabaseOptions dbo;
  dbo.uri = db_->uri();
  dbo.workflows_dir = options_.workflows_dir;
  dbo.municipalities_dir = options_.municipalities_dir;
  dbo.actor = "scenario";
  Result<std::unique_ptr<Database>> database = Database::Open(dbo);
  if (!database.ok()) return database.status();
  database_ = std::move(*database);
  return database_.get();
}

Result<Engine*> ScenarioRun::OpenEngine() {
  Result<Database*> database = OpenDatabase();
  if (!database.ok()) return database.status();
  return &(*database)->instances();
}

Result<std::string> ScenarioRun::Current() const {
  for (const auto& [name, id] : instances_) {
    if (name == current_) return id;
  }
  return Status::DataError("no instance yet: 'start' one first");
}

Result<std::map<std::string, InstanceView>> ScenarioRun::ShowAll() {
  std::map<std::string, InstanceView> all;
  Result<Engine*> engine = OpenEngine();
  if (!engine.ok()) return engine.status();
  for (const auto& [name, id] : instances_) {
    Result<InstanceView> v = (*engine)->Show(id);
    if (!v.ok()) return v.status();
    all[id] = std::move(*v);
  }
  return all;
}

// Output of start and fire: the outcome, the deadline changes, the error.execution messages.
static Lines StepLines(const StepOutcome& o, const std::string& first, const InstanceView& before,
                       const InstanceView& after) {
  Lines out{first + (o.finished ? ", finished" : "")};
  for (auto& l : DeadlineChanges(before, after)) out.push_back(l);
  for (const auto& e : o.errors) out.push_back("error.execution: " + e);
  return out;
}

Result<Lines> ScenarioRun::Start(const Command& c) {
  // `start NAME from OTHER at …` continues the finished instance OTHER (<k:start from>).
  bool from = c.args.size() == 3 && c.args[1] == "from";
  if (!c.has_at || (c.args.size() > 1 && !from) || !c.flags.empty()) {
    return Usage(c, "start [NAME [from OTHER]] at DATE [HH:MM] [with JSON]");
  }
  std::string from_id;
  if (from) {
    for (const auto& [n, id] : instances_) {
      if (n == c.args[2]) from_id = id;
    }
    if (from_id.empty()) return Status::DataError("no instance named '" + c.args[2] + "'");
  }
  if (workflow_.empty() || municipality_.empty()) {
    return Status::DataError("name the 'workflow' and the 'municipality' before 'start'");
  }
  std::string name = c.args.empty() ? "instance" : c.args[0];
  for (const auto& [n, id] : instances_) {
    if (n == name) return Status::DataError("an instance named '" + name + "' was started already");
  }
  Result<Engine*> engine = OpenEngine();
  if (!engine.ok()) return engine.status();
  StartRequest request{workflow_, municipality_, c.has_with ? c.json : "{}", c.at};
  request.from_instance = from_id;
  Result<StepOutcome> started = (*engine)->Start(request);
  if (!started.ok()) return started.status();
  instances_.emplace_back(name, started->instance_id);
  current_ = name;
  Result<InstanceView> after = (*engine)->Show(started->instance_id);
  if (!after.ok()) return after.status();
  return StepLines(*started, "started", InstanceView{}, *after);
}

Result<Lines> ScenarioRun::Fire(const Command& c) {
  if (!c.has_at || c.args.size() != 1 || !c.flags.empty()) {
    return Usage(c, "fire EVENT at DATE [HH:MM] [with JSON]");
  }
  Result<std::string> id = Current();
  if (!id.ok()) return id.status();
  Result<Engine*> engine = OpenEngine();
  if (!engine.ok()) return engine.status();
  Result<InstanceView> before = (*engine)->Show(*id);
  if (!before.ok()) return before.status();
  Result<StepOutcome> fired =
      (*engine)->Fire(FireRequest{*id, c.args[0], c.has_with ? c.json : "{}", c.at});
  if (!fired.ok()) return fired.status();
  ++report.events;
  Result<InstanceView> after = (*engine)->Show(*id);
  if (!after.ok()) return after.status();
  Lines lines = StepLines(*fired, fired->handled ? "handled" : "ignored", *before, *after);
  if (!fired->successor_id.empty()) {
    // The instance its end started (<k:successor>) is named after its workflow, for `use`.
    Result<InstanceView> next = (*engine)->Show(fired->successor_id);
    if (!next.ok()) return next.status();
    std::string name = next->workflow_id;
    for (const auto& [n, other] : instances_) {
      if (n == name)
        return Status::DataError("an instance named '" + name + "' was started already");
    }
    instances_.emplace_back(name, fired->successor_id);
    lines.push_back("continued by " + fired->successor_id);
  }
  return lines;
}

Result<Lines> ScenarioRun::Query(const Command& c) {
  if (c.has_at || c.has_with) return Usage(c, c.name + " ...");
  Result<std::string> id = Current();
  if (!id.ok()) return id.status();
  Result<Engine*> engine = OpenEngine();
  if (!engine.ok()) return engine.status();
  Result<InstanceView> v = (*engine)->Show(*id);
  if (!v.ok()) return v.status();
  if (c.name == "stages" && c.args.empty()) return StageLines(*v);
  if (c.name == "history" && c.args.empty()) return HistoryLines(*v);
  if (c.name == "deadlines" && c.args.empty()) return DeadlineLines(*v, false);
  if (c.name == "deadlines" && c.args.size() == 1 && c.args[0] == "open") {
    return DeadlineLines(*v, true);
  }
  if ((c.name == "field" || c.name == "count") && c.args.size() == 1) {
    Result<std::string> value = c.name == "field" ? FieldJson(v->data_json, c.args[0])
                                                  : FieldCount(v->data_json, c.args[0]);
    if (!value.ok()) return value.status();
    return Lines{*value};
  }
  return Usage(c, "stages | deadlines [open] | history | field PATH | count PATH");
}

Result<Lines> ScenarioRun::Pack(const Command& c) {
  if (!c.has_at || c.args.size() != 1 || !c.flags.empty() || c.has_with) {
    return Usage(c, "pack PACK at DATE [HH:MM]");
  }
  Result<std::string> id = Current();
  if (!id.ok()) return id.status();
  Result<Database*> database = OpenDatabase();
  if (!database.ok()) return database.status();
  std::string stem = fs::path(path_).stem().string();
  fs::path out = options_.out_dir.empty() ? fs::path(db_->temp_dir()) / "packs"
                                          : fs::path(options_.out_dir) / stem;
  out /= current_ == "instance" ? c.args[0] : current_ + "-" + c.args[0];
  PackOptions po;
  po.templates_dir = options_.templates_dir;
  Result<PackInfo> pack = (*database)->RenderPack(*id, c.args[0], out.string(), c.at, po);
  if (!pack.ok()) return pack.status();
  Lines lines;
  for (const auto& d : pack->documents) lines.push_back(d.file);
  report.documents += static_cast<int>(pack->documents.size());
  return lines;
}

}  // namespace koop::scenario
