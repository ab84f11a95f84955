// StatementCache: a connection's prepared statements, keyed by their SQL text. Store code passes
// the same literal SQL for the same operation, so every statement is compiled (SQLite) or
// prepared on the server (PostgreSQL) once per connection and then only bound and run. The cache
// is bounded: when it is full and no transaction is open, the backend drops all entries (SQL
// built with inline values cannot make it grow without limit).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace koop::store {

inline constexpr std::size_t kMaxCachedStatements = 256;

struct SqlTextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename Handle>
using StatementCache = std::unordered_map<std::string, Handle, SqlTextHash, std::equal_to<>>;

}  // namespace koop::store
