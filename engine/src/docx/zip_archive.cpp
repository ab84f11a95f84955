// libzip adapter. All libzip handles are local to one call; the archive itself is plain bytes.
#include "docx/zip_archive.h"

#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "koop/file_env.h"

namespace koop::docx {
namespace {

std::string ZipErrorText(zip_error_t* error) {
  const char* s = zip_error_strerror(error);
  return s ? s : "unknown zip error";
}

// Opens a read-only libzip handle over `bytes` (which must outlive the handle).
zip_t* OpenFromBytes(const std::string& bytes, std::string* why) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    *why = ZipErrorText(&error);
    zip_error_fini(&error);
    return nullptr;
  }
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (za == nullptr) {
    *why = ZipErrorText(&error);
    zip_source_free(src);
  }
  zip_error_fini(&error);
  return za;
}

struct ZipCloser {
  void operator()(zip_t* za) const { zip_discard(za); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

}  // namespace

bool IsSafeEntryName(const std::string& name) {
  if (name.empty() || name[0] == '/' || name.find('\\') != std::string::npos ||
      name.find('\0') != std::string::npos) {
    return false;
  }
  if (name.size() >= 2 && name[1] == ':') return false;  // drive letter
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string::npos) end = name.size();
    if (name.compare(start, end - start, "..") == 0 && end - start == 2) return false;
    start = end + 1;
  }
  return true;
}

Result<std::shared_ptr<const ZipArchive>> ZipArchive::Open(const std::string& path,
                                                           const ZipLimits& limits) {
  auto bytes = DefaultFileEnv().ReadFile(path, limits.max_total_size);
  if (!bytes.ok()) {
    if (bytes.status().code() == Code::kDataError) {
      return Status::DataError(path + ": file too large for a template");
    }
    return bytes.status();
  }
  return FromBytes(std::move(bytes).value(), path, limits);
}

Result<std::shared_ptr<const ZipArchive>> ZipArchive::FromBytes(std::string bytes,
                                                                const std::string& label,
                                                                const ZipLimits& limits) {
  std::shared_ptr<ZipArchive> archive(new ZipArchive());
  archive->bytes_ = std::move(bytes);
  archive->label_ = label;
  archive->limits_ = limits;
  std::string why;
  ZipHandle za(OpenFromBytes(archive->bytes_, &why));
  if (!za) return Status::DataError(label + ": not a valid DOCX (zip) file: " + why);
  zip_int64_t n = zip_get_num_entries(za.get(), 0);
  if (n < 0 || static_cast<uint64_t>(n) > limits.max_entries) {
    return Status::DataError(label + ": too many zip entries");
  }
  uint64_t total = 0;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za.get(), i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
      return Status::DataError(label + ": unreadable zip entry #" + std::to_string(i));
    }
    ZipEntry e;
    e.name = st.name;
    e.size = st.size;
    e.comp_size = st.comp_size;
    e.method = st.comp_method;
    if (!IsSafeEntryName(e.name)) {
      return Status::DataError(label + ": zip entry '" + e.name +
                               "' has an unsafe path (absolute or with '..')");
    }
    if (archive->index_.count(e.name)) {
      return Status::DataError(label + ": duplicate zip entry '" + e.name + "'");
    }
    if (e.size > limits.max_entry_size) {
      return Status::DataError(label + ": zip entry '" + e.name + "' declares " +
                               std::to_string(e.size) + " bytes, over the limit of " +
                               std::to_string(limits.max_entry_size) + " (zip bomb?)");
    }
    if (e.size > (1u << 20) && e.size / (e.comp_size ? e.comp_size : 1) > limits.max_ratio) {
      return Status::DataError(label + ": zip entry '" + e.name +
                               "' has a compression ratio over " +
                               std::to_string(limits.max_ratio) + ":1 (zip bomb?)");
    }
    total += e.size;
    if (total > limits.max_total_size) {
      return Status::DataError(label + ": zip entries expand to more than " +
                               std::to_string(limits.max_total_size) + " bytes (zip bomb?)");
    }
    archive->index_[e.name] = archive->entries_.size();
    archive->entries_.push_back(std::move(e));
  }
  return std::shared_ptr<const ZipArchive>(std::move(archive));
}

