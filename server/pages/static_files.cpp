// GET /static/{file}: the stylesheet (and any plain script or image) of server/web/static/.
// Only plain names with a known extension; nothing else of the folder is reachable.
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "server/pages/pages.h"

namespace koop::server::pages {
namespace {

const std::map<std::string, std::string>& Types() {
  static const std::map<std::string, std::string> types = {
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".png", "image/png"},
      {".svg", "image/svg+xml"},
  };
  return types;
}

bool PlainName(const std::string& name) {
  if (name.empty() || name.size() > 64 || name.front() == '.') return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

void RegisterStaticRoutes(Router& router, const std::string& web_dir) {
  std::string dir = web_dir + "/static/";
  router.Add({"GET",
              "/static/{file}",
              Access::kPublic,
              {},
              [dir](Exchange& ex) {
                const std::string& name = ex.Param("file");
                auto type = Types().find(std::filesystem::path(name).extension().string());
                if (!PlainName(name) || type == Types().end()) {
                  ex.Send(404, "text/plain; charset=utf-8", "Nie znaleziono.\n");
                  return;
                }
                std::ifstream in(dir + name, std::ios::binary);
                if (!in) {
                  ex.Send(404, "text/plain; charset=utf-8", "Nie znaleziono.\n");
                  return;
                }
                std::ostringstream body;
                body << in.rdbuf();
                ex.SetHeader("Cache-Control", "public, max-age=3600");
                ex.Send(200, type->second, body.str());
              },
              ""});
}

}  // namespace koop::server::pages
