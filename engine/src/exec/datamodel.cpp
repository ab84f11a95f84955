// The safe-call callbacks below are plain functions with trivially destructible locals only:
// a duktape error may longjmp out of them.
#include "exec/datamodel.h"

#include <cctype>

#include "duktape.h"
#include "exec/code_effects.h"
#include "exec/datamodel_limits.h"
#include "exec/surrogates.h"
#include "json/json_writer.h"

namespace koop::exec {
namespace {

bool IsIdentifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_' || s[0] == '$'))
    return false;
  for (char c : s) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$')) return false;
  }
  static const char* kReserved[] = {
      "break",  "case",    "catch",  "continue", "debugger", "default", "delete",     "do",
      "else",   "finally", "for",    "function", "if",       "in",      "instanceof", "new",
      "return", "switch",  "this",   "throw",    "try",      "typeof",  "var",        "void",
      "while",  "with",    "null",   "true",     "false",    "class",   "const",      "enum",
      "export", "extends", "import", "super"};
  for (const char* r : kReserved) {
    if (s == r) return false;
  }
  return true;
}

std::string RootIdentifier(const std::string& location) {
  std::size_t i = 0;
  while (i < location.size() && std::isspace(static_cast<unsigned char>(location[i]))) ++i;
  std::size_t start = i;
  while (i < location.size() && (std::isalnum(static_cast<unsigned char>(location[i])) ||
                                 location[i] == '_' || location[i] == '$')) {
    ++i;
  }
  return location.substr(start, i - start);
}

bool IsSystemVariable(const std::string& name) {
  return name == "_event" || name == "_sessionid" || name == "_name" || name == "_ioprocessors" ||
         name == "_x";
}

