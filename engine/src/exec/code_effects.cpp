#include "exec/code_effects.h"

#include <cctype>

namespace koop::exec {
namespace {

bool IdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

}  // namespace

bool MayMutate(const std::string& code) {
  const std::size_t n = code.size();
  std::string word;     // the identifier just before the current position
  char prev = 0;        // the last significant character
  bool member = false;  // `word` follows a '.', so it names a property, not In()/param()
  for (std::size_t i = 0; i < n; ++i) {
    char c = code[i];
    if (c == '"' || c == '\'' || c == '`') {
      if (c == '`') return true;  // template literals may call tags and embed expressions
      for (++i; i < n && code[i] != c; ++i) {
        if (code[i] == '\\') ++i;
      }
      word.clear();
      prev = 'a';
      continue;
    }
    if (c == '/' && i + 1 < n && (code[i + 1] == '/' || code[i + 1] == '*')) return true;
    if (IdentChar(c)) {
      std::size_t start = i;
      while (i < n && IdentChar(code[i])) ++i;
      member = prev == '.';
      word = code.substr(start, i - start);
      if (word == "delete" || word == "function" || word == "new") return true;
      --i;
      prev = 'a';
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '(') {
      if (prev == 'a' && (member || (word != "In" && word != "param"))) return true;
      if (prev == ')' || prev == ']') return true;
    } else if (c == '=') {
      bool comparison = (i + 1 < n && code[i + 1] == '=') ||
                        (prev == '=' || prev == '!' || prev == '<' || prev == '>');
      if (!comparison) return true;
    } else if ((c == '+' || c == '-') && i + 1 < n && code[i + 1] == c) {
      return true;
    }
    if (c != '=') word.clear();
    prev = c;
  }
  return false;
}

}  // namespace koop::exec
