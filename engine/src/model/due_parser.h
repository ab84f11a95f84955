// Parsing of a <k:deadline due="..."> expression into a DueSpec (grammar in koop_plan.h).
// Hand-written because the grammar is five tokens long; no library fits better.
#pragma once

#include <cctype>
#include <string>

#include "koop/status.h"
#include "model/koop_plan.h"

namespace koop::model {

Result<DueSpec> ParseDue(const std::string& text);
// A <k:recurring every="..."> value (grammar in koop_plan.h, EverySpec).
Result<EverySpec> ParseEvery(const std::string& text);

// Splits a due expression into words, punctuation "(", ")", "+", "-" and quoted names.
class DueLexer {
 public:
  explicit DueLexer(const std::string& text) : text_(text) {}
  bool AtEnd() {
    Skip();
    return pos_ >= text_.size();
  }
  std::string Next() {
    Skip();
    if (pos_ >= text_.size()) return {};
    char c = text_[pos_];
    if (c == '(' || c == ')' || c == '+' || c == '-') return std::string(1, text_[pos_++]);
    if (c == '\'' || c == '"') {
      std::size_t end = text_.find(c, pos_ + 1);
      if (end == std::string::npos) end = text_.size() - 1;
      std::string out = text_.substr(pos_, end - pos_ + 1);
      pos_ = end + 1;
      return out;
    }
    std::size_t start = pos_;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           text_[pos_] != '(' && text_[pos_] != ')' && text_[pos_] != '+' &&
           !(text_[pos_] == '-' && pos_ > start && text_[start] != 'P')) {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }

 private:
  void Skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  const std::string& text_;
  std::size_t pos_ = 0;
};

}  // namespace koop::model
