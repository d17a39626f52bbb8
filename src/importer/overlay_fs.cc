#include "importer/overlay_fs.h"

#include <map>

namespace nianbao::importer {

std::optional<std::string> OverlayFileSystem::Read(const std::string& path) const {
  if (auto text = overlay_.Read(path)) return text;
  return base_.Read(path);
}

std::vector<DirEntry> OverlayFileSystem::List(const std::string& dir) const {
  std::map<std::string, bool> names;  // sorted, as every FileSystem lists
  for (const DirEntry& e : base_.List(dir)) names[e.name] = e.is_dir;
  for (const DirEntry& e : overlay_.List(dir)) names[e.name] = names[e.name] || e.is_dir;
  std::vector<DirEntry> out;
  for (const auto& [name, is_dir] : names) out.push_back({name, is_dir});
  return out;
}

bool OverlayFileSystem::IsDir(const std::string& path) const {
  return overlay_.IsDir(path) || base_.IsDir(path);
}

}  // namespace nianbao::importer
