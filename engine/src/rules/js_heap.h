// JsHeap: one long-lived duktape heap, shared by every statechart instance and rule run on one
// thread (a heap costs ~0.2 ms to create and a global environment ~0.16 ms, so neither is made per
// instance). It provides:
//  - limits: every call runs with a time limit (exec-timeout hook, default 50 ms) and a memory
//    limit (a counting allocator given to duk_create_heap, default 16 MB of growth per call,
//    plus a hard cap for the heap as a whole); a runaway call fails, the heap stays usable;
//  - a compile cache: each code unit of a Chart is compiled once into a function kept in the
//    heap stash and reused;
//  - scopes: one plain object per instance holding its data model; code runs as
//    `with (scope) { ... }` so identifiers resolve to the instance's variables first, then to the
//    shared global object (Math, JSON, In(), rule functions);
//  - determinism: Math.random is removed, Date.now()/new Date() return the time of the event being
//    processed (SetNow), never the wall clock.
// Duktape errors are caught with protected calls only; no C++ object with a destructor lives in a
// frame a duktape error can jump over. Not thread-safe: use a heap on one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "koop/clock.h"
#include "koop/status.h"
#include "rules/error_site.h"

struct duk_hthread;
typedef struct duk_hthread duk_context;

namespace koop::model {
struct Chart;
}

namespace koop::rules {

struct JsLimits {
  int time_ms = 50;                      // per protected call
  std::size_t memory_bytes = 16u << 20;  // growth allowed during one protected call
  std::size_t heap_bytes = 512u << 20;   // hard cap of the whole heap
};

// Callback through which the global In(stateId) asks the instance being evaluated.
class ScopeHost {
 public:
  virtual ~ScopeHost() = default;
  virtual bool InState(const char* state_id) const = 0;
  // Value of a <k:param> as JSON, or nullptr when unknown.
  virtual const std::string* ParamJson(const char* name) const = 0;
  // The global dayOff("YYYY-MM-DD"): why the office does not work that day, in Polish (Saturday,
  // Sunday, a holiday by name, a closure day), "" on a working day; false when `date` is not a
  // date. Hosts without a calendar know no days off.
  virtual bool DayOff(const char* date, std::string* reason) const {
    (void)date;
    reason->clear();
    return true;
  }
};

class JsWatchdog;

class JsHeap {
 public:
  explicit JsHeap(JsLimits limits = {});
  ~JsHeap();
  JsHeap(const JsHeap&) = delete;
  JsHeap& operator=(const JsHeap&) = delete;

  // The heap of the calling thread (created on first use, with default limits).
  static JsHeap& ThreadDefault();

  duk_context* ctx() const { return ctx_; }
  const JsLimits& limits() const { return limits_; }

  // Runs `fn` as a duktape safe call with the time and memory limits armed. `fn` receives the
  // context and `udata`; it takes `nargs` values from the stack and leaves `nrets`. On error the
  // stack holds `nrets` undefined values and the Status (kDataError) carries the error message,
  // "time limit of N ms exceeded" or "memory limit of N MB exceeded", placed by DescribeError()
  // (error_site.h) from `where`, `span` and the file:line of the rule code that failed.
  // The time limit is a ceiling: the evaluation is stopped kStopMarginMs(limit) before it, so
  // that unwinding and reporting still end within the limit.
  using SafeFn = int (*)(duk_context* ctx, void* udata);
  // `time_ms` > 0 replaces the time limit for this call (the engine's own work on a data model,
  // such as a snapshot, which must not fail where the rule that made the data did not).
  Status Call(SafeFn fn, void* udata, int nargs, int nrets, const std::string& where,
              const CodeSpan& span = {}, int time_ms = 0);
  static double StopMarginMs(int time_ms);
  // Compiles `source` (a function body, see script_rewrite.h) under the file name `file` within
  // the limits and pushes the function; on error it pushes undefined and names `where`.
  Status CompileFunction(const std::string& source, const std::string& file,
                         const std::string& where);

  // Pushes the cached function for code unit `code_id` of `chart`, compiling it on first use.
  // Expressions compile to function(scope), scripts to function(scope), locations to
  // function(scope, value), under the unit's file name and preceded by as many empty lines as
  // precede its text in that file, so duktape's line numbers are the file's own. On a syntax
  // error pushes nothing and returns the error.
  Status PushCode(const model::Chart& chart, int code_id);

  // Scopes: a scope is an object in the stash under an integer handle.
  int NewScope();
  void PushScope(int handle);  // pushes the scope object
  void DropScope(int handle);

  // Time returned by Date.now() and new Date() in the next calls.
  void SetNow(TimeMs now) { now_ = now; }
  TimeMs now() const { return now_; }
  void SetHost(const ScopeHost* host) { host_ = host; }
  const ScopeHost* host() const { return host_; }

  // The message of the first call stopped by the time or memory limit since the last
  // TakeStop(), or "" when none was. A stop is not an ordinary script error that the chart may
  // handle (error.execution): the interpreter refuses the whole event when one happened.
  std::string TakeStop();

  // Allocation accounting (used by the allocator callbacks).
  std::size_t allocated() const { return allocated_; }
  // Executor interrupts (limit checks) during the last outer Call() (for measurements).
  long last_call_checks() const;
  struct Alloc;  // allocator callbacks; public for the C callbacks only

 private:
  void Bootstrap();
  bool Admit(std::size_t more);  // may the heap grow by `more` bytes now?
  Status CompileUnit(const model::Chart& chart, int code_id);

  JsLimits limits_;
  duk_context* ctx_ = nullptr;
  void* hook_limits_ = nullptr;  // KoopDukLimits
  void* scopes_ = nullptr;       // the stash's "scopes" object (one data model per handle)
  std::size_t allocated_ = 0;
  std::size_t call_limit_ = 0;  // allocation ceiling during the current call (0 = heap cap)
  bool memory_exceeded_ = false;
  TimeMs now_ = 0;
  const ScopeHost* host_ = nullptr;
  std::string stop_;  // see TakeStop()
  int next_scope_ = 1;
  std::vector<int> free_scopes_;
  int next_slot_ = 0;
  // chart serial -> slot of each code unit (-1 = not compiled yet)
  std::unordered_map<std::uint64_t, std::vector<int>> code_slots_;
  std::unique_ptr<JsWatchdog> watchdog_;  // see js_watchdog.h
};

}  // namespace koop::rules