// [fn, scope] -> fn(scope)
duk_ret_t CallWithScope(duk_context* ctx, void*) {
  duk_call(ctx, 1);
  return 1;
}
duk_ret_t CallToBool(duk_context* ctx, void*) {
  duk_call(ctx, 1);
  duk_push_boolean(ctx, duk_to_boolean(ctx, -1));
  return 1;
}
duk_ret_t CallToString(duk_context* ctx, void*) {
  duk_call(ctx, 1);
  duk_to_string(ctx, -1);
  return 1;
}
// Encodes the value on top as JSON ("null" for undefined and functions).
void ToJsonTop(duk_context* ctx) {
  if (duk_is_undefined(ctx, -1) || duk_is_function(ctx, -1)) {
    duk_pop(ctx);
    duk_push_string(ctx, "null");
  } else {
    duk_json_encode(ctx, -1);
    if (!duk_is_string(ctx, -1)) {
      duk_pop(ctx);
      duk_push_string(ctx, "null");
    }
  }
}
duk_ret_t CallToJson(duk_context* ctx, void*) {
  duk_call(ctx, 1);
  ToJsonTop(ctx);
  return 1;
}
// [locfn, scope, valuefn, valuearg] -> locfn(scope, valuefn(valuearg))
duk_ret_t CallAssign(duk_context* ctx, void*) {
  duk_call(ctx, 1);
  duk_call(ctx, 2);
  return 1;
}
// [locfn, scope, value] -> locfn(scope, value)
duk_ret_t CallStore(duk_context* ctx, void*) {
  duk_call(ctx, 2);
  return 1;
}
// [scope, valuefn, valuearg] -> scope[name] = valuefn(valuearg)
duk_ret_t CallDeclare(duk_context* ctx, void* udata) {
  duk_call(ctx, 1);
  duk_put_prop_string(ctx, -2, static_cast<const char*>(udata));
  return 0;
}
struct SystemArgs {
  const char* name;
  const char* json;
};
// [scope] -> define read-only, non-enumerable scope[name] = JSON.parse(json)
duk_ret_t CallDefineSystem(duk_context* ctx, void* udata) {
  auto* a = static_cast<SystemArgs*>(udata);
  duk_push_string(ctx, a->name);
  if (a->json == nullptr) {
    duk_push_undefined(ctx);
  } else {
    duk_push_string(ctx, a->json);
    duk_json_decode(ctx, -1);
  }
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
  return 0;
}
struct EventArgs {
  const Event* event;
};
void PutStringOrUndefined(duk_context* ctx, const char* key, const std::string& v) {
  if (v.empty())
    duk_push_undefined(ctx);
  else
    duk_push_lstring(ctx, v.data(), v.size());
  duk_put_prop_string(ctx, -2, key);
}
duk_ret_t CallSetEvent(duk_context* ctx, void* udata) {
  const Event* e = static_cast<EventArgs*>(udata)->event;
  duk_push_string(ctx, "_event");
  duk_push_object(ctx);
  duk_push_lstring(ctx, e->name.data(), e->name.size());
  duk_put_prop_string(ctx, -2, "name");
  duk_push_string(ctx, Event::TypeName(e->type));
  duk_put_prop_string(ctx, -2, "type");
  PutStringOrUndefined(ctx, "sendid", e->sendid);
  PutStringOrUndefined(ctx, "origin", e->origin);
  PutStringOrUndefined(ctx, "origintype", e->origintype);
  PutStringOrUndefined(ctx, "invokeid", e->invokeid);
  if (e->data_json == "undefined") {
    duk_push_undefined(ctx);
  } else {
    duk_push_lstring(ctx, e->data_json.data(), e->data_json.size());
    duk_json_decode(ctx, -1);
  }
  duk_put_prop_string(ctx, -2, "data");
  duk_def_prop(ctx, -3,
               DUK_DEFPROP_HAVE_VALUE | DUK_DEFPROP_CLEAR_WRITABLE | DUK_DEFPROP_CLEAR_ENUMERABLE |
                   DUK_DEFPROP_SET_CONFIGURABLE | DUK_DEFPROP_FORCE);
  return 0;
}
// [scope] -> JSON of the user variables (undefined kept as a marker)
duk_ret_t CallDump(duk_context* ctx, void*) {
  duk_get_global_string(ctx, "__koopDump");
  duk_insert(ctx, -2);
  duk_call(ctx, 1);
  return 1;
}
// [scope, json]
duk_ret_t CallLoad(duk_context* ctx, void*) {
  duk_get_global_string(ctx, "__koopLoad");
  duk_insert(ctx, -3);
  duk_call(ctx, 2);
  return 1;
}
// [fn, scope] -> length of a copy kept in scope.__fe[depth]
duk_ret_t CallForeachBegin(duk_context* ctx, void* udata) {
  int depth = *static_cast<int*>(udata);
  duk_dup(ctx, -1);     // [fn, scope, scope]
  duk_insert(ctx, -3);  // [scope, fn, scope]
  duk_call(ctx, 1);     // [scope, value]
  duk_get_global_string(ctx, "__koopForeach");
  duk_insert(ctx, -3);  // [f, scope, value]
  duk_push_int(ctx, depth);
  duk_call(ctx, 3);
  return 1;
}
struct ForeachArgs {
  const char* item;
  const char* index;
  int depth;
  int i;
};
// [scope]
duk_ret_t CallForeachItem(duk_context* ctx, void* udata) {
  auto* a = static_cast<ForeachArgs*>(udata);
  duk_get_prop_string(ctx, -1, "__fe");
  duk_get_prop_index(ctx, -1, static_cast<duk_uarridx_t>(a->depth));
  duk_get_prop_index(ctx, -1, static_cast<duk_uarridx_t>(a->i));
  duk_put_prop_string(ctx, -4, a->item);
  duk_pop_2(ctx);
  if (a->index != nullptr && a->index[0] != '\0') {
    duk_push_int(ctx, a->i);
    duk_put_prop_string(ctx, -2, a->index);
  }
  return 0;
}
struct TextArgs {
  const char* text;
};
// [scope] -> eval(text) inside with(scope)
duk_ret_t CallEvalText(duk_context* ctx, void* udata) {
  auto* a = static_cast<TextArgs*>(udata);
  duk_push_string(ctx, "function(__s){with(__s){return (");
  duk_push_string(ctx, a->text);
  duk_push_string(ctx, "\n);}}");
  duk_concat(ctx, 3);
  duk_push_string(ctx, "expression");
  duk_compile(ctx, DUK_COMPILE_FUNCTION);
  duk_insert(ctx, -2);
  duk_call(ctx, 1);
  ToJsonTop(ctx);
  return 1;
}

