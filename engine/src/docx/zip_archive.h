// Reading a DOCX (zip) container defensively and writing a new one that reuses the unchanged
// entries of the template in their compressed form. The template's bytes are kept in memory by
// ZipArchive, so one archive can serve many renders; each write opens its own libzip handle over
// those bytes, which makes concurrent renders from one template safe.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "koop/status.h"

namespace koop::docx {

// Caps that turn a zip bomb into a clear error instead of exhausting memory.
struct ZipLimits {
  uint64_t max_entries = 20000;
  uint64_t max_entry_size = 64ull << 20;   // uncompressed bytes of one entry
  uint64_t max_total_size = 512ull << 20;  // uncompressed bytes of all entries
  uint64_t max_ratio = 200;                // uncompressed / compressed, for entries over 1 MiB
};

struct ZipEntry {
  std::string name;
  uint64_t size = 0;       // uncompressed
  uint64_t comp_size = 0;  // compressed
  int32_t method = 0;      // ZIP_CM_*
};

class ZipArchive {
 public:
  // Reads `path` and checks the central directory: entry names (no "..", no absolute or
  // backslash paths), declared sizes and ratios. Errors: 66 missing file, 74 unreadable,
  // 65 not a zip or hostile.
  static Result<std::shared_ptr<const ZipArchive>> Open(const std::string& path,
                                                        const ZipLimits& limits = {});
  // Same from bytes already in memory; `label` names the archive in messages.
  static Result<std::shared_ptr<const ZipArchive>> FromBytes(std::string bytes,
                                                             const std::string& label,
                                                             const ZipLimits& limits = {});

  const std::vector<ZipEntry>& entries() const { return entries_; }
  bool Has(const std::string& name) const { return index_.count(name) > 0; }
  // Decompresses one entry, never beyond the limits whatever the header claims.
  Result<std::string> Read(const std::string& name) const;

  // Writes a new archive to `out_path` with FileEnv::WriteFileAtomically (temporary file in the
  // same folder, then rename; only a regular file is replaced): entries of this archive in their
  // order, those named in `replaced` with the new content (deflated), all others copied without
  // decompressing. Nothing is left behind on error.
  // With `staged`, out_path is a new file in a private staging folder (FileEnv::WriteStagedFile).
  Status WriteWith(const std::map<std::string, std::string>& replaced, const std::string& out_path,
                   bool staged = false) const;

  const std::string& label() const { return label_; }

 private:
  ZipArchive() = default;
  std::string bytes_;
  std::string label_;
  ZipLimits limits_;
  std::vector<ZipEntry> entries_;
  std::map<std::string, size_t> index_;
};

// True when a zip entry name is a safe relative path.
bool IsSafeEntryName(const std::string& name);

}  // namespace koop::docx
