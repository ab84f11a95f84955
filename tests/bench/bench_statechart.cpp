// Benchmark: statechart instances started and given one event per second, in memory.
// Usage: bench_statechart [N]   (default 100000 instances)
// Each instance: start (data model with 3 variables, entry actions), then one event whose
// transition has a guard, an assignment and a targeted state change; the instance is then
// dropped. All instances share the thread's JavaScript heap, each with its own scope object.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "exec/interpreter.h"
#include "model/loader.h"

namespace {

const char* kChart = R"X(<scxml xmlns="http://www.w3.org/2005/07/scxml" version="1.0"
    datamodel="ecmascript" initial="diagnosis">
  <datamodel>
    <data id="consent" expr="false"/>
    <data id="visits" expr="0"/>
    <data id="who" expr="null"/>
  </datamodel>
  <state id="diagnosis">
    <onentry><assign location="visits" expr="visits + 1"/></onentry>
    <transition event="consent.given" cond="!consent" target="ggk">
      <assign location="consent" expr="true"/>
      <assign location="who" expr="_event.data.by"/>
    </transition>
  </state>
  <state id="ggk">
    <transition event="plan.signed" target="done"/>
  </state>
  <final id="done"/>
</scxml>)X";

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 100000;
  auto chart = koop::model::LoadChartFromString(kChart, "bench.scxml", ".");
  if (!chart.ok()) {
    std::fprintf(stderr, "%s\n", chart.status().message().c_str());
    return 1;
  }
  // Warm up the compile cache.
  {
    auto it = koop::exec::Interpreter::Create(*chart);
    (void)(*it)->Start(0);
    (void)(*it)->Fire("consent.given", "{\"by\":\"ops\"}", 1);
  }
  auto start = std::chrono::steady_clock::now();
  int ok = 0;
  for (int i = 0; i < n; ++i) {
    auto it = koop::exec::Interpreter::Create(*chart);
    if (!it.ok() || !(*it)->Start(i).ok()) return 1;
    auto r = (*it)->Fire("consent.given", "{\"by\":\"ops\"}", i + 1);
    if (r.ok() && (*it)->IsActive("ggk")) ++ok;
  }
  std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
  std::printf(
      "statechart start + 1 event, in memory: %d instances in %.3f s = %.0f per second "
      "(%.1f us each), %d reached the target state\n",
      n, spent.count(), n / spent.count(), spent.count() * 1e6 / n, ok);
  // The same with every instance kept alive (memory held by the shared heap).
  int keep = n / 10;
  std::vector<std::unique_ptr<koop::exec::Interpreter>> alive;
  alive.reserve(static_cast<std::size_t>(keep));
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < keep; ++i) {
    auto it = koop::exec::Interpreter::Create(*chart);
    (void)(*it)->Start(i);
    (void)(*it)->Fire("consent.given", "{\"by\":\"ops\"}", i + 1);
    alive.push_back(std::move(*it));
  }
  spent = std::chrono::steady_clock::now() - start;
  std::printf("same, %d instances kept alive: %.0f per second\n", keep, keep / spent.count());
  // The same chart after a <script> ran in the instance: from then on every guard is run with
  // the data model compared before and after (docs/sandbox.md, read-only guards).
  std::string scripted = kChart;
  scripted.replace(scripted.find("<onentry>"), 9, "<onentry><script>visits = visits + 0;</script>");
  auto chart2 = koop::model::LoadChartFromString(scripted, "bench2.scxml", ".");
  if (!chart2.ok()) return 1;
  int ok2 = 0;
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    auto it = koop::exec::Interpreter::Create(*chart2);
    if (!it.ok() || !(*it)->Start(i).ok()) return 1;
    auto r = (*it)->Fire("consent.given", "{\"by\":\"ops\"}", i + 1);
    if (r.ok() && (*it)->IsActive("ggk")) ++ok2;
  }
  spent = std::chrono::steady_clock::now() - start;
  std::printf(
      "same with a <script> on entry (guards then compared): %.0f per second (%.1f us each)\n",
      n / spent.count(), spent.count() * 1e6 / n);
  return ok == n && ok2 == n ? 0 : 1;
}
