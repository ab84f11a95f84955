// FileEnv: the one way the engine and the runner read and write files. Reading is bounded (a
// size limit, regular files only), writing is atomic (a temporary file in the destination's
// folder, fsync, rename, fsync of the folder) and never replaces anything but a regular file:
// a symbolic link, FIFO, device node or folder at the destination is refused with 74 and left
// as it was. Groups of files (mail merges, document packs) are rendered into a temporary
// folder and moved into place together; when a move fails, what was moved is put back.
//
// DefaultFileEnv() is the real file system; it is stateless and safe to use from any thread.
// docs/files.md explains the choices.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "koop/status.h"

namespace koop {

class FileEnv {
 public:
  virtual ~FileEnv() = default;

  // The whole content of a regular file. Errors: 66 missing or not a regular file (a folder,
  // FIFO or device is never opened), 65 larger than `max_bytes` ("PATH: larger than N bytes"),
  // 74 unreadable.
  virtual Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) = 0;

  // OK when `path` is missing or a regular file; 74 naming what is there otherwise
  // ("PATH: refusing to replace a symbolic link (only regular files are replaced)").
  virtual Status CheckReplaceable(const std::string& path) = 0;

  // Writes `bytes` to a fresh temporary file beside `path` and renames it over `path`, after
  // CheckReplaceable. On any error nothing is left behind and `path` is unchanged. Errors: 74.
  virtual Status WriteFileAtomically(const std::string& path, std::string_view bytes) = 0;

  // Writes a new file into a private staging folder (MakeStagingDir, MakeTempDir) without making
  // it durable yet: MoveFilesInto flushes every staged file before moving it, so a group of N
  // documents costs one flush of the file system instead of two per document. Errors: 74.
  virtual Status WriteStagedFile(const std::string& path, std::string_view bytes) = 0;

  // Moves the file `from` over `to` (same file system), after CheckReplaceable(to). Errors: 74.
  virtual Status MoveIntoPlace(const std::string& from, const std::string& to) = 0;

  // Moves the files `names` from the folder `from_dir` into `to_dir` (created if missing). Every
  // file is flushed to disk and every destination checked first; if a move fails, the files moved so far are put back and the
  // files they replaced restored, so `to_dir` is as it was. Errors: 74.
  virtual Status MoveFilesInto(const std::string& from_dir, const std::vector<std::string>& names,
                               const std::string& to_dir) = 0;

  // Creates a new, empty, private (0700) folder inside the existing folder `parent`, named
  // `prefix` plus random characters, and returns its path. Errors: 74.
  virtual Result<std::string> MakeTempDir(const std::string& parent, const std::string& prefix) = 0;

  // Creates `path` and its missing parents. Errors: 74 (also when something else is there).
  virtual Status CreateDirectories(const std::string& path) = 0;

  // Removes a file or a folder with everything in it; a missing path is fine. Symbolic links are
  // removed, never followed. Errors: 74.
  virtual Status RemoveAll(const std::string& path) = 0;
};

// The real file system.
FileEnv& DefaultFileEnv();

// The folder of a path ("a/b.docx" -> "a", "b.docx" -> ".", "/x" -> "/").
std::string ParentDir(const std::string& path);

// A temporary folder beside the output folder `out_dir` (same file system, so its files can be
// moved into `out_dir` by rename): ".NAME.koop-WHAT-XXXXXXXX" in out_dir's parent.
Result<std::string> MakeStagingDir(FileEnv& env, const std::string& out_dir,
                                   const std::string& what);

// Removes a temporary folder when it goes out of scope, unless Release()d.
class TempDirGuard {
 public:
  TempDirGuard(FileEnv& env, std::string path) : env_(&env), path_(std::move(path)) {}
  ~TempDirGuard() {
    if (!path_.empty()) (void)env_->RemoveAll(path_);
  }
  TempDirGuard(const TempDirGuard&) = delete;
  TempDirGuard& operator=(const TempDirGuard&) = delete;
  const std::string& path() const { return path_; }

 private:
  FileEnv* env_;
  std::string path_;
};

}  // namespace koop
