#include "rules/script_rewrite.h"

#include <cctype>
#include <set>

namespace koop::rules {
namespace {

bool IsIdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}
bool IsIdentChar(char c) { return IsIdentStart(c) || std::isdigit(static_cast<unsigned char>(c)); }

}  // namespace

std::string WrapScript(const std::string& body, ScriptDecls* decls) {
  ScriptDecls found;
  std::string out;
  out.reserve(body.size() + 64);
  int braces = 0;
  int parens = 0;   // () and [] together
  char last = ';';  // last significant character (for regex vs division, statement starts)
  std::string last_word;
  bool in_var = false;
  bool want_var_name = false;
  int function_close_depth = -1;  // when >= 0: insert ';' when braces returns to it after a '}'
  bool function_body_open = false;
  std::size_t i = 0;
  const std::size_t n = body.size();
  while (i < n) {
    char c = body[i];
    // comments
    if (c == '/' && i + 1 < n && body[i + 1] == '/') {
      while (i < n && body[i] != '\n') out += body[i++];
      continue;
    }
    if (c == '/' && i + 1 < n && body[i + 1] == '*') {
      std::size_t end = body.find("*/", i + 2);
      end = end == std::string::npos ? n : end + 2;
      out.append(body, i, end - i);
      i = end;
      continue;
    }
    // strings and regular expressions
    bool regex = c == '/' && (std::string("(,=:[!&|?{};+-*%<>~^").find(last) != std::string::npos ||
                              last_word == "return" || last_word == "typeof");
    if (c == '"' || c == '\'' || regex) {
      char quote = c;
      out += body[i++];
      bool klass = false;
      while (i < n) {
        char d = body[i];
        out += d;
        ++i;
        if (d == '\\' && i < n) {
          out += body[i++];
          continue;
        }
        if (quote == '/' && d == '[') klass = true;
        if (quote == '/' && d == ']') klass = false;
        if (d == quote && !klass) break;
        if (d == '\n' && quote != '/') break;
      }
      last = 'a';
      last_word.clear();
      continue;
    }
    if (IsIdentStart(c)) {
      std::size_t start = i;
      while (i < n && IsIdentChar(body[i])) ++i;
      std::string word = body.substr(start, i - start);
      bool statement_start = last == ';' || last == '}' || last == '{' || last == '\n';
      if (braces == 0 && parens == 0 && word == "function" && statement_start) {
        std::size_t j = i;
        while (j < n && std::isspace(static_cast<unsigned char>(body[j]))) ++j;
        std::size_t k = j;
        while (k < n && IsIdentChar(body[k])) ++k;
        if (k > j) {
          std::string name = body.substr(j, k - j);
          found.functions.push_back(name);
          out += "__s." + name + "=function";
          function_close_depth = 0;
          function_body_open = false;
          last = 'a';
          last_word = word;
          continue;
        }
      }
      if (braces == 0 && (word == "var" || word == "const") && statement_start) {
        in_var = true;
        want_var_name = true;
        out += word;
        last = 'a';
        last_word = word;
        continue;
      }
      if (want_var_name) {
        found.vars.push_back(word);
        want_var_name = false;
      }
      out += word;
      last = 'a';
      last_word = word;
      continue;
    }
    out += c;
    ++i;
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (c == '\n' && in_var && parens == 0 && last != ',' && last != '=') {
        in_var = false;
        if (last == 'a' || last == ')' || last == ']') last = '\n';
      } else if (c == '\n' && braces == 0 && parens == 0 &&
                 (last == 'a' || last == ')' || last == ']')) {
        last = '\n';
      }
      continue;
    }
    if (c == '{') {
      if (function_close_depth == braces && !function_body_open) function_body_open = true;
      ++braces;
    } else if (c == '}') {
      --braces;
      if (function_body_open && braces == function_close_depth) {
        out += ';';
        function_close_depth = -1;
        function_body_open = false;
        last = ';';
        last_word.clear();
        continue;
      }
    } else if (c == '(' || c == '[') {
      ++parens;
    } else if (c == ')' || c == ']') {
      --parens;
    } else if (c == ';' && parens == 0) {
      in_var = false;
    } else if (c == ',' && in_var && parens == 0 && braces == 0) {
      want_var_name = true;
    }
    last = c;
    last_word.clear();
  }
  std::string prefix = "function(__s){";
  std::set<std::string> seen;
  for (const auto& v : found.vars) {
    if (!seen.insert(v).second) continue;
    prefix += "if(!('" + v + "' in __s))__s." + v + "=undefined;";
  }
  prefix += "with(__s){";
  if (decls != nullptr) *decls = found;
  return prefix + out + "\n}}";
}

}  // namespace koop::rules
