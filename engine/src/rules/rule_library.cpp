#include "rules/rule_library.h"

#include "duktape.h"
#include "koop/file_env.h"
#include "rules/script_rewrite.h"

namespace koop::rules {
namespace {

constexpr uint64_t kMaxRuleFileBytes = 1 << 20;  // as a workflow's <script src>

Result<std::string> ReadFile(const std::string& path) {
  return DefaultFileEnv().ReadFile(path, kMaxRuleFileBytes);
}

// [fn, scope] -> fn(scope)
duk_ret_t RunSafe(duk_context* ctx, void*) {
  duk_call(ctx, 1);
  return 1;
}

struct CallArgs {
  const char* name;
  const char* args;
};

// [scope] -> JSON of scope[name].apply(null, JSON.parse(args))
duk_ret_t CallSafe(duk_context* ctx, void* udata) {
  auto* a = static_cast<CallArgs*>(udata);
  duk_get_prop_string(ctx, -1, a->name);
  if (!duk_is_function(ctx, -1)) {
    return duk_error(ctx, DUK_ERR_REFERENCE_ERROR, "no rule function '%s'", a->name);
  }
  duk_push_string(ctx, a->args);
  duk_json_decode(ctx, -1);
  duk_idx_t n = static_cast<duk_idx_t>(duk_get_length(ctx, -1));
  duk_idx_t arr = duk_get_top_index(ctx);
  for (duk_idx_t i = 0; i < n; ++i) duk_get_prop_index(ctx, arr, static_cast<duk_uarridx_t>(i));
  duk_remove(ctx, arr);
  duk_call(ctx, n);
  if (duk_is_undefined(ctx, -1)) {
    duk_pop(ctx);
    duk_push_string(ctx, "null");
  } else {
    duk_json_encode(ctx, -1);
  }
  return 1;
}

}  // namespace

Status CheckRuleFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  JsHeap& heap = JsHeap::ThreadDefault();
  std::string source = WrapScript(*text);
  Status st = heap.CompileFunction(source, path, path);
  duk_pop(heap.ctx());
  return st;
}

RuleLibrary::RuleLibrary(JsHeap& heap) : heap_(heap), scope_(heap.NewScope()) {}
RuleLibrary::~RuleLibrary() { heap_.DropScope(scope_); }

Status RuleLibrary::LoadFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return LoadSource(*text, path);
}

Status RuleLibrary::LoadSource(const std::string& text, const std::string& name) {
  ScriptDecls decls;
  std::string source = WrapScript(text, &decls);
  for (const auto& f : decls.functions) files_[f] = name;
  Status st = heap_.CompileFunction(source, name, name);
  if (!st.ok()) {
    duk_pop(heap_.ctx());
    return st;
  }
  heap_.PushScope(scope_);
  st = heap_.Call(RunSafe, nullptr, 2, 1, name);
  duk_pop(heap_.ctx());
  return st;
}

Result<std::string> RuleLibrary::Call(const std::string& name, const std::string& args_json,
                                      TimeMs now) {
  heap_.SetNow(now);
  heap_.SetHost(nullptr);
  heap_.PushScope(scope_);
  CallArgs args{name.c_str(), args_json.c_str()};
  auto file = files_.find(name);
  std::string where =
      (file == files_.end() ? std::string("rules") : file->second) + ": " + name + "()";
  Status st = heap_.Call(CallSafe, &args, 1, 1, where);
  duk_size_t len = 0;
  const char* s = duk_get_lstring(heap_.ctx(), -1, &len);
  std::string out = s ? std::string(s, len) : std::string("null");
  duk_pop(heap_.ctx());
  if (!st.ok()) return st;
  return out;
}

}  // namespace koop::rules
