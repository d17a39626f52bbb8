// A site folder as it would be with some files replaced: import runs the data checks on
// the data.yaml it is about to write, before anything is written.
#pragma once

#include "core/file_system.h"

namespace nianbao::importer {

class OverlayFileSystem : public FileSystem {
 public:
  OverlayFileSystem(const FileSystem& base, MemoryFileSystem overlay)
      : base_(base), overlay_(std::move(overlay)) {}
  std::optional<std::string> Read(const std::string& path) const override;
  std::vector<DirEntry> List(const std::string& dir) const override;
  bool IsDir(const std::string& path) const override;

 private:
  const FileSystem& base_;
  MemoryFileSystem overlay_;
};

}  // namespace nianbao::importer
