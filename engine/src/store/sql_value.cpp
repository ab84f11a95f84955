#include "store/sql_value.h"

#include <charconv>

namespace koop::store {

std::int64_t SqlRow::Int(std::size_t i) const {
  const SqlValue& v = cells_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
  if (const auto* s = std::get_if<std::string>(&v)) {
    std::int64_t n = 0;
    std::from_chars(s->data(), s->data() + s->size(), n);
    return n;
  }
  return 0;
}

std::string SqlRow::Text(std::size_t i) const {
  const SqlValue& v = cells_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
  return "";
}

std::optional<std::int64_t> SqlRow::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<std::string> SqlRow::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

}  // namespace koop::store
