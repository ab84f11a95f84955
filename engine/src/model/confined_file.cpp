#include "model/confined_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace koop::model {
namespace {

namespace fs = std::filesystem;

bool Inside(const fs::path& file, const fs::path& root) {
  auto f = file.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++f) {
    if (r->empty()) continue;  // a trailing separator
    if (f == file.end() || *f != *r) return false;
  }
  return true;
}

Status Refuse(const std::string& src, const std::string& why) {
  return Status::DataError("'" + src + "' " + why);
}

}  // namespace

Result<std::string> ReadConfinedFile(const std::string& base_dir, const std::string& src) {
  std::string rel = src;
  if (rel.rfind("file:", 0) == 0) rel = rel.substr(5);
  if (rel.find("://") != std::string::npos || src.find("://") != std::string::npos) {
    return Refuse(src, "is not a local file (only files in the workflow's folder can be loaded)");
  }
  if (rel.empty()) return Refuse(src, "names no file");
  if (rel.find('\0') != std::string::npos) return Refuse(src, "contains a NUL character");
  fs::path p(rel);
  if (p.is_absolute()) {
    return Refuse(src, "is an absolute path (only files in the workflow's folder can be loaded)");
  }
  for (const auto& part : p) {
    if (part == "..") return Refuse(src, "leaves the workflow's folder ('..' is not allowed)");
  }
  std::error_code ec;
  fs::path base = fs::canonical(base_dir.empty() ? "." : base_dir, ec);
  if (ec) return Status::NoInput("cannot read '" + src + "': " + ec.message());
  fs::path joined = base / p;
  fs::path real = fs::canonical(joined, ec);
  if (ec) return Status::NoInput("cannot read '" + src + "': " + ec.message());
  bool inside = Inside(real, base);
  if (!inside) {
    fs::path rules = fs::canonical(base / "rules", ec);
    inside = !ec && fs::is_directory(rules, ec) && *p.begin() == "rules" && Inside(real, rules);
  }
  if (!inside) return Refuse(src, "leads out of the workflow's folder (a symbolic link)");
  // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked on the open file.
  int fd = ::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return Status::NoInput("cannot read '" + src + "'");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Refuse(src, "is not a regular file");
  }
  if (static_cast<std::size_t>(st.st_size) > kMaxConfinedFileBytes) {
    ::close(fd);
    return Refuse(src, "is " + std::to_string(st.st_size) + " bytes; at most " +
                           std::to_string(kMaxConfinedFileBytes) + " are read");
  }
  std::string out;
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      ::close(fd);
      return Status::IoError("cannot read '" + src + "'");
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > kMaxConfinedFileBytes) {  // grew while we read it
      ::close(fd);
      return Refuse(src, "grew beyond " + std::to_string(kMaxConfinedFileBytes) + " bytes");
    }
  }
  ::close(fd);
  return out;
}

}  // namespace koop::model
