#include "server/problem.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <sstream>

namespace koop::server {
namespace {

struct KindInfo {
  int status;
  const char* slug;
  const char* title;
};

KindInfo Info(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kBadRequest:
      return {400, "bad-request", "Bad request"};
    case ProblemKind::kUnauthorized:
      return {401, "unauthorized", "Not signed in"};
    case ProblemKind::kForbidden:
      return {403, "forbidden", "Not allowed for this role"};
    case ProblemKind::kCsrf:
      return {403, "csrf", "Cross-site request refused"};
    case ProblemKind::kNotFound:
      return {404, "not-found", "Not found"};
    case ProblemKind::kMethodNotAllowed:
      return {405, "method-not-allowed", "Method not allowed"};
    case ProblemKind::kRefused:
      return {409, "event-refused", "Event refused"};
    case ProblemKind::kTooLarge:
      return {413, "too-large", "Request body too large"};
    case ProblemKind::kUnsupportedMedia:
      return {415, "unsupported-media-type", "Unsupported media type"};
    case ProblemKind::kInvalidData:
      return {422, "invalid-data", "Invalid data"};
    case ProblemKind::kThrottled:
      return {429, "throttled", "Too many failed sign-ins"};
    case ProblemKind::kInternal:
      return {500, "internal", "Internal error"};
    case ProblemKind::kUnavailable:
      return {503, "unavailable", "Database unavailable"};
  }
  return {500, "internal", "Internal error"};
}

}  // namespace

int ProblemStatus(ProblemKind kind) { return Info(kind).status; }

std::string ProblemType(ProblemKind kind) {
  return std::string("urn:kooperacja:problem:") + Info(kind).slug;
}

std::string ProblemTitle(ProblemKind kind) { return Info(kind).title; }

std::string ProblemJson(ProblemKind kind, const std::string& detail,
                        const std::string& instance_path, const std::string& extra_members) {
  Poco::JSON::Object o;
  o.set("type", ProblemType(kind));
  o.set("title", ProblemTitle(kind));
  o.set("status", ProblemStatus(kind));
  if (!detail.empty()) o.set("detail", detail);
  if (!instance_path.empty()) o.set("instance", instance_path);
  std::ostringstream out;
  o.stringify(out);
  std::string text = out.str();
  if (!extra_members.empty()) {
    text.pop_back();  // '}'
    text += "," + extra_members + "}";
  }
  return text;
}

ProblemKind ProblemForStatus(const Status& status) {
  switch (status.code()) {
    case Code::kUsage:
    case Code::kDataError:
      return ProblemKind::kInvalidData;
    case Code::kNoInput:
      return ProblemKind::kNotFound;
    case Code::kIoError:
    case Code::kTempFail:  // a conflict with a concurrent writer that persisted: try again
      return ProblemKind::kUnavailable;
    case Code::kInternal:
    case Code::kOk:
      break;
  }
  return ProblemKind::kInternal;
}

}  // namespace koop::server
