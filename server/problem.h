// Problems: the API's errors as RFC 9457 application/problem+json documents. Each kind has a
// stable `type` URI (documented in docs/api/openapi.yaml and docs/server.md) that clients may
// match on; `title` is fixed per kind, `detail` says what happened in this request.
#pragma once

#include <string>

#include "koop/status.h"

namespace koop::server {

enum class ProblemKind {
  kBadRequest,        // 400 malformed JSON, missing or mistyped member
  kUnauthorized,      // 401 no valid session / bad credentials
  kForbidden,         // 403 signed in, but the role may not do this
  kCsrf,              // 403 missing or wrong X-CSRF-Token, or a foreign Origin
  kNotFound,          // 404 nothing there (also another tenant's id)
  kMethodNotAllowed,  // 405
  kRefused,           // 409 the current stage does not take the event, or a guard refuses it
  kTooLarge,          // 413
  kUnsupportedMedia,  // 415
  kInvalidData,       // 422 the engine refused the data (kDataError)
  kThrottled,         // 429 too many failed sign-ins
  kInternal,          // 500
  kUnavailable,       // 503 the database cannot be reached
};

int ProblemStatus(ProblemKind kind);
// Stable identifiers, "urn:kooperacja:problem:not-found".
std::string ProblemType(ProblemKind kind);
std::string ProblemTitle(ProblemKind kind);
// The document; `detail` may be empty. `extra_json` is a JSON object's members to merge ("" or
// "\"reason\":\"...\"").
std::string ProblemJson(ProblemKind kind, const std::string& detail,
                        const std::string& instance_path, const std::string& extra_members = "");
// The problem kind for a failed engine Status (kUsage/kDataError → 422, kNoInput → 404,
// kIoError → 503, kInternal → 500).
ProblemKind ProblemForStatus(const Status& status);

}  // namespace koop::server
