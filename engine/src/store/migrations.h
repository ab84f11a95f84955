// The schema, as an append-only list of versioned migrations. Never edit a published migration:
// add a new one at the end (its version is its position, starting at 1). Statements shared by both
// backends use portable SQL (TEXT, BIGINT, text ids rather than autoincrement keys); the
// dialect-specific lists hold what cannot be shared (triggers).
#pragma once

#include <vector>

#include "store/database.h"

namespace koop::store {

struct Migration {
  int version;
  const char* description;
  std::vector<const char*> common;    // run on every backend, in order
  std::vector<const char*> sqlite;    // then these on SQLite
  std::vector<const char*> postgres;  // or these on PostgreSQL
};

const std::vector<Migration>& Migrations();

// The schema version this binary creates and understands (the last migration's version).
int LatestSchemaVersion();

}  // namespace koop::store
