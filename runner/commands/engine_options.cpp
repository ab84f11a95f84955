#include "engine_options.h"

#include <pwd.h>
#include <unistd.h>

#include "koop/file_env.h"
#include "koop/json_check.h"
#include "resource_dirs.h"

namespace koop::runner {

DatabaseOptions DatabaseOptionsFrom(const Invocation& inv, bool create_if_missing) {
  DatabaseOptions options;
  options.uri = inv.db_uri;
  options.create_if_missing = create_if_missing;
  options.workflows_dir = DirOrDefault(inv, Resource::kWorkflows);
  options.municipalities_dir = DirOrDefault(inv, Resource::kMunicipalities);
  options.actor = inv.Get("actor", OsUser());
  return options;
}

std::string OsUser() {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name) {
    return pw->pw_name;
  }
  return "uid:" + std::to_string(geteuid());
}

Result<std::unique_ptr<Database>> OpenDatabase(const Invocation& inv, bool create_if_missing) {
  return Database::Open(DatabaseOptionsFrom(inv, create_if_missing));
}

Result<std::string> ReadDataOption(const Invocation& inv) {
  if (!inv.Has("data")) return std::string("{}");
  // Instance data is small; a bigger file is refused (65) rather than read into memory.
  constexpr uint64_t kMaxDataBytes = 16ull << 20;
  Result<std::string> text = DefaultFileEnv().ReadFile(inv.Get("data"), kMaxDataBytes);
  if (!text.ok()) return text;
  KOOP_RETURN_IF_ERROR(CheckJsonObjectText(*text, inv.Get("data")));
  return text;
}

Status WithDataFile(const Invocation& inv, const Status& status) {
  if (status.ok() || !inv.Has("data")) return status;
  const std::string kPrefix = "data: ";
  std::string out;
  std::size_t begin = 0;
  const std::string& m = status.message();
  while (begin <= m.size()) {
    std::size_t end = m.find('\n', begin);
    std::string line = m.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    if (line.starts_with(kPrefix)) line = inv.Get("data") + ": " + line.substr(kPrefix.size());
    out += (begin == 0 ? "" : "\n") + line;
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  return Status(status.code(), out);
}

}  // namespace koop::runner
