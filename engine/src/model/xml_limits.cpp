#include "model/xml_limits.h"

#include <cstring>

namespace koop::model {
namespace {

class Scanner {
 public:
  explicit Scanner(const std::string& text) : text_(text) {}

  XmlShapeProblem Fail(std::size_t at, const std::string& message) const {
    std::size_t line = 1, bol = 0;
    for (std::size_t i = 0; i < at && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        bol = i + 1;
      }
    }
    return {static_cast<int>(line), static_cast<int>(at - bol + 1), message};
  }

  // Position after `end` searched from `from`, or the end of the text.
  std::size_t Skip(std::size_t from, const char* end) const {
    std::size_t at = text_.find(end, from);
    return at == std::string::npos ? text_.size() : at + std::strlen(end);
  }

  const std::string& text_;
};

}  // namespace

std::optional<XmlShapeProblem> CheckXmlShape(const std::string& text, const XmlLimits& limits) {
  Scanner s(text);
  if (text.size() > limits.max_bytes) {
    return s.Fail(0, "the file is " + std::to_string(text.size()) + " bytes (limit " +
                         std::to_string(limits.max_bytes) + ")");
  }
  std::size_t elements = 0, depth = 0, i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    std::size_t lt = text.find('<', i);
    if (lt == std::string::npos) break;
    if (text.compare(lt, 4, "<!--") == 0) {
      i = s.Skip(lt + 4, "-->");
    } else if (text.compare(lt, 9, "<![CDATA[") == 0) {
      i = s.Skip(lt + 9, "]]>");
    } else if (text.compare(lt, 2, "<?") == 0) {
      i = s.Skip(lt + 2, "?>");
    } else if (text.compare(lt, 2, "<!") == 0) {
      i = s.Skip(lt + 2, ">");
    } else if (text.compare(lt, 2, "</") == 0) {
      if (depth > 0) --depth;
      i = s.Skip(lt + 2, ">");
    } else {
      if (++elements > limits.max_elements) {
        return s.Fail(lt, "more than " + std::to_string(limits.max_elements) + " elements");
      }
      std::size_t attributes = 0;
      char quote = 0;
      std::size_t j = lt + 1;
      for (; j < n; ++j) {
        char c = text[j];
        if (quote != 0) {
          if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '=') {
          if (++attributes > limits.max_attributes) {
            return s.Fail(lt, "element has more than " + std::to_string(limits.max_attributes) +
                                  " attributes");
          }
        } else if (c == '>') {
          break;
        }
      }
      bool empty = j > lt && j < n && text[j - 1] == '/';
      if (!empty && ++depth > limits.max_depth) {
        return s.Fail(
            lt, "elements nested deeper than " + std::to_string(limits.max_depth) + " levels");
      }
      i = j + 1;
    }
  }
  return std::nullopt;
}

Status PrescanXml(const std::string& text, const std::string& name, const XmlLimits& limits) {
  std::optional<XmlShapeProblem> p = CheckXmlShape(text, limits);
  if (!p) return Status::Ok();
  return Status::DataError(name + ":" + std::to_string(p->line) + ":" + std::to_string(p->column) +
                           ": " + p->message);
}

}  // namespace koop::model
