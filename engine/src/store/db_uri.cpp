#include "store/db_uri.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace koop::store {
namespace {

// Quotes a libpq keyword value: single quotes with backslash escapes.
std::string QuoteValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void AddKeyword(std::string& cs, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  if (!cs.empty()) cs += ' ';
  cs += key + "=" + QuoteValue(value);
}

Result<DbUri> ParsePostgres(const std::string& text) {
  Poco::URI uri;
  try {
    uri = Poco::URI(text);
  } catch (const Poco::Exception& e) {
    return Status::Usage("database URI: malformed PostgreSQL URI: " + e.message());
  }
  DbUri db;
  db.kind = DbUri::Kind::kPostgres;
  std::string user = uri.getUserInfo();
  std::string password;
  if (auto colon = user.find(':'); colon != std::string::npos) {
    password = user.substr(colon + 1);
    user = user.substr(0, colon);
  }
  std::string decoded_user, decoded_password;
  Poco::URI::decode(user, decoded_user);
  Poco::URI::decode(password, decoded_password);
  std::string dbname = uri.getPath();
  if (!dbname.empty() && dbname[0] == '/') dbname.erase(0, 1);
  if (dbname.find('/') != std::string::npos) {
    return Status::Usage("database URI: PostgreSQL URI path must be a database name: " + text);
  }
  if (uri.getHost().empty())
    return Status::Usage("database URI: PostgreSQL URI has no host: " + text);
  std::string cs;
  AddKeyword(cs, "host", uri.getHost());
  if (uri.getPort() != 0) AddKeyword(cs, "port", std::to_string(uri.getPort()));
  AddKeyword(cs, "user", decoded_user);
  AddKeyword(cs, "password", decoded_password);
  AddKeyword(cs, "dbname", dbname);
  for (const auto& [key, value] : uri.getQueryParameters()) AddKeyword(cs, key, value);
  db.connection_string = cs;
  db.display = "postgresql://" + (decoded_user.empty() ? "" : decoded_user + "@") + uri.getHost() +
               (uri.getPort() != 0 ? ":" + std::to_string(uri.getPort()) : "") + "/" + dbname;
  return db;
}

}  // namespace

Result<DbUri> ParseDbUri(const std::string& text) {
  if (text.empty()) return Status::Usage("database URI: empty database URI");
  if (text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0) {
    return ParsePostgres(text);
  }
  DbUri db;
  db.sqlite_path = text.rfind("sqlite:", 0) == 0 ? text.substr(7) : text;
  if (db.sqlite_path.empty()) return Status::Usage("database URI: empty SQLite path");
  if (auto scheme = db.sqlite_path.find("://"); scheme != std::string::npos) {
    return Status::Usage("database URI: unknown database scheme '" +
                         db.sqlite_path.substr(0, scheme) +
                         "' (use a SQLite path or postgresql://...)");
  }
  db.display = db.sqlite_path;
  return db;
}

}  // namespace koop::store
