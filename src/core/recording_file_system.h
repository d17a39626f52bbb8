// A FileSystem that remembers what a build read through it, for the manifest's digest of
// content/: the SHA-256 of every file and the entries of every folder, so that the digest
// needs no second reading of the tree (6,000 files at 2k, read and hashed again after
// rendering).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/sha256.h"

namespace nianbao {

/// Reads through `inner` (which must outlive it). Thread-safe like `inner`.
class RecordingFileSystem : public FileSystem {
 public:
  explicit RecordingFileSystem(const FileSystem& inner) : inner_(inner) {}

  /// The file, as `inner` gives it; its SHA-256 is kept.
  std::optional<std::string> Read(const std::string& path) const override;
  /// The folder's entries, listed once: later calls give the same list.
  std::vector<DirEntry> List(const std::string& dir) const override;
  bool IsDir(const std::string& path) const override { return inner_.IsDir(path); }
  void CheckLinks(Diagnostics& diags) const override { inner_.CheckLinks(diags); }

  /// The SHA-256 (hex) of `path` as it was read, or nullopt if it was not.
  std::optional<std::string> DigestOf(const std::string& path) const;
  /// Drops what was recorded (at 120k reports it is ~60 MB), once it has served.
  void Forget();

 private:
  const FileSystem& inner_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, Sha256Digest> digests_;  // 32 bytes, not 64 digits
  mutable std::map<std::string, std::vector<DirEntry>> listings_;
};

}  // namespace nianbao
