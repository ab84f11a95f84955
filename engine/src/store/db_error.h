// Turning a backend's error into a Status: constraint violations are bad data (kDataError, exit
// 65), everything else kIoError (74). Shared by the SQLite and PostgreSQL backends.
#pragma once

#include <string>
#include <string_view>

#include "koop/status.h"

namespace koop::store {

// `what` names the operation (a shortened statement, "commit", ...); `text` is the backend's
// message, of which only the first line is kept.
Status DatabaseError(const std::string& database, std::string_view what, std::string text,
                     bool constraint_violation);

// The first 60 characters of a statement on one line, for messages.
std::string ShortenSql(std::string_view sql);

}  // namespace koop::store
