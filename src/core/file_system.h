// Read-only access to a site folder, behind an interface so tests run in memory.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace nianbao {

struct DirEntry {
  std::string name;
  bool is_dir = false;
};

/// A tree of files addressed by '/'-separated paths relative to its root.
/// Implementations are safe to read from several threads at once.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// The bytes of a regular file, or nullopt if there is none.
  virtual std::optional<std::string> Read(const std::string& path) const = 0;
  /// Entries of a folder sorted by name (never in listing order); empty if none.
  virtual std::vector<DirEntry> List(const std::string& dir) const = 0;
  virtual bool IsDir(const std::string& path) const = 0;
  bool IsFile(const std::string& path) const { return Read(path).has_value(); }
  /// Reports entries that Read and List refuse to follow (symbolic links out of the tree,
  /// or in a loop), so that a build fails instead of silently missing them.
  virtual void CheckLinks(Diagnostics&) const {}
};

/// The real disk, below a root folder. Hidden entries (names starting with '.') and editor
/// backups (ending in '~') are skipped. Symbolic links are followed only while they stay
/// inside the root (a link to /etc/passwd in content/pages/ must not be published) and do
/// not lead back into a folder above them (a loop would make a walk endless); others are
/// neither listed nor read, and CheckLinks reports them.
class DiskFileSystem : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<DirEntry> List(const std::string& dir) const override;
  bool IsDir(const std::string& path) const override;
  /// Walks content/, templates/ and themes/ (what the loaders read).
  void CheckLinks(Diagnostics& diags) const override;
  const std::string& root() const { return root_; }

 private:
  std::string Full(const std::string& path) const;
  /// The resolved path of `path` if it lies inside the root, else "".
  std::string RealInside(const std::string& path) const;
  /// The resolved paths of `dir` and of each folder above it, up to the root.
  std::vector<std::string> RealAncestors(const std::string& dir) const;
  void CheckEntry(const std::string& dir, const std::string& real_dir, const std::string& name,
                  std::vector<std::string>& real_ancestors, Diagnostics& diags,
                  bool known_dir = false) const;
  /// Opens `path` ("" is the root) with `flags`, or -1 when it does not exist or lies
  /// outside the root.
  int OpenInside(const std::string& path, int flags) const;
  std::string root_;
  std::string real_root_;               // root_ with every symbolic link resolved
  std::shared_ptr<const int> root_fd_;  // the root folder, O_PATH; null if it cannot be opened
};

/// Files held in memory: path → bytes. Folders are implied by the paths.
class MemoryFileSystem : public FileSystem {
 public:
  MemoryFileSystem() = default;
  explicit MemoryFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  void Set(const std::string& path, std::string bytes) { files_[path] = std::move(bytes); }
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<DirEntry> List(const std::string& dir) const override;
  bool IsDir(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

/// Joins two '/'-separated path parts ("" on either side is dropped).
std::string JoinPath(const std::string& a, const std::string& b);

}  // namespace nianbao
