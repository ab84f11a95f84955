#include "exec/json_tree.h"

#include <charconv>

namespace koop::exec {

JsonNode::JsonNode() = default;
JsonNode::JsonNode(const JsonNode&) = default;
JsonNode::JsonNode(JsonNode&&) noexcept = default;
JsonNode& JsonNode::operator=(const JsonNode&) = default;
JsonNode& JsonNode::operator=(JsonNode&&) noexcept = default;
JsonNode::~JsonNode() = default;
namespace {

constexpr int kMaxDepth = 512;

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Status Document(JsonNode& out) {
    KOOP_RETURN_IF_ERROR(Value(out, 0));
    SkipSpace();
    if (pos_ != text_.size()) return Fail("text after the JSON value");
    return Status::Ok();
  }

 private:
  Status Fail(const std::string& what) const {
    return Status::DataError("JSON at offset " + std::to_string(pos_) + ": " + what);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status Value(JsonNode& out, int depth) {
    if (depth > kMaxDepth) return Fail("nested too deeply");
    SkipSpace();
    if (pos_ >= text_.size()) return Fail("a value is missing");
    const std::size_t start = pos_;
    const char c = text_[pos_];
    if (c == '{') {
      out.kind = JsonNode::Kind::kObject;
      KOOP_RETURN_IF_ERROR(Object(out, depth));
    } else if (c == '[') {
      out.kind = JsonNode::Kind::kArray;
      KOOP_RETURN_IF_ERROR(Array(out, depth));
    } else if (c == '"') {
      out.kind = JsonNode::Kind::kString;
      KOOP_RETURN_IF_ERROR(String(out.text));
    } else if (Literal("true")) {
      out.kind = JsonNode::Kind::kBool;
      out.boolean = true;
    } else if (Literal("false")) {
      out.kind = JsonNode::Kind::kBool;
    } else if (Literal("null")) {
      out.kind = JsonNode::Kind::kNull;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      out.kind = JsonNode::Kind::kNumber;
      KOOP_RETURN_IF_ERROR(Number());
    } else {
      return Fail(std::string("unexpected character '") + c + "'");
    }
    out.raw = text_.substr(start, pos_ - start);
    return Status::Ok();
  }

  Status Object(JsonNode& out, int depth) {
    ++pos_;  // {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return Status::Ok();
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("a member name is missing");
      std::string key;
      KOOP_RETURN_IF_ERROR(String(key));
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return Fail("':' is missing");
      ++pos_;
      out.members.emplace_back(std::move(key), JsonNode{});
      KOOP_RETURN_IF_ERROR(Value(out.members.back().second, depth + 1));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
      } else if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return Status::Ok();
      } else {
        return Fail("',' or '}' is missing");
      }
    }
  }

  Status Array(JsonNode& out, int depth) {
    ++pos_;  // [
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return Status::Ok();
    }
    while (true) {
      out.items.emplace_back();
      KOOP_RETURN_IF_ERROR(Value(out.items.back(), depth + 1));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
      } else if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return Status::Ok();
      } else {
        return Fail("',' or ']' is missing");
      }
    }
  }

  bool Digits() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > start;
  }

  Status Number() {
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!Digits()) {
      return Fail("a digit is missing");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!Digits()) return Fail("a digit is missing after '.'");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!Digits()) return Fail("a digit is missing in the exponent");
    }
    return Status::Ok();
  }

  Result<unsigned> Hex4() {
    if (pos_ + 4 > text_.size()) return Fail("\\u needs four hex digits");
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, value, 16);
    if (ec != std::errc() || end != text_.data() + pos_ + 4) {
      return Fail("\\u needs four hex digits");
    }
    pos_ += 4;
    return value;
  }

  static void AppendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  Status String(std::string& out) {
    ++pos_;  // "
    while (true) {
      // Copy the run up to the next quote, backslash or control character in one go.
      std::size_t run = pos_;
      while (run < text_.size() && text_[run] != '"' && text_[run] != '\\' &&
             static_cast<unsigned char>(text_[run]) >= 0x20) {
        ++run;
      }
      out.append(text_.data() + pos_, run - pos_);
      pos_ = run;
      if (pos_ >= text_.size()) return Fail("a string is not closed");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (c != '\\') return Fail("a control character in a string");
      ++pos_;
      if (pos_ >= text_.size()) return Fail("a string is not closed");
      const char e = text_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          Result<unsigned> cp = Hex4();
          if (!cp.ok()) return cp.status();
          unsigned code = *cp;
          if (code >= 0xD800 && code <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            const std::size_t save = pos_;
            pos_ += 2;
            Result<unsigned> low = Hex4();
            if (!low.ok()) return low.status();
            if (*low >= 0xDC00 && *low <= 0xDFFF) {
              code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
            } else {
              pos_ = save;  // a lone high surrogate; the next escape stands alone
            }
          }
          AppendUtf8(out, code);
          break;
        }
        default:
          --pos_;
          return Fail(std::string("unknown escape '\\") + e + "'");
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

const char* KindName(JsonNode::Kind kind) {
  switch (kind) {
    case JsonNode::Kind::kNull:
      return "null";
    case JsonNode::Kind::kBool:
      return "a boolean";
    case JsonNode::Kind::kNumber:
      return "a number";
    case JsonNode::Kind::kString:
      return "a string";
    case JsonNode::Kind::kArray:
      return "an array";
    case JsonNode::Kind::kObject:
      return "an object";
  }
  return "?";
}

}  // namespace

const JsonNode* JsonNode::Find(std::string_view key) const {
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

Result<JsonNode> ParseJsonTree(std::string_view text) {
  JsonNode root;
  KOOP_RETURN_IF_ERROR(Reader(text).Document(root));
  return root;
}

Result<const JsonNode*> JsonMember(const JsonNode& object, std::string_view key,
                                   JsonNode::Kind kind) {
  const JsonNode* node = object.Find(key);
  if (node == nullptr) return Status::DataError("'" + std::string(key) + "' is missing");
  if (node->kind != kind) {
    return Status::DataError("'" + std::string(key) + "' is not " + KindName(kind));
  }
  return node;
}

Result<std::string> JsonString(const JsonNode& object, std::string_view key) {
  Result<const JsonNode*> node = JsonMember(object, key, JsonNode::Kind::kString);
  if (!node.ok()) return node.status();
  return (*node)->text;
}

Result<std::int64_t> JsonInt(const JsonNode& object, std::string_view key) {
  Result<const JsonNode*> node = JsonMember(object, key, JsonNode::Kind::kNumber);
  if (!node.ok()) return node.status();
  std::int64_t value = 0;
  std::string_view raw = (*node)->raw;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || end != raw.data() + raw.size()) {
    return Status::DataError("'" + std::string(key) + "' is not a whole number");
  }
  return value;
}

Result<bool> JsonBool(const JsonNode& object, std::string_view key) {
  Result<const JsonNode*> node = JsonMember(object, key, JsonNode::Kind::kBool);
  if (!node.ok()) return node.status();
  return (*node)->boolean;
}

}  // namespace koop::exec
