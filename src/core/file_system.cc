#include "core/file_system.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace nianbao {

namespace fs = std::filesystem;

std::string JoinPath(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a.back() == '/' ? a + b : a + "/" + b;
}

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {}

std::string DiskFileSystem::Full(const std::string& path) const { return JoinPath(root_, path); }

std::optional<std::string> DiskFileSystem::Read(const std::string& path) const {
  std::error_code ec;
  if (!fs::is_regular_file(Full(path), ec)) return std::nullopt;
  std::ifstream in(Full(path), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<DirEntry> DiskFileSystem::List(const std::string& dir) const {
  std::vector<DirEntry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(Full(dir), ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name.back() == '~') continue;
    std::error_code type_ec;
    entries.push_back({name, it->is_directory(type_ec)});
  }
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

bool DiskFileSystem::IsDir(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(Full(path), ec);
}

std::optional<std::string> MemoryFileSystem::Read(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<DirEntry> MemoryFileSystem::List(const std::string& dir) const {
  std::string prefix = dir.empty() ? "" : dir + "/";
  std::map<std::string, bool> names;  // name → is_dir, sorted
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string rest = it->first.substr(prefix.size());
    size_t slash = rest.find('/');
    if (slash == std::string::npos) {
      names.emplace(rest, false);
    } else {
      names[rest.substr(0, slash)] = true;
    }
  }
  std::vector<DirEntry> entries;
  for (const auto& [name, is_dir] : names) entries.push_back({name, is_dir});
  return entries;
}

bool MemoryFileSystem::IsDir(const std::string& path) const {
  std::string prefix = path.empty() ? "" : path + "/";
  auto it = files_.lower_bound(prefix);
  return it != files_.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace nianbao
