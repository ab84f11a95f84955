// WrapScript: turns the body of a <script> (or a rule library) into the source of
// `function(__s){...}` that runs it against an instance scope, as if the scope were the global
// object of the SCXML ecmascript data model:
//  - top-level `var x` names are created in the scope first, so `var x = 1` sets scope.x;
//  - top-level `function f(){}` becomes `__s.f = function f(){};`, so f is visible to later
//    expressions and closes over the scope (it sees the data model variables);
//  - the body runs inside `with (__s) { ... }`.
// Line numbers are preserved (nothing is inserted before the first line's content but a prefix
// on the same line), so errors point at the script's own lines. A small scanner (strings,
// comments, regular expressions, brace depth) finds the top-level declarations; it does not
// parse JavaScript, and is only as clever as this needs.
#pragma once

#include <string>
#include <vector>

namespace koop::rules {

struct ScriptDecls {
  std::vector<std::string> vars;       // top-level var/const names
  std::vector<std::string> functions;  // top-level function declaration names
};

// Rewrites `body`; fills `decls` when non-null.
std::string WrapScript(const std::string& body, ScriptDecls* decls = nullptr);

}  // namespace koop::rules