Result<std::string> ZipArchive::Read(const std::string& name) const {
  auto it = index_.find(name);
  if (it == index_.end()) return Status::DataError(label_ + ": missing part " + name);
  std::string why;
  ZipHandle za(OpenFromBytes(bytes_, &why));
  if (!za) return Status::DataError(label_ + ": " + why);
  zip_file_t* f = zip_fopen_index(za.get(), it->second, 0);
  if (f == nullptr) {
    return Status::DataError(label_ + ": cannot open part " + name + ": " + zip_strerror(za.get()));
  }
  std::string out;
  out.reserve(entries_[it->second].size);
  char chunk[65536];
  while (true) {
    zip_int64_t got = zip_fread(f, chunk, sizeof chunk);
    if (got < 0) {
      std::string msg = zip_file_strerror(f);
      zip_fclose(f);
      return Status::DataError(label_ + ": part " + name + " is corrupt: " + msg);
    }
    if (got == 0) break;
    out.append(chunk, static_cast<size_t>(got));
    if (out.size() > limits_.max_entry_size || out.size() > entries_[it->second].size) {
      zip_fclose(f);
      return Status::DataError(label_ + ": part " + name +
                               " expands beyond its declared size or the limit (zip bomb?)");
    }
  }
  zip_fclose(f);
  return out;
}

Status ZipArchive::WriteWith(const std::map<std::string, std::string>& replaced,
                             const std::string& out_path, bool staged) const {
  // The archive is assembled in memory and written with one write(): libzip's own file output
  // would add a temporary file and a rename per document.
  std::string why;
  ZipHandle in(OpenFromBytes(bytes_, &why));
  if (!in) return Status::IoError(out_path + ": " + why);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* mem = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (mem == nullptr) return Status::Internal("libzip: " + ZipErrorText(&error));
  zip_source_keep(mem);
  struct SourceFree {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
  };
  std::unique_ptr<zip_source_t, SourceFree> mem_guard(mem);
  zip_t* out = zip_open_from_source(mem, ZIP_TRUNCATE, &error);
  if (out == nullptr) return Status::Internal("libzip: " + ZipErrorText(&error));
  ZipHandle out_guard(out);
  for (size_t i = 0; i < entries_.size(); ++i) {
    const ZipEntry& e = entries_[i];
    auto rep = replaced.find(e.name);
    zip_source_t* src;
    if (rep != replaced.end()) {
      src = zip_source_buffer(out, rep->second.data(), rep->second.size(), 0);
    } else {
      src = zip_source_zip(out, in.get(), i, ZIP_FL_COMPRESSED, 0, -1);
    }
    if (src == nullptr) return Status::Internal(std::string("libzip: ") + zip_strerror(out));
    zip_int64_t idx = zip_file_add(out, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      return Status::Internal(std::string("libzip: ") + zip_strerror(out));
    }
    if (rep != replaced.end()) {
      // Level 1 keeps big generated parts (10,000-row tables) fast; small parts barely differ.
      zip_set_file_compression(out, idx, ZIP_CM_DEFLATE, rep->second.size() > (256u << 10) ? 1 : 6);
    } else {
      zip_set_file_compression(out, idx, e.method, 0);
    }
  }
  if (zip_close(out) != 0) {
    return Status::Internal(std::string("libzip: cannot assemble the document: ") +
                            zip_strerror(out));
  }
  out_guard.release();
  std::string bytes;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(mem, &st) != 0 || zip_source_open(mem) != 0) {
    return Status::Internal("libzip: cannot read the assembled document");
  }
  bytes.resize(st.size);
  zip_int64_t got = zip_source_read(mem, bytes.data(), bytes.size());
  zip_source_close(mem);
  if (got != static_cast<zip_int64_t>(bytes.size())) {
    return Status::Internal("libzip: short read of the assembled document");
  }
  if (staged) return DefaultFileEnv().WriteStagedFile(out_path, bytes);
  return DefaultFileEnv().WriteFileAtomically(out_path, bytes);
}

}  // namespace koop::docx
