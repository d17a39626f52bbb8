#include "core/recording_file_system.h"

#include "core/sha256.h"

namespace nianbao {

std::optional<std::string> RecordingFileSystem::Read(const std::string& path) const {
  std::optional<std::string> bytes = inner_.Read(path);
  if (bytes) {
    std::string digest = Sha256Hex(*bytes);  // outside the lock: the threads hash at once
    std::lock_guard lock(mutex_);
    digests_[path] = std::move(digest);
  }
  return bytes;
}

std::vector<DirEntry> RecordingFileSystem::List(const std::string& dir) const {
  {
    std::lock_guard lock(mutex_);
    if (auto it = listings_.find(dir); it != listings_.end()) return it->second;
  }
  std::vector<DirEntry> entries = inner_.List(dir);
  std::lock_guard lock(mutex_);
  return listings_.emplace(dir, std::move(entries)).first->second;
}

std::optional<std::string> RecordingFileSystem::DigestOf(const std::string& path) const {
  std::lock_guard lock(mutex_);
  auto it = digests_.find(path);
  if (it == digests_.end()) return std::nullopt;
  return it->second;
}

}  // namespace nianbao
