#include "resource_dirs.h"

#include <filesystem>
#include <system_error>

namespace koop::runner {
namespace fs = std::filesystem;

#ifndef KOOP_INSTALL_DATADIR
#define KOOP_INSTALL_DATADIR "/usr/share/koop"
#endif
#ifndef KOOP_INSTALL_SYSCONFDIR
#define KOOP_INSTALL_SYSCONFDIR "/etc/koop"
#endif

namespace {

struct ResourceSpec {
  const char* option;      // the command's option, e.g. --workflows
  const char* config_key;  // e.g. workflows.dir
  const char* folder;      // its name in the current folder
  const char* installed;   // its name in the installed data folder
};

ResourceSpec SpecOf(Resource what) {
  switch (what) {
    case Resource::kWorkflows:
      return {"workflows", "workflows.dir", "workflows", "workflows"};
    case Resource::kMunicipalities:
      return {"municipalities", "municipalities.dir", "samples", "samples"};
    case Resource::kTemplates:
      return {"templates", "templates.dir", "doc-templates", "doc-templates"};
    case Resource::kSamples:
      return {"samples", "samples.dir", "samples", "samples"};
    case Resource::kWeb:
      return {"web", "web.dir", "server/web", "web"};
  }
  return {"", "", "", ""};
}

bool IsDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

// The folder holding the running binary (Linux), or empty.
fs::path BinaryDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

}  // namespace

std::vector<std::string> InstalledDataDirs() {
  std::vector<std::string> dirs;
  fs::path bin = BinaryDir();
  if (!bin.empty()) {
    fs::path beside = (bin / ".." / "share" / "koop").lexically_normal();
    if (beside != fs::path(KOOP_INSTALL_DATADIR)) dirs.push_back(beside.string());
  }
  dirs.push_back(KOOP_INSTALL_DATADIR);
  return dirs;
}

std::vector<std::string> ConfigFileCandidates() {
  return {"koop.properties", (fs::path(KOOP_INSTALL_SYSCONFDIR) / "koop.properties").string()};
}

Result<std::string> LocateDir(const Invocation& inv, Resource what) {
  const ResourceSpec spec = SpecOf(what);
  // An explicit choice is taken as it is: a wrong one is an error, never a silent fallback.
  std::string chosen, source;
  if (inv.Has(spec.option)) {
    chosen = inv.Get(spec.option);
    source = std::string("--") + spec.option;
  } else if (inv.config && inv.config->has(spec.config_key)) {
    chosen = inv.config->getString(spec.config_key);
    source = std::string("configuration key ") + spec.config_key;
  }
  if (!source.empty()) {
    if (IsDir(chosen)) return chosen;
    return Status::NoInput(source + ": " + chosen + ": no such folder");
  }
  std::vector<std::string> looked = {spec.folder};
  for (const std::string& data : InstalledDataDirs()) {
    looked.push_back((fs::path(data) / spec.installed).string());
  }
  for (const std::string& dir : looked) {
    if (IsDir(dir)) return dir;
  }
  std::string message = std::string(spec.folder) + ": no such folder; looked in";
  for (size_t i = 0; i < looked.size(); ++i) message += (i ? ", " : " ") + looked[i];
  message += std::string(" (choose one with --") + spec.option + " or the configuration key " +
             spec.config_key + ")";
  return Status::NoInput(message);
}

std::string DirOrDefault(const Invocation& inv, Resource what) {
  Result<std::string> dir = LocateDir(inv, what);
  if (dir.ok()) return *dir;
  return inv.Has(SpecOf(what).option) ? inv.Get(SpecOf(what).option) : SpecOf(what).folder;
}

}  // namespace koop::runner