std::string PopString(duk_context* ctx) {
  duk_size_t len = 0;
  const char* s = duk_get_lstring(ctx, -1, &len);
  std::string out = s ? std::string(s, len) : std::string();
  duk_pop(ctx);
  return out;
}

}  // namespace

DataModel::DataModel(rules::JsHeap& heap, const rules::ScopeHost* host,
                     std::shared_ptr<const model::Chart> chart)
    : heap_(heap), host_(host), chart_(std::move(chart)) {
  scope_ = heap_.NewScope();
}

DataModel::~DataModel() { heap_.DropScope(scope_); }

std::string DataModel::Where(const model::Expr& expr) const {
  if (expr.id < 0) return chart_->file;
  const auto& unit = chart_->code[static_cast<std::size_t>(expr.id)];
  return unit.file + ":" + std::to_string(unit.pos.line) + ":" + std::to_string(unit.pos.column);
}

rules::CodeSpan DataModel::Span(const model::Expr& expr) const {
  if (expr.id < 0) return {};
  const auto& unit = chart_->code[static_cast<std::size_t>(expr.id)];
  int lines = 0;
  for (char c : unit.text) lines += c == '\n' ? 1 : 0;
  if (lines == 0) return {};
  return {unit.text_line, unit.text_line + lines};
}

Status DataModel::Run(rules::JsHeap::SafeFn fn, void* args, int nargs, int nrets,
                      const std::string& where, const rules::CodeSpan& span) {
  heap_.SetHost(host_);
  return heap_.Call(fn, args, nargs, nrets, where, span);
}

Status DataModel::RunEngine(rules::JsHeap::SafeFn fn, int nargs) {
  heap_.SetHost(host_);
  return heap_.Call(fn, nullptr, nargs, 1, chart_->file, {}, kEngineTimeMs);
}

Status DataModel::InitSystem(const std::string& session_id, const std::string& name,
                             const std::string& ioprocessors_json) {
  // Quoted by the one writer: a chart named a"b (or with a backslash) broke _name before.
  std::string sid = json::Quote(session_id);
  std::string nm = name.empty() ? "null" : json::Quote(name);
  std::string ioproc = ioprocessors_json;
  SystemArgs all[] = {{"_sessionid", sid.c_str()},
                      {"_name", nm.c_str()},
                      {"_ioprocessors", ioproc.c_str()},
                      {"_event", nullptr}};
  for (auto& a : all) {
    heap_.PushScope(scope_);
    Status st = Run(CallDefineSystem, &a, 1, 0, chart_->file);
    if (!st.ok()) return st;
  }
  heap_.PushScope(scope_);
  duk_push_array(heap_.ctx());
  duk_put_prop_string(heap_.ctx(), -2, "__fe");
  duk_push_string(heap_.ctx(), "__fe");
  duk_def_prop(heap_.ctx(), -2, DUK_DEFPROP_CLEAR_ENUMERABLE);
  duk_pop(heap_.ctx());
  return Status::Ok();
}

