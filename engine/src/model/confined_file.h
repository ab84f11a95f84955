// Reading the files a workflow names (<data src>, <script src>, <invoke src>): only regular
// files inside the workflow's own folder, of bounded size. A workflow is data that may come from
// anyone who can upload one; without this, src="/etc/passwd" landed in the database and
// src="/dev/zero" read 2 GB. The rules (docs/sandbox.md):
//  - relative paths only ("file:" prefix allowed), no "..", no other URL scheme;
//  - after resolving symbolic links the file lies inside the workflow's folder, or inside its
//    rules/ subfolder (which may itself be a link to the shared rule library);
//  - a regular file (no device, FIFO, socket or folder) of at most kMaxConfinedFileBytes.
#pragma once

#include <cstddef>
#include <string>

#include "koop/status.h"

namespace koop::model {

inline constexpr std::size_t kMaxConfinedFileBytes = 1u << 20;

// Reads `src` relative to `base_dir`. Errors (kDataError, kNoInput for a missing file) carry a
// message without the place; the caller adds file:line:col.
Result<std::string> ReadConfinedFile(const std::string& base_dir, const std::string& src);

}  // namespace koop::model
