// Evaluating template expressions: a tree walk with JavaScript's (and AngularJS's) conversions
// and docxtemplater's scope lookup. Nothing here can call out of the data.
#include <cmath>
#include <limits>

#include "docx/expression.h"
#include "docx/filters.h"

namespace koop::docx {
namespace {

const Data* Member(const Data* d, const std::string& key) {
  if (d == nullptr) return nullptr;
  if (d->type == Data::Type::kObject) return d->Find(key);
  if (d->type == Data::Type::kArray && key == "length") return nullptr;
  return nullptr;
}

Val MemberOf(const Val& base, const std::string& key) {
  if (base.t == Val::T::kNode) {
    if (base.node->type == Data::Type::kArray && key == "length") {
      return Val::Int(static_cast<int64_t>(base.node->items.size()));
    }
    return Val::Of(Member(base.node, key));
  }
  if (base.t == Val::T::kString && key == "length") {
    // Length in UTF-16 units would be JavaScript's; code points are close enough for templates.
    int64_t n = 0;
    for (unsigned char c : base.s) n += (c & 0xC0) != 0x80;
    return Val::Int(n);
  }
  return Val::Undef();
}

struct Env {
  const Scopes& scopes;
  size_t num;
  std::vector<std::string>* errors;
};

Val Lookup(const std::string& name, const Env& env) {
  if (name == "$index") {
    for (size_t k = env.scopes.indexes.size(); k-- > 0;) {
      if (env.scopes.indexes[k] >= 0) return Val::Int(env.scopes.indexes[k]);
    }
  }
  const Data* cur = env.scopes.list[env.num];
  const Data* hit = Member(cur, name);
  if (hit && !hit->is_null()) return Val::Of(hit);
  for (size_t k = env.scopes.list.size(); k-- > 0;) {
    hit = Member(env.scopes.list[k], name);
    if (hit && !hit->is_null()) return Val::Of(hit);
  }
  return Val::Undef();
}

bool LooseEquals(const Val& a, const Val& b) {
  if (a.is_nullish() || b.is_nullish()) return a.is_nullish() && b.is_nullish();
  if (a.t == Val::T::kString && b.t == Val::T::kString) return a.s == b.s;
  if (a.t == Val::T::kNode || b.t == Val::T::kNode) {
    if (a.t == Val::T::kNode && b.t == Val::T::kNode) return a.node == b.node;
    const Val& n = a.t == Val::T::kNode ? a : b;
    const Val& o = a.t == Val::T::kNode ? b : a;
    return LooseEquals(Val::Str(n.str()), o);
  }
  if (a.t == Val::T::kInt && b.t == Val::T::kInt) return a.i == b.i;
  return a.num() == b.num();
}

bool StrictEquals(const Val& a, const Val& b) {
  if (a.is_number() && b.is_number()) return LooseEquals(a, b);
  if (a.t != b.t) return false;
  switch (a.t) {
    case Val::T::kUndef:
    case Val::T::kNull:
      return true;
    case Val::T::kBool:
      return a.b == b.b;
    case Val::T::kString:
      return a.s == b.s;
    case Val::T::kNode:
      return a.node == b.node;
    default:
      return false;
  }
}

Val Arith(const std::string& op, const Val& l, const Val& r) {
  if (l.t == Val::T::kInt && r.t == Val::T::kInt) {
    long long out;
    if (op == "+" && !__builtin_add_overflow(l.i, r.i, &out)) return Val::Int(out);
    if (op == "-" && !__builtin_sub_overflow(l.i, r.i, &out)) return Val::Int(out);
    if (op == "*" && !__builtin_mul_overflow(l.i, r.i, &out)) return Val::Int(out);
    // INT64_MIN % -1 and INT64_MIN / -1 overflow (x86 traps: SIGFPE); x % -1 is 0 anyway, and
    // the quotient falls through to doubles.
    if (op == "%" && r.i != 0) return Val::Int(r.i == -1 ? 0 : l.i % r.i);
    if (op == "/" && r.i != 0 && r.i != -1 && l.i % r.i == 0) return Val::Int(l.i / r.i);
    if (op == "/" && r.i == -1 && l.i != std::numeric_limits<int64_t>::min()) {
      return Val::Int(-l.i);
    }
  }
  double a = l.num(), b = r.num();
  if (op == "+") return Val::Double(a + b);
  if (op == "-") return Val::Double(a - b);
  if (op == "*") return Val::Double(a * b);
  if (op == "/") return Val::Double(a / b);
  return Val::Double(std::fmod(a, b));
}

bool Less(const Val& l, const Val& r, bool or_equal) {
  if (l.t == Val::T::kString && r.t == Val::T::kString) return or_equal ? l.s <= r.s : l.s < r.s;
  if (l.t == Val::T::kInt && r.t == Val::T::kInt) return or_equal ? l.i <= r.i : l.i < r.i;
  double a = l.num(), b = r.num();
  return or_equal ? a <= b : a < b;
}

Val Eval(const Expr& e, const Env& env) {
  switch (e.op) {
    case Expr::Op::kPath: {
      if (e.path.empty()) return Val::Of(env.scopes.list[env.num]);
      Val v = Lookup(e.path[0], env);
      for (size_t k = 1; k < e.path.size() && !v.is_nullish(); ++k) v = MemberOf(v, e.path[k]);
      return v;
    }
    case Expr::Op::kLiteral:
      return e.literal;
    case Expr::Op::kIdent:
      return Lookup(e.name, env);
    case Expr::Op::kMember:
      return MemberOf(Eval(*e.kids[0], env), e.name);
    case Expr::Op::kIndex: {
      Val base = Eval(*e.kids[0], env);
      Val key = Eval(*e.kids[1], env);
      if (base.is_array() && key.is_number()) {
        double k = key.num();
        if (k >= 0 && k < static_cast<double>(base.node->items.size()) && k == std::floor(k)) {
          return Val::Of(&base.node->items[static_cast<size_t>(k)]);
        }
        return Val::Undef();
      }
      return MemberOf(base, key.str());
    }
    case Expr::Op::kUnary: {
      Val v = Eval(*e.kids[0], env);
      if (e.name == "!") return Val::Bool(!v.truthy());
      if (e.name == "-") {
        if (v.t == Val::T::kInt && v.i != std::numeric_limits<int64_t>::min()) {
          return Val::Int(-v.i);
        }
        return Val::Double(-v.num());
      }
      if (v.t == Val::T::kInt) return v;
      return Val::Double(v.num());
    }
    case Expr::Op::kBinary: {
      Val l = Eval(*e.kids[0], env);
      Val r = Eval(*e.kids[1], env);
      const std::string& op = e.name;
      if (op == "+") {
        // AngularJS: an undefined operand is skipped.
        if (l.t == Val::T::kUndef) return r;
        if (r.t == Val::T::kUndef) return l;
        bool stringy = l.t == Val::T::kString || r.t == Val::T::kString || l.t == Val::T::kNode ||
                       r.t == Val::T::kNode;
        if (stringy) return Val::Str(l.str() + r.str());
        return Arith(op, l, r);
      }
      if (op == "-") {
        return Arith(op, l.t == Val::T::kUndef ? Val::Int(0) : l,
                     r.t == Val::T::kUndef ? Val::Int(0) : r);
      }
      if (op == "*" || op == "/" || op == "%") return Arith(op, l, r);
      if (op == "==") return Val::Bool(LooseEquals(l, r));
      if (op == "!=") return Val::Bool(!LooseEquals(l, r));
      if (op == "===") return Val::Bool(StrictEquals(l, r));
      if (op == "!==") return Val::Bool(!StrictEquals(l, r));
      if (op == "<") return Val::Bool(Less(l, r, false));
      if (op == "<=") return Val::Bool(Less(l, r, true));
      if (op == ">") return Val::Bool(Less(r, l, false));
      return Val::Bool(Less(r, l, true));
    }
    case Expr::Op::kAnd: {
      Val l = Eval(*e.kids[0], env);
      return l.truthy() ? Eval(*e.kids[1], env) : l;
    }
    case Expr::Op::kOr: {
      Val l = Eval(*e.kids[0], env);
      return l.truthy() ? l : Eval(*e.kids[1], env);
    }
    case Expr::Op::kTernary:
      return Eval(*e.kids[0], env).truthy() ? Eval(*e.kids[1], env) : Eval(*e.kids[2], env);
    case Expr::Op::kFilter: {
      Val in = Eval(*e.kids[0], env);
      std::vector<Val> args;
      for (size_t k = 1; k < e.kids.size(); ++k) args.push_back(Eval(*e.kids[k], env));
      std::string error;
      Val out = e.filter->fn(in, args, &error);
      if (!error.empty() && env.errors) env.errors->push_back("filter " + e.name + ": " + error);
      return out;
    }
    case Expr::Op::kArray: {
      // Array literals only feed filters such as join; their items are rendered as a string.
      std::string s;
      for (size_t k = 0; k < e.kids.size(); ++k) {
        if (k) s += ',';
        s += Eval(*e.kids[k], env).str();
      }
      return Val::Str(s);
    }
  }
  return Val::Undef();
}

}  // namespace

Val Evaluate(const Expr& e, const Scopes& scopes, std::vector<std::string>* errors) {
  size_t num = scopes.list.size() - 1;
  while (true) {
    Val v = Eval(e, Env{scopes, num, errors});
    if (!v.is_nullish() || num == 0) return v;
    --num;
  }
}

const Data* LookupPath(const Expr& e, const Scopes& scopes) {
  const auto& list = scopes.list;
  for (size_t num = list.size(); num-- > 0;) {
    if (e.path.empty()) {
      if (list[num] && !list[num]->is_null()) return list[num];
      continue;
    }
    const std::string& first = e.path[0];
    const Data* d = list[num]->Find(first);
    if (!d || d->is_null()) {
      d = nullptr;
      for (size_t k = list.size(); k-- > 0 && !d;) {
        const Data* hit = list[k]->Find(first);
        if (hit && !hit->is_null()) d = hit;
      }
    }
    for (size_t k = 1; d && k < e.path.size(); ++k) d = d->Find(e.path[k]);
    if (d && !d->is_null()) return d;
  }
  return nullptr;
}

void CollectPaths(const Expr& e, std::vector<std::string>* out) {
  switch (e.op) {
    case Expr::Op::kPath: {
      std::string p;
      for (const auto& s : e.path) p += (p.empty() ? "" : ".") + s;
      out->push_back(p.empty() ? "." : p);
      return;
    }
    case Expr::Op::kIdent:
      out->push_back(e.name);
      return;
    case Expr::Op::kMember: {
      std::vector<std::string> inner;
      CollectPaths(*e.kids[0], &inner);
      if (e.kids[0]->op == Expr::Op::kIdent || e.kids[0]->op == Expr::Op::kMember) {
        for (auto& s : inner) out->push_back(s + "." + e.name);
      } else {
        out->insert(out->end(), inner.begin(), inner.end());
      }
      return;
    }
    default:
      for (const auto& k : e.kids) CollectPaths(*k, out);
  }
}

}  // namespace koop::docx
