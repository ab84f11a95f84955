// PosixFileEnv: FileEnv on the real file system through POSIX calls. Destinations are checked
// with lstat() so a symbolic link is seen as a link, never followed; files are opened with
// O_NONBLOCK so a FIFO can never block a read, and checked again with fstat() after opening.
#include "koop/file_env.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace koop {
namespace {

std::string Errno(int err) { return std::strerror(err); }

std::string StripTrailingSlashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

std::string Join(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

std::string BaseName(const std::string& path) {
  std::string p = StripTrailingSlashes(path);
  size_t slash = p.rfind('/');
  return slash == std::string::npos ? p : p.substr(slash + 1);
}

// What sits at a destination, for the refusal message; empty for a regular file.
std::string KindName(mode_t mode) {
  if (S_ISREG(mode)) return std::string();
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

std::string RandomSuffix() {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char raw[8];
  if (::getrandom(raw, sizeof raw, 0) != static_cast<ssize_t>(sizeof raw)) {
    for (unsigned char& c : raw) c = static_cast<unsigned char>(std::rand());
  }
  std::string s;
  for (unsigned char c : raw) s += kChars[c % (sizeof kChars - 1)];
  return s;
}

// Makes a rename durable: the folder's entry is flushed too. Best effort (some file systems
// refuse fsync on folders), so it reports nothing.
void SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

// Staged files are flushed to disk before they are renamed into place (a rename that reaches the
// disk before the data would leave an empty document after a power cut). One syncfs() of the
// staging folder's file system flushes the whole group with one device flush; an fsync per file
// cost a device flush each (7-14 ms per document on the VM this was measured on).
Status CheckStaged(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0)
    return Status::IoError(path + ": cannot write: " + Errno(errno));
  if (!S_ISREG(st.st_mode)) {
    return Status::IoError(path + ": cannot write: not a regular file (" + KindName(st.st_mode) +
                           ")");
  }
  return Status::Ok();
}

Status SyncFileSystemOf(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(dir + ": cannot write: " + Errno(errno));
  Status s;
  if (::syncfs(fd) != 0) s = Status::IoError(dir + ": cannot write: " + Errno(errno));
  ::close(fd);
  return s;
}

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(path + ": cannot write: " + Errno(n < 0 ? errno : EIO));
    done += static_cast<size_t>(n);
  }
  return Status::Ok();
}

