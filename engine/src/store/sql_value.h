// SqlValue and SqlRow: the store's backend-neutral values. Store code binds parameters and reads
// results through them, so no Poco type leaks out of store/. Integers are 64-bit; timestamps are
// milliseconds since the epoch (UTC); JSON is stored as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace koop::store {

using SqlNull = std::monostate;
using SqlValue = std::variant<SqlNull, std::int64_t, std::string>;
using SqlParams = std::vector<SqlValue>;

// A NULL when `value` is empty, else the value.
inline SqlValue NullableText(const std::optional<std::string>& value) {
  return value ? SqlValue(*value) : SqlValue(SqlNull{});
}
inline SqlValue NullableInt(const std::optional<std::int64_t>& value) {
  return value ? SqlValue(*value) : SqlValue(SqlNull{});
}

// One result row. Backends report column types differently (SQLite by declared type, PostgreSQL
// by OID), so accessors convert between integer and text as asked.
class SqlRow {
 public:
  explicit SqlRow(std::vector<SqlValue> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool IsNull(std::size_t i) const { return std::holds_alternative<SqlNull>(cells_.at(i)); }
  std::int64_t Int(std::size_t i) const;  // NULL reads as 0
  std::string Text(std::size_t i) const;  // NULL reads as ""
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  std::optional<std::string> OptText(std::size_t i) const;

 private:
  std::vector<SqlValue> cells_;
};

using SqlRows = std::vector<SqlRow>;

}  // namespace koop::store
