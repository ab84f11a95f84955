// Turning a backend's error into a Status: constraint violations are bad data (kDataError, exit
// 65), a conflict with a concurrent transaction kTempFail (75: a lock wait that timed out, a
// PostgreSQL serialization failure or deadlock, or a unique key another transaction took first —
// koop checks every key under the row's lock before inserting it, so on PostgreSQL such a
// violation is a race, not bad data), everything else kIoError (74). Shared by both backends.
#pragma once

#include <string>
#include <string_view>

#include "koop/status.h"

namespace koop::store {

// `what` names the operation (a shortened statement, "commit", ...); `text` is the backend's
// message, of which only the first line is kept.
enum class DbErrorKind { kOther, kConstraint, kConflict };
Status DatabaseError(const std::string& database, std::string_view what, std::string text,
                     DbErrorKind kind);

// The first 60 characters of a statement on one line, for messages.
std::string ShortenSql(std::string_view sql);

}  // namespace koop::store
