#include "server/server_log.h"

#include <Poco/Logger.h>

namespace koop::server {

void LogNotice(const std::string& text) { Poco::Logger::get(kServerLogger).notice(text); }

std::string LoggablePath(const std::string& path) {
  static const std::string kFeed = "/api/v1/feed/";
  if (path.compare(0, kFeed.size(), kFeed) == 0) return kFeed + "…";
  return path.substr(0, 200);
}

void LogWarning(const std::string& text) { Poco::Logger::get(kServerLogger).warning(text); }

void LogError(const std::string& text) { Poco::Logger::get(kServerLogger).error(text); }

}  // namespace koop::server