Status DataModel::Declare(const model::DataDecl& data, bool with_value) {
  duk_context* ctx = heap_.ctx();
  heap_.PushScope(scope_);
  std::string where =
      chart_->file + ":" + std::to_string(data.pos.line) + ":" + std::to_string(data.pos.column);
  if (with_value && !data.expr.empty()) {
    if (MayChange(data.expr)) code_ran_ = true;
    Status st = heap_.PushCode(*chart_, data.expr.id);
    if (!st.ok()) {
      duk_push_undefined(ctx);
      duk_put_prop_string(ctx, -2, data.id.c_str());
      duk_pop(ctx);
      return st;
    }
    heap_.PushScope(scope_);
    st = Run(CallDeclare, const_cast<char*>(data.id.c_str()), 3, 0, Where(data.expr));
    if (!st.ok()) {
      heap_.PushScope(scope_);
      duk_push_undefined(ctx);
      duk_put_prop_string(ctx, -2, data.id.c_str());
      duk_pop(ctx);
    }
    return st;
  }
  if (with_value && (data.has_src || data.has_inline)) {
    const std::string& text = data.has_src ? data.src_text : data.inline_text;
    duk_get_global_string(ctx, "__koopContent");
    duk_push_lstring(ctx, text.data(), text.size());
    return Run(CallDeclare, const_cast<char*>(data.id.c_str()), 3, 0, where);
  }
  if (!duk_has_prop_string(ctx, -1, data.id.c_str())) {
    duk_push_undefined(ctx);
    duk_put_prop_string(ctx, -2, data.id.c_str());
  }
  duk_pop(ctx);
  return Status::Ok();
}

Status DataModel::SetVariableJson(const std::string& name, const std::string& json) {
  duk_context* ctx = heap_.ctx();
  heap_.PushScope(scope_);
  duk_get_global_string(ctx, "JSON");
  duk_get_prop_string(ctx, -1, "parse");
  duk_remove(ctx, -2);
  duk_push_lstring(ctx, json.data(), json.size());
  return Run(CallDeclare, const_cast<char*>(name.c_str()), 3, 0, chart_->file);
}

bool DataModel::HasVariable(const std::string& name) {
  heap_.PushScope(scope_);
  bool has = duk_has_prop_string(heap_.ctx(), -1, name.c_str());
  duk_pop(heap_.ctx());
  return has;
}

bool DataModel::MayChange(const model::Expr& expr) {
  if (expr.id < 0) return false;
  auto id = static_cast<std::size_t>(expr.id);
  if (may_mutate_.size() < chart_->code.size()) may_mutate_.resize(chart_->code.size(), -1);
  if (may_mutate_[id] < 0) may_mutate_[id] = MayMutate(chart_->code[id].text) ? 1 : 0;
  if (may_mutate_[id] == 1) return true;
  // A <data> named In or param shadows the built-in: calling it runs the workflow's code.
  heap_.PushScope(scope_);
  duk_context* ctx = heap_.ctx();
  bool shadowed = duk_has_prop_string(ctx, -1, "In") || duk_has_prop_string(ctx, -1, "param");
  duk_pop(ctx);
  return shadowed;
}

template <class Eval>
Status DataModel::AsUnit(bool may_change, const model::Expr& expr, bool read_only, Eval&& eval) {
  // Once code that may store a function ran, a guard's property read or comparison may call
  // it (a getter, valueOf): guards are compared from then on whatever their text.
  if (read_only && code_ran_) may_change = true;
  if (!may_change) return eval();
  code_ran_ = true;
  Result<std::string> before = ToJson();
  // A data model that cannot be stored any more is refused at this macrostep's snapshot, which
  // refuses the whole event; only a guard needs the comparison before that.
  if (!before.ok()) return read_only ? before.status() : eval();
  Status st = eval();
  if (st.ok() && !read_only) return st;
  if (st.ok()) {
    Result<std::string> after = ToJson();
    if (after.ok() && *after == *before) return st;
  }
  Status restored = FromJson(*before);
  if (restored.ok()) return st;
  return Status::DataError((st.ok() ? Where(expr) : st.message()) + "; " + restored.message());
}

Result<bool> DataModel::EvalBool(const model::Expr& expr) { return Bool(expr, false); }

Result<bool> DataModel::EvalGuard(const model::Expr& expr) { return Bool(expr, true); }

