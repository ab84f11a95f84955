// ServerLog: every line `koop serve` writes to its log goes through here, to the Poco logger
// "koop.serve". The runner's formatter (runner/log_format.h) prefixes each line with the context
// id of the thread (koop/log_context.h): the request handler sets the request id for the whole
// request, `koop serve` sets "serve" for start and stop. Callers pass ids, paths and codes, never
// a personal field (DESIGN.md §10): tests/api/log_test.py greps the whole log for marker values.
// Thread-safe (Poco's loggers are).
#pragma once

#include <string>

namespace koop::server {

inline constexpr const char* kServerLogger = "koop.serve";

// The line of each request (method, path, status, time), start and stop: left out under
// --quiet (notice priority; `koop serve` lowers its logger's level to notice otherwise).
void LogNotice(const std::string& text);
// The path as it may be logged: a credential in it (the token of an .ics feed URL) is replaced by
// "…"; at most 200 bytes.
std::string LoggablePath(const std::string& path);

void LogWarning(const std::string& text);
void LogError(const std::string& text);

}  // namespace koop::server
