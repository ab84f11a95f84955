// Text leaving duktape as valid UTF-8. Duktape keeps a JavaScript string's UTF-16 surrogates
// (from '\uD83D\uDE00' or a lone '\uD800') as 3-byte CESU-8 sequences, which are not UTF-8:
// PostgreSQL refused to store such a snapshot ("invalid byte sequence", exit 74) and other
// readers of the data would choke on it. Characters beyond U+FFFF that came in as UTF-8 are
// already 4-byte UTF-8 and are left alone.
#pragma once

#include <string>

namespace koop::exec {

// JSON text (from JSON.stringify): each surrogate becomes the escape "\uXXXX", which is ASCII
// and parses back to the same JavaScript string.
std::string EscapeSurrogatesInJson(std::string json);

// Plain text: a surrogate pair becomes the 4-byte UTF-8 of its character, a lone surrogate
// U+FFFD (the replacement character).
std::string SurrogatesToUtf8(std::string text);

}  // namespace koop::exec
