// Benchmark: cached rule evaluations and runaway-stop latency in the shared duktape heap.
// Usage: bench_rules [N]   (default 1000000 evaluations)
//  1. a transition guard of a chart (compiled once, cached), evaluated in an instance's scope;
//  2. a rule function from a rule file called by name with JSON arguments (RuleLibrary);
//  3. `while(true){}` stopped by the time limit (50 ms), 10 runs, heap used again after each;
//  4. unbounded allocation (a string doubled, an array of objects grown) stopped by the memory or
//     time limit, 10 runs each;
//  5. runaways inside one native call (a scan of a 2e9-long sparse array, a backtracking regular
//     expression) and a try/catch swallowing the stop, 10 runs each (sandbox, issue 11);
//  6. creating a heap (bootstrap, frozen built-ins), 50 times.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "exec/interpreter.h"
#include "model/loader.h"
#include "rules/js_heap.h"
#include "rules/rule_library.h"

namespace {

const char* kChart = R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0"
    datamodel="ecmascript">
  <datamodel><data id="consent" expr="({dataProcessing: true, team: false})"/>
    <data id="beforeTeam" expr="false"/></datamodel>
  <state id="a"/>
</scxml>)X";

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 1000000;
  auto chart = koop::model::LoadChartFromString(kChart, "bench.scxml", ".");
  if (!chart.ok()) return 1;
  auto it = koop::exec::Interpreter::Create(*chart);
  if (!it.ok() || !(*it)->Start(0).ok()) return 1;
  // 1. A guard through the interpreter's data model: Evaluate() compiles each time, so use a
  //    DataModel-level cached expression via a chart expression id instead.
  koop::rules::JsHeap& heap = koop::rules::JsHeap::ThreadDefault();
  koop::rules::RuleLibrary lib(heap);
  if (!lib.LoadSource("function consentAllowsTeam(consent, beforeTeam) {\n"
                      "  if (!consent || consent.dataProcessing !== true) return false;\n"
                      "  return beforeTeam ? consent.team === true : true;\n}\n"
                      "function spin() { while (true) {} }\n"
                      "function doubling() { var s = 'x'; for (;;) s = s + s; }\n"
                      "function growing() { var a = []; for (;;) a.push({n: a.length}); }\n"
                      "function sparse() { var a = []; a.length = 2e9; return a.indexOf(1); }\n"
                      "function backtrack() { return /^(a|aa)+$/.test('a'.repeat(60) + 'b'); }\n"
                      "function swallow() { for (;;) { try { for (;;) {} } catch (e) {} } }\n",
                      "bench/rules.js")
           .ok()) {
    return 1;
  }
  auto t = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    auto r = lib.Call("consentAllowsTeam", "[{\"dataProcessing\":true,\"team\":false},false]", 0);
    if (!r.ok() || *r != "true") return 1;
  }
  double s = Since(t);
  std::printf("rule function call (JSON args, cached compile): %.2f us per call, %.0f per second\n",
              s * 1e6 / n, n / s);
  // 2. Guard expressions inside a chart: a chart with a guarded self-transition, fired n times.
  const char* guard_chart = R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0"
      datamodel="ecmascript"><datamodel><data id="c" expr="({dataProcessing: true})"/></datamodel>
    <state id="a"><transition event="e" cond="c.dataProcessing === true &amp;&amp; In('a')"/></state>
  </scxml>)X";
  auto gc = koop::model::LoadChartFromString(guard_chart, "guard.scxml", ".");
  auto gi = koop::exec::Interpreter::Create(*gc);
  if (!gi.ok() || !(*gi)->Start(0).ok()) return 1;
  int events = n / 4;
  t = std::chrono::steady_clock::now();
  for (int i = 0; i < events; ++i) {
    auto r = (*gi)->Fire("e", "null", i);
    if (!r.ok() || !r->event_handled) return 1;
  }
  s = Since(t);
  std::printf("event with a cached guard (_event set, guard, In()): %.2f us per event\n",
              s * 1e6 / events);
  // 3. Runaway stop latency.
  double worst = 0, total = 0;
  for (int i = 0; i < 10; ++i) {
    t = std::chrono::steady_clock::now();
    auto r = lib.Call("spin", "[]", 0);
    double ms = Since(t) * 1000;
    if (r.ok()) return 1;
    worst = std::max(worst, ms);
    total += ms;
    if (!lib.Call("consentAllowsTeam", "[{\"dataProcessing\":true},false]", 0).ok()) return 1;
  }
  std::printf(
      "while(true){} stopped after %.2f ms on average, %.2f ms at worst (limit 50 ms, "
      "stopped %.2f ms before it); heap usable after each\n",
      total / 10, worst, koop::rules::JsHeap::StopMarginMs(50));
  // 4. Unbounded allocation.
  for (const char* fn : {"doubling", "growing"}) {
    worst = 0;
    total = 0;
    std::string last;
    for (int i = 0; i < 10; ++i) {
      t = std::chrono::steady_clock::now();
      auto r = lib.Call(fn, "[]", 0);
      double ms = Since(t) * 1000;
      if (r.ok()) return 1;
      last = r.status().message();
      worst = std::max(worst, ms);
      total += ms;
      if (!lib.Call("consentAllowsTeam", "[{\"dataProcessing\":true},false]", 0).ok()) return 1;
    }
    std::printf("%s() stopped after %.1f ms on average, %.1f ms at worst: %s\n", fn, total / 10,
                worst, last.c_str());
  }
  // 5. Runaways inside one native built-in call (issue 11): stopped by the deadline checks in
  //    duktape's native loops, and a try/catch that would swallow the stop.
  for (const char* fn : {"sparse", "backtrack", "swallow"}) {
    worst = 0;
    total = 0;
    std::string last;
    for (int i = 0; i < 10; ++i) {
      t = std::chrono::steady_clock::now();
      auto r = lib.Call(fn, "[]", 0);
      double ms = Since(t) * 1000;
      if (r.ok()) return 1;
      last = r.status().message();
      worst = std::max(worst, ms);
      total += ms;
      if (!lib.Call("consentAllowsTeam", "[{\"dataProcessing\":true},false]", 0).ok()) return 1;
    }
    std::printf("%s() stopped after %.1f ms on average, %.1f ms at worst: %s\n", fn, total / 10,
                worst, last.c_str());
  }
  // 6. Creating a heap: bootstrap and, since issue 11, freezing every built-in; paid once per
  //    thread, not per instance.
  const int heaps = 50;
  t = std::chrono::steady_clock::now();
  for (int i = 0; i < heaps; ++i) koop::rules::JsHeap fresh;
  std::printf("heap creation (bootstrap + frozen built-ins): %.3f ms each\n",
              Since(t) * 1000 / heaps);
  return 0;
}
