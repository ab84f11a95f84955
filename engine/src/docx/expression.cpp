// A small recursive-descent parser in the precedence order of angular expressions, and a
// tree-walking evaluator with JavaScript's (and AngularJS's) conversions.
#include "docx/expression.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "docx/filters.h"

namespace koop::docx {
namespace {

struct Token {
  enum class K { kEnd, kNum, kStr, kIdent, kOp } k = K::kEnd;
  std::string text;
  Val value;
};

bool IdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c == '$' || c >= 0x80; }
bool IdentPart(unsigned char c) { return IdentStart(c) || std::isdigit(c); }

std::string NormalizeQuotes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    // ‘ ’ (E2 80 98/99) and “ ” (E2 80 9C/9D): Word's smart quotes.
    if (static_cast<unsigned char>(s[i]) == 0xE2 && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char c = static_cast<unsigned char>(s[i + 2]);
      if (c == 0x98 || c == 0x99) {
        out += '\'';
        i += 2;
        continue;
      }
      if (c == 0x9C || c == 0x9D) {
        out += '"';
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

void AppendUtf8(std::string* out, unsigned cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Status Tokenize(const std::string& src, std::vector<Token>* out) {
  size_t i = 0;
  while (i < src.size()) {
    unsigned char c = static_cast<unsigned char>(src[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    Token t;
    if (std::isdigit(c) ||
        (c == '.' && i + 1 < src.size() && std::isdigit(static_cast<unsigned char>(src[i + 1])))) {
      size_t j = i;
      bool is_float = false;
      while (j < src.size() && std::isdigit(static_cast<unsigned char>(src[j]))) ++j;
      if (j < src.size() && src[j] == '.') {
        is_float = true;
        ++j;
        while (j < src.size() && std::isdigit(static_cast<unsigned char>(src[j]))) ++j;
      }
      if (j < src.size() && (src[j] == 'e' || src[j] == 'E')) {
        is_float = true;
        ++j;
        if (j < src.size() && (src[j] == '+' || src[j] == '-')) ++j;
        while (j < src.size() && std::isdigit(static_cast<unsigned char>(src[j]))) ++j;
      }
      std::string num = src.substr(i, j - i);
      t.k = Token::K::kNum;
      t.text = num;
      if (!is_float && num.size() < 18)
        t.value = Val::Int(std::strtoll(num.c_str(), nullptr, 10));
      else
        t.value = Val::Double(std::strtod(num.c_str(), nullptr));
      i = j;
    } else if (c == '"' || c == '\'') {
      std::string s;
      size_t j = i + 1;
      bool closed = false;
      while (j < src.size()) {
        char ch = src[j];
        if (ch == static_cast<char>(c)) {
          closed = true;
          ++j;
          break;
        }
        if (ch == '\\' && j + 1 < src.size()) {
          char e = src[j + 1];
          j += 2;
          switch (e) {
            case 'n':
              s += '\n';
              break;
            case 't':
              s += '\t';
              break;
            case 'r':
              s += '\r';
              break;
            case 'u':
              if (j + 4 <= src.size()) {
                AppendUtf8(
                    &s, static_cast<unsigned>(std::strtoul(src.substr(j, 4).c_str(), nullptr, 16)));
                j += 4;
              }
              break;
            default:
              s += e;
          }
          continue;
        }
        s += ch;
        ++j;
      }
      if (!closed) return Status::DataError("unterminated string literal");
      t.k = Token::K::kStr;
      t.value = Val::Str(s);
      i = j;
    } else if (IdentStart(c)) {
      size_t j = i;
      while (j < src.size() && IdentPart(static_cast<unsigned char>(src[j]))) ++j;
      t.k = Token::K::kIdent;
      t.text = src.substr(i, j - i);
      i = j;
    } else {
      static const char* kOps[] = {"===", "!==", "==", "!=", "<=", ">=", "&&", "||", "+",
                                   "-",   "*",   "/",  "%",  "!",  "<",  ">",  "?",  ":",
                                   "|",   ".",   ",",  "(",  ")",  "[",  "]",  "="};
      bool found = false;
      for (const char* op : kOps) {
        size_t n = std::char_traits<char>::length(op);
        if (src.compare(i, n, op) == 0) {
          t.k = Token::K::kOp;
          t.text = op;
          i += n;
          found = true;
          break;
        }
      }
      if (!found) return Status::DataError(std::string("unexpected character '") + src[i] + "'");
    }
    out->push_back(std::move(t));
  }
  out->push_back(Token{});
  return Status::Ok();
}

using ExprPtr = std::unique_ptr<Expr>;

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : toks_(std::move(toks)) {}

  Result<ExprPtr> ParseAll() {
    ExprPtr e = FilterChain();
    if (!error_.empty()) return Status::DataError(error_);
    if (Peek().k != Token::K::kEnd) {
      return Status::DataError("unexpected '" + Peek().text + "'");
    }
    return e;
  }

 private:
  const Token& Peek() const { return toks_[pos_]; }
  bool IsOp(const char* op) const { return Peek().k == Token::K::kOp && Peek().text == op; }
  bool Accept(const char* op) {
    if (!IsOp(op)) return false;
    ++pos_;
    return true;
  }
  void Fail(const std::string& msg) {
    if (error_.empty()) error_ = msg;
  }
  static ExprPtr Node(Expr::Op op, std::string name = {}) {
    auto e = std::make_unique<Expr>();
    e->op = op;
    e->name = std::move(name);
    return e;
  }

  ExprPtr FilterChain() {
    ExprPtr e = Ternary();
    while (error_.empty() && Accept("|")) {
      if (Peek().k != Token::K::kIdent) {
        Fail("a filter name must follow '|'");
        return e;
      }
      std::string name = toks_[pos_++].text;
      const FilterDef* def = FindFilter(name);
      if (def == nullptr) {
        Fail("unknown filter '" + name + "'");
        return e;
      }
      ExprPtr f = Node(Expr::Op::kFilter, name);
      f->filter = def;
      f->kids.push_back(std::move(e));
      while (Accept(":")) f->kids.push_back(Ternary());
      int nargs = static_cast<int>(f->kids.size()) - 1;
      if (nargs < def->min_args || nargs > def->max_args) {
        Fail("filter '" + name + "' takes " + std::to_string(def->min_args) +
             (def->max_args != def->min_args ? "-" + std::to_string(def->max_args) : "") +
             " argument(s), got " + std::to_string(nargs));
      }
      e = std::move(f);
    }
    if (IsOp("=")) Fail("assignments are not allowed in templates");
    return e;
  }

  ExprPtr Ternary() {
    ExprPtr cond = Or();
    if (!Accept("?")) return cond;
    ExprPtr e = Node(Expr::Op::kTernary);
    e->kids.push_back(std::move(cond));
    e->kids.push_back(Ternary());
    if (!Accept(":")) Fail("':' expected in a ?: expression");
    e->kids.push_back(Ternary());
    return e;
  }

  ExprPtr Or() {
    ExprPtr l = And();
    while (Accept("||")) {
      ExprPtr e = Node(Expr::Op::kOr);
      e->kids.push_back(std::move(l));
      e->kids.push_back(And());
      l = std::move(e);
    }
    return l;
  }
  ExprPtr And() {
    ExprPtr l = Equality();
    while (Accept("&&")) {
      ExprPtr e = Node(Expr::Op::kAnd);
      e->kids.push_back(std::move(l));
      e->kids.push_back(Equality());
      l = std::move(e);
    }
    return l;
  }
  ExprPtr Binary(ExprPtr (Parser::*next)(), std::initializer_list<const char*> ops) {
    ExprPtr l = (this->*next)();
    while (true) {
      const char* matched = nullptr;
      for (const char* op : ops) {
        if (IsOp(op)) {
          matched = op;
          break;
        }
      }
      if (!matched) return l;
      ++pos_;
      ExprPtr e = Node(Expr::Op::kBinary, matched);
      e->kids.push_back(std::move(l));
      e->kids.push_back((this->*next)());
      l = std::move(e);
    }
  }
  ExprPtr Equality() { return Binary(&Parser::Relational, {"===", "!==", "==", "!="}); }
  ExprPtr Relational() { return Binary(&Parser::Additive, {"<=", ">=", "<", ">"}); }
  ExprPtr Additive() { return Binary(&Parser::Multiplicative, {"+", "-"}); }
  ExprPtr Multiplicative() { return Binary(&Parser::Unary, {"*", "/", "%"}); }

  ExprPtr Unary() {
    for (const char* op : {"!", "-", "+"}) {
      if (Accept(op)) {
        ExprPtr e = Node(Expr::Op::kUnary, op);
        e->kids.push_back(Unary());
        return e;
      }
    }
    return Postfix(Primary());
  }

  ExprPtr Primary() {
    const Token& t = Peek();
    if (t.k == Token::K::kNum || t.k == Token::K::kStr) {
      ExprPtr e = Node(Expr::Op::kLiteral);
      e->literal = t.value;
      ++pos_;
      return e;
    }
    if (t.k == Token::K::kIdent) {
      std::string name = t.text;
      ++pos_;
      ExprPtr e = Node(Expr::Op::kLiteral);
      if (name == "true")
        e->literal = Val::Bool(true);
      else if (name == "false")
        e->literal = Val::Bool(false);
      else if (name == "null")
        e->literal = Val::Null();
      else if (name == "undefined")
        e->literal = Val::Undef();
      else if (name == "this")
        e = Node(Expr::Op::kPath);
      else
        e = Node(Expr::Op::kIdent, name);
      return e;
    }
    if (Accept("(")) {
      ExprPtr e = FilterChain();
      if (!Accept(")")) Fail("')' expected");
      return e;
    }
    if (Accept("[")) {
      ExprPtr e = Node(Expr::Op::kArray);
      if (!IsOp("]")) {
        do e->kids.push_back(Ternary());
        while (Accept(","));
      }
      if (!Accept("]")) Fail("']' expected");
      return e;
    }
    if (Accept(".")) return Node(Expr::Op::kPath);  // `.` alone is the current item
    Fail(t.k == Token::K::kEnd ? "unexpected end of expression" : "unexpected '" + t.text + "'");
    ++pos_;
    return Node(Expr::Op::kLiteral);
  }

  ExprPtr Postfix(ExprPtr e) {
    while (error_.empty()) {
      if (IsOp(".") && toks_[pos_ + 1].k == Token::K::kIdent) {
        ++pos_;
        ExprPtr m = Node(Expr::Op::kMember, toks_[pos_++].text);
        m->kids.push_back(std::move(e));
        e = std::move(m);
      } else if (Accept("[")) {
        ExprPtr m = Node(Expr::Op::kIndex);
        m->kids.push_back(std::move(e));
        m->kids.push_back(FilterChain());
        if (!Accept("]")) Fail("']' expected");
        e = std::move(m);
      } else if (IsOp("(")) {
        Fail("function calls are not allowed in templates");
      } else {
        return e;
      }
    }
    return e;
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  std::string error_;
};

// `a.b.c`, `this`, `.`: the fast path.
bool PlainPath(const std::string& text, std::vector<std::string>* path) {
  size_t a = text.find_first_not_of(" \t");
  if (a == std::string::npos) return false;
  size_t b = text.find_last_not_of(" \t");
  std::string s = text.substr(a, b - a + 1);
  if (s == "." || s == "this") return true;
  size_t i = 0;
  while (true) {
    if (i >= s.size() || !IdentStart(static_cast<unsigned char>(s[i]))) return false;
    size_t j = i;
    while (j < s.size() && IdentPart(static_cast<unsigned char>(s[j]))) ++j;
    std::string seg = s.substr(i, j - i);
    if (seg == "true" || seg == "false" || seg == "null" || seg == "undefined" || seg == "this") {
      return false;
    }
    path->push_back(seg);
    if (j == s.size()) return true;
    if (s[j] != '.') return false;
    i = j + 1;
  }
}

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
    if (op == "%" && r.i != 0) return Val::Int(l.i % r.i);
    if (op == "/" && r.i != 0 && l.i % r.i == 0) return Val::Int(l.i / r.i);
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
        if (v.t == Val::T::kInt) return Val::Int(-v.i);
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

Result<std::shared_ptr<const Expr>> CompileExpr(const std::string& text) {
  if (text.find_first_not_of(" \t") == std::string::npos) {
    // "{}" reads as a value that is never there (docxtemplater: undefined).
    auto e = std::make_shared<Expr>();
    e->op = Expr::Op::kLiteral;
    return std::shared_ptr<const Expr>(std::move(e));
  }
  std::vector<std::string> path;
  if (PlainPath(text, &path)) {
    auto e = std::make_shared<Expr>();
    e->op = Expr::Op::kPath;
    e->path = std::move(path);
    return std::shared_ptr<const Expr>(std::move(e));
  }
  std::vector<Token> toks;
  KOOP_RETURN_IF_ERROR(Tokenize(NormalizeQuotes(text), &toks));
  Parser parser(std::move(toks));
  auto r = parser.ParseAll();
  if (!r.ok()) return r.status();
  return std::shared_ptr<const Expr>(std::move(r).value());
}

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
