// The JSON adapter: Poco's parser decides and gives the reason; it reports no position, so after a
// failure a small scanner of the JSON grammar (RFC 8259) finds the byte where the text stops being
// JSON, and the error names SOURCE:LINE:COL.
#include "json/json_reader.h"

#include <Poco/JSON/Parser.h>

#include <cctype>
#include <cstring>

namespace koop::json {
namespace {

// Returns the offset of the first byte that cannot continue a JSON text (text.size() when the
// text ends too early), or std::string::npos when the whole text is JSON.
class Scanner {
 public:
  explicit Scanner(const std::string& t) : t_(t) {}
  std::size_t Run() {
    Space();
    if (!Value(0)) return at_;
    Space();
    return at_ == t_.size() ? std::string::npos : at_;
  }

 private:
  void Space() {
    while (at_ < t_.size() && std::strchr(" \t\r\n", t_[at_]) && t_[at_] != '\0') ++at_;
  }
  bool Eat(char c) {
    if (at_ < t_.size() && t_[at_] == c) return ++at_, true;
    return false;
  }
  bool Word(const char* w) {
    std::size_t n = std::strlen(w);
    for (std::size_t i = 0; i < n; ++i, ++at_) {
      if (at_ >= t_.size() || t_[at_] != w[i]) return false;
    }
    return true;
  }
  bool Digits() {
    std::size_t start = at_;
    while (at_ < t_.size() && t_[at_] >= '0' && t_[at_] <= '9') ++at_;
    return at_ > start;
  }
  bool Number() {
    Eat('-');
    if (Eat('0')) {
    } else if (!Digits()) {
      return false;
    }
    if (Eat('.') && !Digits()) return false;
    if (at_ < t_.size() && (t_[at_] == 'e' || t_[at_] == 'E')) {
      ++at_;
      if (!Eat('+')) Eat('-');
      if (!Digits()) return false;
    }
    return true;
  }
  bool String() {
    if (!Eat('"')) return false;
    while (at_ < t_.size()) {
      unsigned char c = static_cast<unsigned char>(t_[at_]);
      if (c == '"') return ++at_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        ++at_;
        if (at_ >= t_.size()) return false;
        if (t_[at_] == 'u') {
          for (int i = 0; i < 4; ++i) {
            ++at_;
            if (at_ >= t_.size() || !std::isxdigit(static_cast<unsigned char>(t_[at_])))
              return false;
          }
        } else if (!std::strchr("\"\\/bfnrt", t_[at_]) || t_[at_] == '\0') {
          return false;
        }
      }
      ++at_;
    }
    return false;
  }
  bool Value(int depth) {
    if (depth > 1000 || at_ >= t_.size()) return false;
    char c = t_[at_];
    if (c == '{') return Members(depth);
    if (c == '[') return Elements(depth);
    if (c == '"') return String();
    if (c == 't') return Word("true");
    if (c == 'f') return Word("false");
    if (c == 'n') return Word("null");
    return Number();
  }
  bool Members(int depth) {
    ++at_;
    Space();
    if (Eat('}')) return true;
    for (;;) {
      if (!String()) return false;
      Space();
      if (!Eat(':')) return false;
      Space();
      if (!Value(depth + 1)) return false;
      Space();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
      Space();
    }
  }
  bool Elements(int depth) {
    ++at_;
    Space();
    if (Eat(']')) return true;
    for (;;) {
      if (!Value(depth + 1)) return false;
      Space();
      if (Eat(']')) return true;
      if (!Eat(',')) return false;
      Space();
    }
  }

  const std::string& t_;
  std::size_t at_ = 0;
};

std::string Place(const std::string& text, std::size_t offset, int first_line) {
  int line = first_line, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// Poco quotes the offending byte raw ("instead of byte '\n'"); a message stays on one line.
std::string OneLine(const std::string& reason) {
  std::string out;
  for (char c : reason) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f || u == 0xff) {  // 0xff: Poco's end of input
      static const char* kHex = "0123456789abcdef";
      out += std::string("\\x") + kHex[u >> 4] + kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Status SyntaxError(const std::string& text, const std::string& source, const std::exception& e,
                   int first_line) {
  std::string reason = e.what();
  if (const auto* poco = dynamic_cast<const Poco::Exception*>(&e)) {
    reason = poco->message().empty() ? poco->displayText() : poco->message();
  }
  std::size_t at = Scanner(text).Run();
  // At the end of the text Poco may name its end-of-input marker as a byte ('\xff').
  if (at == text.size() && reason.find('\xff') != std::string::npos) {
    reason = "unexpected end of text";
  }
  std::string place = at != std::string::npos ? ":" + Place(text, at, first_line)
                      : first_line > 1        ? ":" + std::to_string(first_line)
                                              : "";
  return Status::DataError(source + place + ": invalid JSON: " + OneLine(reason));
}

Result<Poco::Dynamic::Var> Parse(const std::string& text, const std::string& source) {
  try {
    return Poco::JSON::Parser().parse(text);
  } catch (const std::exception& e) {
    return SyntaxError(text, source, e);
  }
}

Result<Poco::JSON::Object::Ptr> ParseObject(const std::string& text, const std::string& source) {
  Result<Poco::Dynamic::Var> v = Parse(text, source);
  if (!v.ok()) return v.status();
  if (v->type() != typeid(Poco::JSON::Object::Ptr)) {
    return Status::DataError(source + ": not a JSON object");
  }
  return v->extract<Poco::JSON::Object::Ptr>();
}

Result<Poco::JSON::Array::Ptr> ParseArray(const std::string& text, const std::string& source) {
  Result<Poco::Dynamic::Var> v = Parse(text, source);
  if (!v.ok()) return v.status();
  if (v->type() != typeid(Poco::JSON::Array::Ptr)) {
    return Status::DataError(source + ": not a JSON list");
  }
  return v->extract<Poco::JSON::Array::Ptr>();
}

Result<std::vector<std::string>> ParseStrings(const std::string& text, const std::string& source) {
  Result<Poco::JSON::Array::Ptr> array = ParseArray(text, source);
  if (!array.ok()) return array.status();
  std::vector<std::string> out;
  for (std::size_t i = 0; i < (*array)->size(); ++i) {
    if (!(*array)->get(i).isString()) return Status::DataError(source + ": not a list of texts");
    out.push_back((*array)->getElement<std::string>(i));
  }
  return out;
}

Status ParseWith(const std::string& text, const std::string& source,
                 const Poco::JSON::Handler::Ptr& handler, int first_line) {
  try {
    Poco::JSON::Parser parser(handler);
    parser.parse(text);
    return Status::Ok();
  } catch (const std::exception& e) {
    return SyntaxError(text, source, e, first_line);
  }
}

}  // namespace koop::json
