// CheckJsonObjectText: Poco's parser decides and gives the reason; it reports no position, so a
// small scanner of the JSON grammar (RFC 8259) finds the byte where the text stops being JSON.
#include "koop/json_check.h"

#include <Poco/JSON/Parser.h>

#include <cctype>
#include <cstring>

namespace koop {
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

std::string Place(const std::string& text, std::size_t offset) {
  int line = 1, column = 1;
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

}  // namespace

Status CheckJsonObjectText(const std::string& text, const std::string& source) {
  try {
    Poco::Dynamic::Var v = Poco::JSON::Parser().parse(text);
    if (v.type() != typeid(Poco::JSON::Object::Ptr)) {
      return Status::DataError(source + ": not a JSON object");
    }
    return Status::Ok();
  } catch (const Poco::Exception& e) {
    std::string reason = e.message().empty() ? e.displayText() : e.message();
    std::size_t at = Scanner(text).Run();
    std::string place = at == std::string::npos ? "" : ":" + Place(text, at);
    return Status::DataError(source + place + ": invalid JSON: " + reason);
  } catch (const std::exception& e) {
    return Status::DataError(source + ": invalid JSON: " + e.what());
  }
}

}  // namespace koop
