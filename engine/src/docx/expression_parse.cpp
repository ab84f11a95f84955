// Compiling template expressions: a tokenizer and a small recursive-descent parser in the
// precedence order of angular expressions (see docs/templates.md for why it is hand-written).
// The input controls the parser's recursion, so it is bounded: the text's length first, then
// every nesting step (brackets, unary operators, ?:) before recursing, then the depth of the
// finished tree, which evaluation walks recursively (docx/limits.h).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "docx/expression.h"
#include "docx/filters.h"
#include "docx/limits.h"

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
  // Past the end (after an error) reads as the final kEnd token: never beyond the vector.
  const Token& Peek() const { return toks_[std::min(pos_, toks_.size() - 1)]; }
  bool IsOp(const char* op) const { return Peek().k == Token::K::kOp && Peek().text == op; }
  bool Accept(const char* op) {
    if (!IsOp(op)) return false;
    ++pos_;
    return true;
  }
  void Fail(const std::string& msg) {
    if (error_.empty()) error_ = msg;
  }
  // One level of nesting, for as long as it lives. Past the limit the parse fails and the
  // caller must not recurse: `deep()` tells it so.
  class Nest {
   public:
    explicit Nest(Parser* p) : p_(p) {
      if (++p_->depth_ > kMaxExprDepth) p_->Fail(TooDeep());
    }
    ~Nest() { --p_->depth_; }
    Nest(const Nest&) = delete;
    Nest& operator=(const Nest&) = delete;
    bool deep() const { return p_->depth_ > kMaxExprDepth; }

   private:
    Parser* p_;
  };

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
    Nest nest(this);
    if (nest.deep()) return cond;
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
        Nest nest(this);
        if (nest.deep()) return Node(Expr::Op::kLiteral);
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
      Nest nest(this);
      if (nest.deep()) return Node(Expr::Op::kLiteral);
      ExprPtr e = FilterChain();
      if (!Accept(")")) Fail("')' expected");
      return e;
    }
    if (Accept("[")) {
      Nest nest(this);
      if (nest.deep()) return Node(Expr::Op::kLiteral);
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
    if (t.k != Token::K::kEnd) ++pos_;
    return Node(Expr::Op::kLiteral);
  }

  ExprPtr Postfix(ExprPtr e) {
    while (error_.empty()) {
      if (IsOp(".") && pos_ + 1 < toks_.size() && toks_[pos_ + 1].k == Token::K::kIdent) {
        ++pos_;
        ExprPtr m = Node(Expr::Op::kMember, toks_[pos_++].text);
        m->kids.push_back(std::move(e));
        e = std::move(m);
      } else if (Accept("[")) {
        Nest nest(this);
        if (nest.deep()) return e;
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

  static std::string TooDeep() {
    return "expression nested deeper than " + std::to_string(kMaxExprDepth) + " levels";
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;

  friend Status CheckTreeDepth(const Expr& root);
};

// Operator, member and filter chains build deep trees without deep parsing ("a.b[0].c...",
// "1+1+1..."); evaluation recurses over the tree, so its depth is checked too, without recursion.
Status CheckTreeDepth(const Expr& root) {
  std::vector<std::pair<const Expr*, int>> stack = {{&root, 1}};
  while (!stack.empty()) {
    auto [e, depth] = stack.back();
    stack.pop_back();
    if (depth > kMaxExprDepth) return Status::DataError(Parser::TooDeep());
    for (const auto& kid : e->kids) stack.push_back({kid.get(), depth + 1});
  }
  return Status::Ok();
}

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

}  // namespace

Result<std::shared_ptr<const Expr>> CompileExpr(const std::string& text) {
  if (text.size() > kMaxExprLength) {
    return Status::DataError("expression longer than " + std::to_string(kMaxExprLength) +
                             " characters (" + std::to_string(text.size()) + ")");
  }
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
  KOOP_RETURN_IF_ERROR(CheckTreeDepth(**r));
  return std::shared_ptr<const Expr>(std::move(r).value());
}

}  // namespace koop::docx