Result<bool> DataModel::Bool(const model::Expr& expr, bool read_only) {
  bool v = false;
  Status st = AsUnit(MayChange(expr), expr, read_only, [&] {
    KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, expr.id));
    heap_.PushScope(scope_);
    Status run = Run(CallToBool, nullptr, 2, 1, Where(expr));
    v = duk_get_boolean(heap_.ctx(), -1);
    duk_pop(heap_.ctx());
    return run;
  });
  if (!st.ok()) return st;
  return v;
}

Result<std::string> DataModel::EvalString(const model::Expr& expr) {
  std::string v;
  Status st = AsUnit(MayChange(expr), expr, false, [&] {
    KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, expr.id));
    heap_.PushScope(scope_);
    Status run = Run(CallToString, nullptr, 2, 1, Where(expr));
    v = SurrogatesToUtf8(PopString(heap_.ctx()));
    return run;
  });
  if (!st.ok()) return st;
  return v;
}

Result<std::string> DataModel::EvalJson(const model::Expr& expr) {
  std::string v;
  Status st = AsUnit(MayChange(expr), expr, false, [&] {
    KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, expr.id));
    heap_.PushScope(scope_);
    Status run = Run(CallToJson, nullptr, 2, 1, Where(expr));
    v = EscapeSurrogatesInJson(PopString(heap_.ctx()));
    return run;
  });
  if (!st.ok()) return st;
  return v;
}

Status DataModel::Assign(const model::Action& assign) {
  bool may_change = MayChange(assign.location_expr) || MayChange(assign.expr);
  return AsUnit(may_change, assign.expr, false, [&] { return Store(assign); });
}

Status DataModel::Store(const model::Action& assign) {
  std::string where = Where(assign.location_expr);
  std::string root = RootIdentifier(assign.location);
  if (IsSystemVariable(root)) {
    return Status::DataError(where + ": cannot assign to system variable '" + root + "'");
  }
  if (IsIdentifier(assign.location) && !HasVariable(assign.location)) {
    return Status::DataError(where + ": location '" + assign.location + "' is not declared");
  }
  duk_context* ctx = heap_.ctx();
  KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, assign.location_expr.id));
  heap_.PushScope(scope_);
  if (!assign.expr.empty()) {
    Status st = heap_.PushCode(*chart_, assign.expr.id);
    if (!st.ok()) {
      duk_pop_2(ctx);
      return st;
    }
    heap_.PushScope(scope_);
    // Evaluate first, so that an error names the expression, then store at the location.
    st = Run(CallWithScope, nullptr, 2, 1, Where(assign.expr));
    if (!st.ok()) {
      duk_pop_3(ctx);
      return st;
    }
    st = Run(CallStore, nullptr, 3, 1, where);
    duk_pop(ctx);
    return st;
  }
  const std::string& text =
      assign.content.document_xml.empty() ? assign.content.text : assign.content.document_xml;
  duk_get_global_string(ctx, "__koopContent");
  duk_push_lstring(ctx, text.data(), text.size());
  Status st = Run(CallAssign, nullptr, 4, 1, where);
  duk_pop(ctx);
  return st;
}

Status DataModel::AssignJson(const model::Expr& location, const std::string& json) {
  std::string where = Where(location);
  std::string root = RootIdentifier(location.text);
  if (IsSystemVariable(root)) {
    return Status::DataError(where + ": cannot assign to system variable '" + root + "'");
  }
  duk_context* ctx = heap_.ctx();
  if (IsIdentifier(location.text)) {
    return SetVariableJson(location.text, json);
  }
  KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, location.id));
  heap_.PushScope(scope_);
  duk_get_global_string(ctx, "JSON");
  duk_get_prop_string(ctx, -1, "parse");
  duk_remove(ctx, -2);
  duk_push_lstring(ctx, json.data(), json.size());
  Status st = Run(CallAssign, nullptr, 4, 1, where);
  duk_pop(ctx);
  return st;
}

