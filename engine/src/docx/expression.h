// Template expressions: the subset of docxtemplater's angular expression parser that templates
// use — dotted paths, `.`/this, literals, ! - + * / %, comparisons, && ||, ?:, member and index
// access, and filters (`x | kwota`, `n | liczba:"dzień"`). Hand-written (see docs/templates.md):
// no assignment, no function calls, nothing reaches outside the data, so evaluation is safe.
// A plain path compiles to a kPath node that is evaluated without the general machinery.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "docx/value.h"
#include "koop/status.h"

namespace koop::docx {

struct FilterDef;  // filters.h

struct Expr {
  enum class Op : uint8_t {
    kPath,     // a.b.c (path empty: this)
    kLiteral,  // 1, "x", true, null
    kIdent,    // first identifier of a general expression
    kMember,   // kids[0].name
    kIndex,    // kids[0][kids[1]]
    kUnary,    // name: "!", "-", "+"
    kBinary,   // name: operator
    kAnd,
    kOr,
    kTernary,
    kFilter,  // kids[0] | filter : kids[1..]
    kArray,   // [kids...]
  };
  Op op = Op::kLiteral;
  std::string name;
  std::vector<std::string> path;
  Val literal;
  std::vector<std::unique_ptr<Expr>> kids;
  const FilterDef* filter = nullptr;
};

// The scope stack while rendering: innermost last. `indexes[k]` is the loop index that made
// scope k (-1 when it was not an array item), for $index.
struct Scopes {
  std::vector<const Data*> list;
  std::vector<int> indexes;
};

// Compiles an expression; the error message explains what is wrong.
Result<std::shared_ptr<const Expr>> CompileExpr(const std::string& text);

// Evaluates with docxtemplater's lookup: the innermost scope first, climbing outwards while the
// result is null/undefined. Filter failures are appended to `errors`.
Val Evaluate(const Expr& e, const Scopes& scopes, std::vector<std::string>* errors);

// The fast path for a kPath expression without $index or .length: the data node it names, with
// the same scope climbing as Evaluate, or nullptr when missing or null.
const Data* LookupPath(const Expr& e, const Scopes& scopes);

// Root identifiers and paths the expression reads ("person.name"), for `koop tags`.
void CollectPaths(const Expr& e, std::vector<std::string>* out);

}  // namespace koop::docx
