#include "rules/js_heap.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "duk_koop_hooks.h"
#include "duktape.h"
#include "model/chart.h"
#include "rules/js_watchdog.h"
#include "rules/script_rewrite.h"
#include "time/warsaw_time.h"

namespace koop::rules {

// A thread's CPU clock is read for real at most once per this much wall time
// (koop_duk_cpu_upper_ns): a system call per rule call made the sandbox's clock most of the cost
// of a short rule. A call's deadline is then met late by this much at worst, which the stop
// margin covers.
constexpr long long kCpuReadSpacingNs = 1'000'000;

// The heap udata: the hook reads the KoopDukLimits at offset 0; the allocator finds the heap.
struct HeapUdata {
  KoopDukLimits limits;
  JsHeap* heap;
};

struct JsHeap::Alloc {
  static constexpr std::size_t kHeader = 16;  // keeps max_align_t alignment

  static void* Malloc(void* udata, duk_size_t size) {
    JsHeap* h = static_cast<HeapUdata*>(udata)->heap;
    if (!h->Admit(size)) return nullptr;
    auto* p = static_cast<char*>(std::malloc(size + kHeader));
    if (p == nullptr) return nullptr;
    std::memcpy(p, &size, sizeof size);
    h->allocated_ += size;
    return p + kHeader;
  }
  static void* Realloc(void* udata, void* ptr, duk_size_t size) {
    if (ptr == nullptr) return Malloc(udata, size);
    JsHeap* h = static_cast<HeapUdata*>(udata)->heap;
    char* base = static_cast<char*>(ptr) - kHeader;
    std::size_t old = 0;
    std::memcpy(&old, base, sizeof old);
    if (size > old && !h->Admit(size - old)) return nullptr;
    auto* p = static_cast<char*>(std::realloc(base, size + kHeader));
    if (p == nullptr) return nullptr;
    std::memcpy(p, &size, sizeof size);
    h->allocated_ = h->allocated_ - old + size;
    return p + kHeader;
  }
  static void Free(void* udata, void* ptr) {
    if (ptr == nullptr) return;
    JsHeap* h = static_cast<HeapUdata*>(udata)->heap;
    char* base = static_cast<char*>(ptr) - kHeader;
    std::size_t old = 0;
    std::memcpy(&old, base, sizeof old);
    h->allocated_ -= old;
    std::free(base);
  }
  static void Fatal(void*, const char* msg) {
    std::fprintf(stderr, "koop: fatal JavaScript engine error: %s\n", msg ? msg : "?");
    std::abort();
  }
};

bool JsHeap::Admit(std::size_t more) {
  std::size_t cap = limits_.heap_bytes;
  if (call_limit_ != 0 && call_limit_ < cap) cap = call_limit_;
  if (allocated_ + more > cap) {
    memory_exceeded_ = true;
    static_cast<HeapUdata*>(hook_limits_)->limits.memory_stop = 1;
    return false;
  }
  return true;
}

namespace {

JsHeap* HeapOf(duk_context* ctx) {
  duk_memory_functions funcs;
  duk_get_memory_functions(ctx, &funcs);
  return static_cast<HeapUdata*>(funcs.udata)->heap;
}

duk_ret_t NativeNow(duk_context* ctx) {
  duk_push_number(ctx, static_cast<double>(HeapOf(ctx)->now()));
  return 1;
}

// Native, so that the error is placed on the rule line that called it (error_site.h skips
// native frames), not inside the bootstrap code.
duk_ret_t NativeNoRandom(duk_context* ctx) {
  return duk_error(ctx, DUK_ERR_ERROR, "Math.random is not available (rules are deterministic)");
}

duk_ret_t NativeIn(duk_context* ctx) {
  const char* id = duk_get_string(ctx, 0);
  const ScopeHost* host = HeapOf(ctx)->host();
  duk_push_boolean(ctx, id != nullptr && host != nullptr && host->InState(id));
  return 1;
}

duk_ret_t NativeParam(duk_context* ctx) {
  const char* name = duk_get_string(ctx, 0);
  const ScopeHost* host = HeapOf(ctx)->host();
  const std::string* json = (name && host) ? host->ParamJson(name) : nullptr;
  if (json == nullptr) {
    return duk_error(ctx, DUK_ERR_REFERENCE_ERROR, "unknown parameter '%s'", name ? name : "");
  }
  duk_push_lstring(ctx, json->data(), json->size());
  duk_json_decode(ctx, -1);
  return 1;
}

duk_ret_t NativeDayOff(duk_context* ctx) {
  const char* date = duk_get_string(ctx, 0);
  const ScopeHost* host = HeapOf(ctx)->host();
  std::string reason;
  if (date == nullptr || (host != nullptr && !host->DayOff(date, &reason))) {
    return duk_error(ctx, DUK_ERR_RANGE_ERROR, "dayOff: '%s' is not a date (YYYY-MM-DD)",
                     date ? date : "");
  }
  duk_push_lstring(ctx, reason.data(), reason.size());
  return 1;
}

// Replaces Date so that "now" is the event time, and removes Math.random. The helpers are
// declared with `var`: the patched duktape refuses implicit globals even here.
const char* kBootstrap =
    "(function(){var D=Date;var now=__koopNow;"
    "function KDate(a,b,c,d,e,f,g){var n=arguments.length;"
    "if(!(this instanceof KDate))return new D(now()).toString();"
    "if(n===0)return new D(now());if(n===1)return new D(a);if(n===2)return new D(a,b);"
    "if(n===3)return new D(a,b,c);if(n===4)return new D(a,b,c,d);if(n===5)return new D(a,b,c,d,e);"
    "if(n===6)return new D(a,b,c,d,e,f);return new D(a,b,c,d,e,f,g);}"
    "KDate.prototype=D.prototype;KDate.UTC=D.UTC;KDate.parse=D.parse;KDate.now=now;"
    "D.prototype.constructor=KDate;Date=KDate;"
    "Math.random=__koopNoRandom;"
    "})();"
    "var __koopContent=function(t){try{return JSON.parse(t);}catch(e){"
    "return String(t).replace(/\\s+/g,' ').replace(/^ | $/g,'');}};"
    "var __koopDump=function(s){var o={};var k=Object.keys(s);for(var i=0;i<k.length;i++){"
    "var v=s[k[i]];if(typeof v==='function')continue;"
    "o[k[i]]=(v===undefined)?{'$koopUndefined':true}:v;}return JSON.stringify(o);};"
    "var __koopLoad=function(s,j){var o=JSON.parse(j);var k=Object.keys(s);"
    "for(var i=0;i<k.length;i++){if(typeof s[k[i]]!=='function')delete s[k[i]];}"
    "for(var n in o){var v=o[n];s[n]=(v!==null&&typeof v==='object'&&v.$koopUndefined===true)"
    "?undefined:v;}return true;};"
    "var __koopForeach=function(s,v,d){if(v===null||typeof v!=='object'||!Array.isArray(v))"
    "return -1;s.__fe[d]=v.slice();return v.length;};";

// Freezes everything reachable from the global object (built-ins, their prototypes, accessor
// functions, symbol-keyed members): what one instance's script could change there would be
// seen by the next instance on this heap. Runs once per heap; an object is frozen right after
// its members are queued, so "already frozen" marks it as visited (built-ins start unfrozen).
const char* kFreeze =
    "(function(root){var todo=[root],F=Object.freeze,IF=Object.isFrozen,"
    "N=Object.getOwnPropertyNames,S=Object.getOwnPropertySymbols,"
    "G=Object.getOwnPropertyDescriptor,P=Object.getPrototypeOf;"
    "while(todo.length){var o=todo.pop();"
    "if(o===null||(typeof o!=='object'&&typeof o!=='function')||IF(o))continue;"
    "var keys=N(o);if(S)keys=keys.concat(S(o));"
    "for(var i=0;i<keys.length;i++){var d=G(o,keys[i]);if(!d)continue;"
    "if('value' in d)todo.push(d.value);if(d.get)todo.push(d.get);if(d.set)todo.push(d.set);}"
    "todo.push(P(o));F(o);}})(this);";

// Globals that reach outside what replay can reproduce or share state across instances:
// Duktape (finalizers, threads, act, gc, info), performance (a clock).
const char* kRemovedGlobals[] = {"Duktape", "performance"};

// Date's local time is Warsaw time, not the process's TZ (deterministic across machines).
int WarsawOffsetSeconds(double utc_ms) {
  return koop::WarsawOffsetMinutes(static_cast<TimeMs>(utc_ms)) * 60;
}

}  // namespace

JsHeap::JsHeap(JsLimits limits) : limits_(limits) {
  koop_duk_set_tzoffset(WarsawOffsetSeconds);
  auto* udata = new HeapUdata{};
  udata->heap = this;
  hook_limits_ = udata;
  ctx_ = duk_create_heap(Alloc::Malloc, Alloc::Realloc, Alloc::Free, udata, Alloc::Fatal);
  if (ctx_ == nullptr) Alloc::Fatal(nullptr, "cannot create a heap");
  watchdog_ = std::make_unique<JsWatchdog>(ctx_);
  Bootstrap();
}

JsHeap::~JsHeap() {
  watchdog_.reset();
  if (ctx_ != nullptr) duk_destroy_heap(ctx_);
  delete static_cast<HeapUdata*>(hook_limits_);
}

JsHeap& JsHeap::ThreadDefault() {
  thread_local JsHeap heap;
  return heap;
}

void JsHeap::Bootstrap() {
  duk_push_global_object(ctx_);
  duk_push_c_function(ctx_, NativeNow, 0);
  duk_put_prop_string(ctx_, -2, "__koopNow");
  duk_push_c_function(ctx_, NativeNoRandom, 0);
  duk_put_prop_string(ctx_, -2, "__koopNoRandom");
  duk_push_c_function(ctx_, NativeIn, 1);
  duk_put_prop_string(ctx_, -2, "In");
  duk_push_c_function(ctx_, NativeParam, 1);
  duk_put_prop_string(ctx_, -2, "param");
  duk_push_c_function(ctx_, NativeDayOff, 1);
  duk_put_prop_string(ctx_, -2, "dayOff");
  duk_pop(ctx_);
  duk_push_heap_stash(ctx_);
  duk_push_object(ctx_);
  // Kept reachable by the stash for the heap's life, so its pointer can be pushed directly
  // (PushScope runs several times per expression; the stash and key look-ups were ~20% of it).
  scopes_ = duk_get_heapptr(ctx_, -1);
  duk_put_prop_string(ctx_, -2, "scopes");
  duk_push_array(ctx_);
  duk_put_prop_string(ctx_, -2, "code");
  duk_pop(ctx_);
  duk_push_global_object(ctx_);
  for (const char* name : kRemovedGlobals) duk_del_prop_string(ctx_, -1, name);
  duk_pop(ctx_);
  for (const char* code : {kBootstrap, kFreeze}) {
    if (duk_peval_string(ctx_, code) != 0) {
      std::fprintf(stderr, "koop: bootstrap failed: %s\n", duk_safe_to_string(ctx_, -1));
      std::abort();
    }
    duk_pop(ctx_);
  }
}

double JsHeap::StopMarginMs(int time_ms) {
  // Covers what follows the stop: unwinding, the error message, returning to the caller
  // (measured at ~0.05 ms), plus the scheduling noise of a quiet machine, plus the late start
  // of the CPU clock's upper bound (kCpuReadSpacingNs). docs/decisions.md.
  double margin = 0.5 + kCpuReadSpacingNs / 1e6;
  return time_ms / 10.0 < margin ? time_ms / 10.0 : margin;
}

long JsHeap::last_call_checks() const {
  return static_cast<HeapUdata*>(hook_limits_)->limits.checks;
}

Status JsHeap::Call(SafeFn fn, void* udata, int nargs, int nrets, const std::string& where,
                    const CodeSpan& span, int time_ms) {
  auto* lim = &static_cast<HeapUdata*>(hook_limits_)->limits;
  bool outer = call_limit_ == 0;  // nested calls (invoked children) keep the outer limits
  const int limit_ms = time_ms > 0 ? time_ms : limits_.time_ms;
  if (outer) {
    double stop_ms = limit_ms - StopMarginMs(limit_ms);
    const long long budget = static_cast<long long>(stop_ms * 1e6);
    const long long wall = koop_duk_wall_ns();
    long long deadline = koop_duk_cpu_upper_ns(wall, kCpuReadSpacingNs) + budget;
    koop_duk_arm(lim, deadline);
    lim->start_wall_ns = wall;
    lim->budget_ns = budget;
    watchdog_->Arm(deadline);
    call_limit_ = allocated_ + limits_.memory_bytes;
    memory_exceeded_ = false;
  }
  duk_int_t rc = duk_safe_call(ctx_, fn, udata, nargs, nrets);
  bool timed_out = lim->timed_out != 0;
  bool out_of_memory = memory_exceeded_;
  if (outer) {
    watchdog_->Disarm();
    lim->deadline_ns = 0;
    call_limit_ = 0;
  }
  if (rc == DUK_EXEC_SUCCESS) return Status::Ok();
  duk_idx_t err = duk_normalize_index(ctx_, -nrets);
  ErrorSite site = FindErrorSite(ctx_, err);
  std::string message;
  if (timed_out) {
    message = "time limit of " + std::to_string(limit_ms) + " ms exceeded";
  } else if (out_of_memory) {
    message = "memory limit of " + std::to_string(limits_.memory_bytes >> 20) + " MB exceeded";
  } else {
    message = duk_safe_to_string(ctx_, err);  // "TypeError: ..."
  }
  duk_pop_n(ctx_, nrets);
  for (int i = 0; i < nrets; ++i) duk_push_undefined(ctx_);
  std::string placed = where.empty() ? message : DescribeError(where, span, site, message);
  if ((timed_out || out_of_memory) && stop_.empty()) stop_ = placed;
  return Status::DataError(placed);
}

std::string JsHeap::TakeStop() {
  std::string s = std::move(stop_);
  stop_.clear();
  return s;
}

namespace {

struct CompileArgs {
  const char* source;
  std::size_t length;
  const char* file;
};

duk_ret_t CompileSafe(duk_context* ctx, void* udata) {
  auto* a = static_cast<CompileArgs*>(udata);
  duk_push_lstring(ctx, a->source, a->length);
  duk_push_string(ctx, a->file);
  duk_compile(ctx, DUK_COMPILE_FUNCTION);
  // The compiled function is shared by every instance (arguments.callee reaches it): frozen,
  // with its prototype object, so no instance can hang data on it.
  duk_get_prop_string(ctx, -1, "prototype");
  if (duk_is_object(ctx, -1)) duk_freeze(ctx, -1);
  duk_pop(ctx);
  duk_freeze(ctx, -1);
  return 1;
}

}  // namespace

Status JsHeap::CompileFunction(const std::string& source, const std::string& file,
                               const std::string& where) {
  CompileArgs args{source.c_str(), source.size(), file.c_str()};
  return Call(CompileSafe, &args, 0, 1, where);
}

Status JsHeap::PushCode(const model::Chart& chart, int code_id) {
  auto& slots = code_slots_[chart.serial];
  if (slots.size() < chart.code.size()) slots.resize(chart.code.size(), -1);
  int slot = slots[static_cast<std::size_t>(code_id)];
  if (slot < 0) {
    KOOP_RETURN_IF_ERROR(CompileUnit(chart, code_id));
    slot = slots[static_cast<std::size_t>(code_id)];
  }
  duk_push_heap_stash(ctx_);
  duk_get_prop_string(ctx_, -1, "code");
  duk_get_prop_index(ctx_, -1, static_cast<duk_uarridx_t>(slot));
  duk_replace(ctx_, -3);
  duk_pop(ctx_);
  return Status::Ok();
}

Status JsHeap::CompileUnit(const model::Chart& chart, int code_id) {
  const model::CodeUnit& unit = chart.code[static_cast<std::size_t>(code_id)];
  std::string source;
  std::string text = unit.text;
  // "new Foo();" is written as an expression in the wild: drop trailing semicolons.
  while (!text.empty() &&
         (std::isspace(static_cast<unsigned char>(text.back())) || text.back() == ';')) {
    text.pop_back();
  }
  switch (unit.kind) {
    case model::CodeUnit::Kind::kExpression:
      source = "function(__s){with(__s){return (" + text + "\n);}}";
      break;
    case model::CodeUnit::Kind::kLocation:
      source = "function(__s,__v){with(__s){" + text + "\n=__v;}}";
      break;
    case model::CodeUnit::Kind::kScript:
      source = WrapScript(unit.text);
      break;
  }
  // Empty lines before the text make duktape count lines as the file does.
  if (unit.text_line > 1) source.insert(0, static_cast<std::size_t>(unit.text_line - 1), '\n');
  std::string where =
      unit.file + ":" + std::to_string(unit.pos.line) + ":" + std::to_string(unit.pos.column);
  Status st = CompileFunction(source, unit.file, where);
  if (!st.ok()) {
    duk_pop(ctx_);
    return st;
  }
  int slot = next_slot_++;
  duk_push_heap_stash(ctx_);
  duk_get_prop_string(ctx_, -1, "code");
  duk_dup(ctx_, -3);
  duk_put_prop_index(ctx_, -2, static_cast<duk_uarridx_t>(slot));
  duk_pop_3(ctx_);
  code_slots_[chart.serial][static_cast<std::size_t>(code_id)] = slot;
  return Status::Ok();
}

int JsHeap::NewScope() {
  int handle;
  if (!free_scopes_.empty()) {
    handle = free_scopes_.back();
    free_scopes_.pop_back();
  } else {
    handle = next_scope_++;
  }
  duk_push_heapptr(ctx_, scopes_);
  duk_push_object(ctx_);
  duk_put_prop_index(ctx_, -2, static_cast<duk_uarridx_t>(handle));
  duk_pop(ctx_);
  return handle;
}

void JsHeap::PushScope(int handle) {
  duk_push_heapptr(ctx_, scopes_);
  duk_get_prop_index(ctx_, -1, static_cast<duk_uarridx_t>(handle));
  duk_remove(ctx_, -2);
}

void JsHeap::DropScope(int handle) {
  duk_push_heapptr(ctx_, scopes_);
  duk_del_prop_index(ctx_, -1, static_cast<duk_uarridx_t>(handle));
  duk_pop(ctx_);
  free_scopes_.push_back(handle);
}

}  // namespace koop::rules
