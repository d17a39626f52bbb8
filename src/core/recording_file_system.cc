#include "core/recording_file_system.h"

namespace nianbao {

std::optional<std::string> RecordingFileSystem::Read(const std::string& path) const {
  std::optional<std::string> bytes = inner_.Read(path);
  if (bytes) {
    const Sha256Digest digest = Sha256Of(*bytes);  // outside the lock: threads hash at once
    std::lock_guard lock(mutex_);
    digests_[path] = digest;
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
  return HexOf(it->second);
}

void RecordingFileSystem::Forget() {
  std::lock_guard lock(mutex_);
  std::map<std::string, Sha256Digest>().swap(digests_);
  std::map<std::string, std::vector<DirEntry>>().swap(listings_);
}

}  // namespace nianbao
