#include "exec/surrogates.h"

#include <cstdio>

namespace koop::exec {
namespace {

// The surrogate encoded at text[i..i+2] (0xED 0xA0-0xBF 0x80-0xBF), or 0.
unsigned SurrogateAt(const std::string& text, std::size_t i) {
  if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xED) return 0;
  auto b1 = static_cast<unsigned char>(text[i + 1]);
  auto b2 = static_cast<unsigned char>(text[i + 2]);
  if (b1 < 0xA0 || b1 > 0xBF || (b2 & 0xC0) != 0x80) return 0;
  return 0xD000u | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
}

bool HasSurrogate(const std::string& text) {
  for (std::size_t i = text.find('\xED'); i != std::string::npos; i = text.find('\xED', i + 1)) {
    if (SurrogateAt(text, i)) return true;
  }
  return false;
}

void AppendUtf8(std::string& out, unsigned cp) {
  if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
    return;
  }
  out += static_cast<char>(0xF0 | (cp >> 18));
  out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

}  // namespace

std::string EscapeSurrogatesInJson(std::string json) {
  if (!HasSurrogate(json)) return json;
  std::string out;
  out.reserve(json.size() + 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    unsigned s = SurrogateAt(json, i);
    if (!s) {
      out += json[i];
      continue;
    }
    char esc[8];
    std::snprintf(esc, sizeof esc, "\\u%04x", s);
    out += esc;
    i += 2;
  }
  return out;
}

std::string SurrogatesToUtf8(std::string text) {
  if (!HasSurrogate(text)) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned s = SurrogateAt(text, i);
    if (!s) {
      out += text[i];
      continue;
    }
    unsigned low = s < 0xDC00 ? SurrogateAt(text, i + 3) : 0;
    if (low >= 0xDC00) {
      AppendUtf8(out, 0x10000 + ((s - 0xD800) << 10) + (low - 0xDC00));
      i += 5;
    } else {
      AppendUtf8(out, 0xFFFD);
      i += 2;
    }
  }
  return out;
}

}  // namespace koop::exec