Status DataModel::RunScript(const model::Expr& script) {
  // A script that fails changes nothing (DESIGN section 6): what it assigned before the error
  // is undone. Other actions of the block keep their effects, as SCXML 4.10 requires.
  code_ran_ = true;
  Result<std::string> before = ToJson();
  KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, script.id));
  heap_.PushScope(scope_);
  Status st = Run(CallWithScope, nullptr, 2, 1, Where(script), Span(script));
  duk_pop(heap_.ctx());
  if (!st.ok() && before.ok()) {
    Status restored = FromJson(*before);
    if (!restored.ok()) return Status::DataError(st.message() + "; " + restored.message());
  }
  return st;
}

Result<std::string> DataModel::ContentJson(const std::string& text) {
  duk_get_global_string(heap_.ctx(), "__koopContent");
  duk_push_lstring(heap_.ctx(), text.data(), text.size());
  Status st = Run(CallToJson, nullptr, 2, 1, chart_->file);
  std::string v = EscapeSurrogatesInJson(PopString(heap_.ctx()));
  if (!st.ok()) return st;
  return v;
}

Status DataModel::SetEvent(const Event& event) {
  heap_.PushScope(scope_);
  EventArgs args{&event};
  return Run(CallSetEvent, &args, 1, 0, chart_->file);
}

Result<int> DataModel::ForeachBegin(const model::Expr& array) {
  KOOP_RETURN_IF_ERROR(heap_.PushCode(*chart_, array.id));
  heap_.PushScope(scope_);
  int depth = foreach_depth_;
  int len = -1;
  Status st = AsUnit(MayChange(array), array, false, [&] {
    Status run = Run(CallForeachBegin, &depth, 2, 1, Where(array));
    len = duk_get_int_default(heap_.ctx(), -1, -1);
    duk_pop(heap_.ctx());
    return run;
  });
  if (!st.ok()) return st;
  if (len < 0) {
    return Status::DataError(Where(array) + ": foreach array '" + array.text + "' is not an array");
  }
  ++foreach_depth_;
  return len;
}

Status DataModel::ForeachItem(const model::Action& foreach, int i) {
  if (!IsIdentifier(foreach.item) || IsSystemVariable(foreach.item)) {
    return Status::DataError(Where(foreach.location_expr) + ": foreach item '" + foreach.item +
                             "' is not a valid variable name");
  }
  if (!foreach.index.empty() && (!IsIdentifier(foreach.index) || IsSystemVariable(foreach.index))) {
    return Status::DataError(Where(foreach.idlocation_expr) + ": foreach index '" + foreach.index +
                             "' is not a valid variable name");
  }
  heap_.PushScope(scope_);
  ForeachArgs args{foreach.item.c_str(), foreach.index.c_str(), foreach_depth_ - 1, i};
  return Run(CallForeachItem, &args, 1, 0, Where(foreach.array));
}

void DataModel::ForeachEnd() {
  if (foreach_depth_ > 0) --foreach_depth_;
}

Result<std::string> DataModel::ToJson() {
  heap_.PushScope(scope_);
  Status st = RunEngine(CallDump, 1);
  std::string v = EscapeSurrogatesInJson(PopString(heap_.ctx()));
  if (!st.ok()) return st;
  KOOP_RETURN_IF_ERROR(CheckDataLimits(v, chart_->file));
  return v;
}

Status DataModel::FromJson(const std::string& json) {
  heap_.PushScope(scope_);
  duk_push_lstring(heap_.ctx(), json.data(), json.size());
  Status st = RunEngine(CallLoad, 2);
  duk_pop(heap_.ctx());
  return st;
}

Result<std::string> DataModel::EvaluateText(const std::string& expression) {
  heap_.PushScope(scope_);
  TextArgs args{expression.c_str()};
  Status st = Run(CallEvalText, &args, 1, 1, "expression");
  std::string v = EscapeSurrogatesInJson(PopString(heap_.ctx()));
  if (!st.ok()) return st;
  return v;
}

}  // namespace koop::exec
