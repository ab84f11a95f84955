// `koop scxml trace FILE.scxml EVENTS.json` — runs a chart on a simulated clock and prints the
// sorted ids of the active atomic states as a JSON array, one line after start and one after
// each event (DESIGN.md §9). EVENTS.json is an array of {"name", "data", "after"} (or
// {"events": [{"event": {"name", "data"}, "after"}]}, the shape of statechart test suites): `after`
// milliseconds of simulated time pass first (delayed sends due by then are delivered first),
// then the event is processed with its whole macrostep. Exit codes: 0 ok, 65 invalid chart or
// events file, 66 missing file.
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <ostream>
#include <sstream>

#include "command.h"
#include "koop/file_env.h"
#include "koop/statechart.h"

namespace koop::runner {
namespace {

struct TraceEvent {
  std::string name;
  std::string data_json = "null";
  TimeMs after = 0;
};

Result<std::vector<TraceEvent>> ReadEvents(const std::string& path) {
  constexpr uint64_t kMaxTraceBytes = 16 << 20;
  Result<std::string> text = DefaultFileEnv().ReadFile(path, kMaxTraceBytes);
  if (!text.ok()) return text.status();
  std::vector<TraceEvent> events;
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var root = parser.parse(*text);
    Poco::JSON::Array::Ptr array;
    if (root.type() == typeid(Poco::JSON::Object::Ptr)) {
      // Also taken: the test-framework shape {"events": [{"event": {"name", "data"}, "after"}]}.
      auto top = root.extract<Poco::JSON::Object::Ptr>();
      array = top->getArray("events");
      if (!array)
        return Status::DataError(path + ": an object of events needs an \"events\" array");
    } else {
      array = root.extract<Poco::JSON::Array::Ptr>();
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      auto item = array->getObject(static_cast<unsigned>(i));
      auto o = item && item->getObject("event") ? item->getObject("event") : item;
      if (!o || !o->has("name")) {
        return Status::DataError(path + ": event " + std::to_string(i + 1) + " needs a \"name\"");
      }
      TraceEvent e;
      e.name = o->getValue<std::string>("name");
      if (o->has("data")) {
        std::ostringstream os;
        Poco::JSON::Stringifier::stringify(o->get("data"), os);
        e.data_json = os.str();
      }
      o = item;  // "after" belongs to the step
      if (o->has("after")) e.after = o->getValue<TimeMs>("after");
      if (e.after < 0) {
        return Status::DataError(path + ": event " + std::to_string(i + 1) +
                                 ": \"after\" must not be negative");
      }
      events.push_back(std::move(e));
    }
  } catch (const std::exception& ex) {
    return Status::DataError(path + ": not a JSON array of events: " + ex.what());
  }
  return events;
}

std::string StatesLine(const StatechartRun& run) {
  std::string out = "[";
  for (const auto& s : run.ActiveStates()) {
    if (out.size() > 1) out += ",";
    std::ostringstream q;
    Poco::JSON::Stringifier::formatString(s, q);
    out += q.str();
  }
  return out + "]";
}

int Run(Invocation& inv) {
  auto chart = Statechart::Load(inv.positional[0], /*check_unreachable=*/false);
  if (!chart.ok()) return inv.Fail(chart.status());
  auto events = ReadEvents(inv.positional[1]);
  if (!events.ok()) return inv.Fail(events.status());
  auto run = StatechartRun::Create(*chart);
  if (!run.ok()) return inv.Fail(run.status());
  TimeMs now = 0;
  if (inv.Has("at") || inv.Has("now")) {
    auto t = inv.Now();
    if (!t.ok()) return inv.Fail(t.status());
    now = *t;
  }
  auto step = (*run)->Start(now);
  if (!step.ok()) return inv.Fail(step.status());
  *inv.out << StatesLine(**run) << "\n";
  for (const auto& e : *events) {
    now += e.after;
    step = (*run)->Fire(e.name, e.data_json, now);
    if (!step.ok()) return inv.Fail(step.status());
    *inv.out << StatesLine(**run) << "\n";
  }
  return 0;
}

}  // namespace

extern const CommandSpec kScxmlTraceCommand = {
    "scxml trace",
    "FILE.scxml EVENTS.json",
    "print the active atomic states after start and each event",
    nullptr,
    Run,
    2,
    2};

}  // namespace koop::runner
