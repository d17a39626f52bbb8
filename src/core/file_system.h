// Read-only access to a site folder, behind an interface so tests run in memory.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

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
};

/// The real disk, below a root folder. Symlinks are followed; hidden entries
/// (names starting with '.') and editor backups (ending in '~') are skipped.
class DiskFileSystem : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root);
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<DirEntry> List(const std::string& dir) const override;
  bool IsDir(const std::string& path) const override;
  const std::string& root() const { return root_; }

 private:
  std::string Full(const std::string& path) const;
  std::string root_;
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
