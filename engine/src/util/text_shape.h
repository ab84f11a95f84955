// Shapes of short tokens (digits, decimal numbers, identifiers), checked by a loop over the
// characters. std::regex is not used on input: libstdc++'s matcher recurses once per character a
// repetition takes, so a long enough attribute or --at value overflowed the stack (SIGSEGV in
// `koop validate` for a 1 MB municipality id, in every command for a 130 KB --at).
#pragma once

#include <string_view>

namespace koop::util {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiLowerOrDigit(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'z'); }
inline bool IsAsciiAlnum(char c) { return IsAsciiLowerOrDigit(c) || (c >= 'A' && c <= 'Z'); }

// [0-9]+
inline bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// -?[0-9]+(\.[0-9]+)?
inline bool IsDecimalNumber(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  std::string_view::size_type dot = s.find('.');
  if (dot == std::string_view::npos) return AllDigits(s);
  return AllDigits(s.substr(0, dot)) && AllDigits(s.substr(dot + 1));
}

}  // namespace koop::util
