// The `after` cursor of the task and deadline lists (keyset paging): the key of a page's last
// deadline (due time, instance, deadline, occurrence) as an opaque URL-safe token, the `next`
// member of an answer that has more. It names a place in the order, not a row, so a page read
// after that deadline was closed still starts right after it.
#pragma once

#include <optional>
#include <string>

#include "koop/directory.h"

namespace koop::server {

// base64url (no padding) of the JSON array [dueAt, "instance", "deadline", occurrence].
std::string EncodeDeadlineCursor(const DeadlineListing& last);
// nullopt for anything EncodeDeadlineCursor did not make (bad base64, JSON or member types).
std::optional<DeadlineCursor> DecodeDeadlineCursor(const std::string& token);

}  // namespace koop::server