class PosixFileEnv final : public FileEnv {
 public:
  Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      if (err == ENOENT || err == ENOTDIR) return Status::NoInput(path + ": no such file");
      return Status::IoError(path + ": cannot read: " + Errno(err));
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      std::string kind = ::fstat(fd, &st) == 0 ? KindName(st.st_mode) : "unknown";
      ::close(fd);
      return Status::NoInput(path + ": not a regular file (" + kind + ")");
    }
    if (static_cast<uint64_t>(st.st_size) > max_bytes) {
      ::close(fd);
      return Status::DataError(path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
    std::string out;
    out.resize(static_cast<size_t>(st.st_size));
    size_t got = 0;
    while (true) {
      if (got == out.size()) {
        // The file may have grown since fstat: read on, still within the limit.
        if (out.size() > max_bytes) break;
        out.resize(std::min<uint64_t>(max_bytes + 1, out.size() + 65536));
      }
      ssize_t n = ::read(fd, out.data() + got, out.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        int err = errno;
        ::close(fd);
        return Status::IoError(path + ": cannot read: " + Errno(err));
      }
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got > max_bytes) {
      return Status::DataError(path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
    out.resize(got);
    return out;
  }

  Status CheckReplaceable(const std::string& path) override {
    struct stat st;
    if (::lstat(path.c_str(), &st) != 0) {
      if (errno == ENOENT) return Status::Ok();
      return Status::IoError(path + ": " + Errno(errno));
    }
    std::string kind = KindName(st.st_mode);
    if (kind.empty()) return Status::Ok();
    return Status::IoError(path + ": refusing to replace " + kind +
                           " (only regular files are replaced)");
  }

  Status WriteFileAtomically(const std::string& path, std::string_view bytes) override {
    KOOP_RETURN_IF_ERROR(CheckReplaceable(path));
    std::string dir = ParentDir(path);
    std::string tmp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
      tmp = Join(dir, "." + BaseName(path) + ".tmp-" + RandomSuffix());
      // 0666 and the umask, like any file the user creates.
      fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0 && errno != EEXIST) {
        return Status::IoError(path + ": cannot create file: " + Errno(errno));
      }
    }
    if (fd < 0) return Status::IoError(path + ": cannot create a temporary file");
    Status s = WriteAll(fd, bytes, path);
    if (s.ok() && ::fsync(fd) != 0) s = Status::IoError(path + ": cannot write: " + Errno(errno));
    if (::close(fd) != 0 && s.ok()) s = Status::IoError(path + ": cannot write: " + Errno(errno));
    if (s.ok()) s = MoveIntoPlace(tmp, path);
    if (!s.ok()) ::unlink(tmp.c_str());
    return s;
  }

  Status WriteStagedFile(const std::string& path, std::string_view bytes) override {
    // O_EXCL: the staging folder is private and fresh, so anything already there is not ours.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) return Status::IoError(path + ": cannot create file: " + Errno(errno));
    Status s = WriteAll(fd, bytes, path);
    if (::close(fd) != 0 && s.ok()) s = Status::IoError(path + ": cannot write: " + Errno(errno));
    if (!s.ok()) ::unlink(path.c_str());
    return s;
  }

  Status MoveIntoPlace(const std::string& from, const std::string& to) override {
    KOOP_RETURN_IF_ERROR(CheckReplaceable(to));
    if (::rename(from.c_str(), to.c_str()) != 0) {
      return Status::IoError(to + ": cannot write: " + Errno(errno));
    }
    SyncDir(ParentDir(to));
    return Status::Ok();
  }

  Status MoveFilesInto(const std::string& from_dir, const std::vector<std::string>& names,
                       const std::string& to_dir) override {
    struct stat st;
    bool created = false;
    if (::lstat(to_dir.c_str(), &st) != 0) {
      KOOP_RETURN_IF_ERROR(CreateDirectories(to_dir));
      created = true;
    } else if (!S_ISDIR(st.st_mode)) {
      return Status::IoError(to_dir + ": not a folder (" + KindName(st.st_mode) + ")");
    }
    Status ready;
    for (const std::string& name : names) {
      ready = CheckReplaceable(Join(to_dir, name));
      if (ready.ok()) ready = CheckStaged(Join(from_dir, name));
      if (!ready.ok()) break;
    }
    if (ready.ok() && !names.empty()) ready = SyncFileSystemOf(from_dir);
    if (!ready.ok()) {
      if (created) ::rmdir(to_dir.c_str());
      return ready;
    }
    // Files replaced are parked in a folder beside the new ones (same file system) until all
    // moves succeeded, so a failure can restore them.
    auto parking = MakeTempDir(to_dir, ".koop-replaced-");
    if (!parking.ok()) return parking.status();
    TempDirGuard parking_guard(*this, *parking);
    std::vector<std::pair<std::string, bool>> moved;  // name, replaced an existing file
    Status failure;
    for (const std::string& name : names) {
      std::string dest = Join(to_dir, name);
      bool existed = ::lstat(dest.c_str(), &st) == 0;
      if (existed && ::rename(dest.c_str(), Join(*parking, name).c_str()) != 0) {
        failure = Status::IoError(dest + ": cannot move aside: " + Errno(errno));
        break;
      }
      if (::rename(Join(from_dir, name).c_str(), dest.c_str()) != 0) {
        failure = Status::IoError(dest + ": cannot write: " + Errno(errno));
        if (existed) (void)::rename(Join(*parking, name).c_str(), dest.c_str());
        break;
      }
      moved.emplace_back(name, existed);
    }
    if (failure.ok()) {
      SyncDir(to_dir);
      return failure;
    }
    for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
      std::string dest = Join(to_dir, it->first);
      (void)::rename(dest.c_str(), Join(from_dir, it->first).c_str());
      if (it->second) (void)::rename(Join(*parking, it->first).c_str(), dest.c_str());
    }
    if (created) {
      (void)RemoveAll(*parking);
      ::rmdir(to_dir.c_str());
    }
    return failure;
  }

  Result<std::string> MakeTempDir(const std::string& parent, const std::string& prefix) override {
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string path = Join(parent, prefix + RandomSuffix());
      if (::mkdir(path.c_str(), 0700) == 0) return path;
      if (errno != EEXIST) {
        return Status::IoError(path + ": cannot create folder: " + Errno(errno));
      }
    }
    return Status::IoError(parent + ": cannot create a temporary folder");
  }

  Status CreateDirectories(const std::string& path) override {
    std::error_code ec;
    std::filesystem::create_directories(StripTrailingSlashes(path), ec);
    if (ec) return Status::IoError(path + ": cannot create folder: " + ec.message());
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
      return Status::IoError(path + ": cannot create folder: something else is there");
    }
    return Status::Ok();
  }

  Status RemoveAll(const std::string& path) override {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
    if (ec) return Status::IoError(path + ": cannot remove: " + ec.message());
    return Status::Ok();
  }
};

}  // namespace

FileEnv& DefaultFileEnv() {
  static PosixFileEnv env;
  return env;
}

std::string ParentDir(const std::string& path) {
  std::string p = StripTrailingSlashes(path);
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return p.substr(0, slash);
}

Result<std::string> MakeStagingDir(FileEnv& env, const std::string& out_dir,
                                   const std::string& what) {
  return env.MakeTempDir(ParentDir(out_dir), "." + BaseName(out_dir) + ".koop-" + what + "-");
}

}  // namespace koop
