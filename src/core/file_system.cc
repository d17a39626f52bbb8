#include "core/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

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

namespace {

// Names the loaders never see.
bool Skipped(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~';
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  fs::path real = fs::weakly_canonical(root_.empty() ? "." : root_, ec);
  real_root_ = ec ? root_ : real.string();
  const int fd =
      open(real_root_.empty() ? "." : real_root_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    root_fd_ = std::shared_ptr<const int>(new int(fd), [](const int* p) {
      close(*p);
      delete p;
    });
}

std::string DiskFileSystem::Full(const std::string& path) const { return JoinPath(root_, path); }

std::string DiskFileSystem::RealInside(const std::string& path) const {
  std::error_code ec;
  std::string real = fs::canonical(Full(path), ec).string();
  if (ec) return "";
  if (real == real_root_ ||
      (real.size() > real_root_.size() && real.compare(0, real_root_.size(), real_root_) == 0 &&
       (real[real_root_.size()] == '/' || real_root_.back() == '/'))) {
    return real;
  }
  return "";
}

std::vector<std::string> DiskFileSystem::RealAncestors(const std::string& dir) const {
  std::vector<std::string> out = {real_root_};
  for (size_t slash = dir.find('/'); !dir.empty(); slash = dir.find('/', slash + 1)) {
    out.push_back(RealInside(dir.substr(0, slash)));
    if (slash == std::string::npos) break;
  }
  return out;
}

// Resolving a path ourselves costs a readlink per component for every file read (110,000
// calls for a 2,000-report site). openat2 with RESOLVE_BENEATH lets the kernel refuse, in
// the one open, a path that leaves the root by ".." or a link; it also refuses absolute
// links, even ones that stay inside, and may be missing or filtered: those cases take the
// slow, exact path.
int DiskFileSystem::OpenInside(const std::string& path, int flags) const {
  if (root_fd_ && (path.empty() || path[0] != '/')) {
    struct open_how how = {};
    how.flags = static_cast<unsigned>(flags) | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH;
    long fd;
    do {
      fd = syscall(SYS_openat2, *root_fd_, path.empty() ? "." : path.c_str(), &how, sizeof how);
    } while (fd < 0 && (errno == EINTR || errno == EAGAIN));
    if (fd >= 0) return static_cast<int>(fd);
    if (errno == ENOENT || errno == ENOTDIR) return -1;
  }
  const std::string real = RealInside(path);
  return real.empty() ? -1 : open(real.c_str(), flags | O_CLOEXEC);
}

std::optional<std::string> DiskFileSystem::Read(const std::string& path) const {
  // One open, one fstat, reads straight into the string (no stream buffers to copy through).
  int fd = OpenInside(path, O_RDONLY);
  if (fd < 0) return std::nullopt;
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return std::nullopt;
  }
  // One byte more than the file: the read that finds its end needs room, or the whole
  // string would be copied to grow it.
  const size_t size = static_cast<size_t>(st.st_size);
  std::string bytes(size + 1, '\0');
  size_t got = 0;
  while (true) {
    if (got == bytes.size()) bytes.resize(got + 4096);  // the file grew, or /proc-like
    ssize_t n = read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
    // The whole file as fstat saw it, with room left: no read to find the end (a regular
    // file's one read gives all it has, short of an error or a signal).
    if (size > 0 && got == size) break;
  }
  close(fd);
  bytes.resize(got);
  return bytes;
}

std::vector<DirEntry> DiskFileSystem::List(const std::string& dir) const {
  std::vector<DirEntry> entries;
  const int fd = OpenInside(dir, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return entries;
  DIR* d = fdopendir(fd);
  if (!d) {
    close(fd);
    return entries;
  }
  std::vector<std::string> ancestors;  // found when the first folder link needs them
  while (const dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (Skipped(name)) continue;
    unsigned char type = e->d_type;
    if (type == DT_UNKNOWN) {  // some file systems do not say: ask
      struct stat st;
      if (fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISLNK(st.st_mode) ? DT_LNK : S_ISDIR(st.st_mode) ? DT_DIR : DT_REG;
    }
    if (type != DT_LNK) {
      entries.push_back({name, type == DT_DIR});
      continue;
    }
    const std::string real = RealInside(JoinPath(dir, name));
    if (real.empty()) continue;  // out of the tree, dangling, or a loop of links
    std::error_code type_ec;
    const bool is_dir = fs::is_directory(real, type_ec);
    if (is_dir) {
      if (ancestors.empty()) ancestors = RealAncestors(dir);
      if (Contains(ancestors, real)) continue;  // back into a folder above it
    }
    entries.push_back({name, is_dir});
  }
  closedir(d);  // closes fd
  std::sort(entries.begin(), entries.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return entries;
}

bool DiskFileSystem::IsDir(const std::string& path) const {
  std::string real = RealInside(path);
  std::error_code ec;
  return !real.empty() && fs::is_directory(real, ec);
}

void DiskFileSystem::CheckLinks(Diagnostics& diags) const {
  std::vector<std::string> ancestors = {real_root_};
  for (const char* top : {"content", "templates", "themes"}) {
    CheckEntry("", real_root_, top, ancestors, diags);
  }
}

// `dir` is the logical folder (as the loaders name it), `real_dir` where it really is.
void DiskFileSystem::CheckEntry(const std::string& dir, const std::string& real_dir,
                                const std::string& name, std::vector<std::string>& ancestors,
                                Diagnostics& diags, bool known_dir) const {
  const std::string path = JoinPath(dir, name);
  const fs::path full = fs::path(real_dir) / name;
  // Messages name where a link really is, so a link met on two ways is reported once.
  auto relative = [&](const std::string& real) {
    return real == real_root_ ? std::string(".") : real.substr(real_root_.size() + 1);
  };
  std::error_code ec;
  const bool is_link = !known_dir && fs::is_symlink(full, ec);
  if (is_link) {
    const std::string where = JoinPath(real_dir == real_root_ ? "" : relative(real_dir), name);
    const std::string target = fs::read_symlink(full, ec).string();
    std::error_code real_ec;
    const fs::path real = fs::canonical(full, real_ec);
    if (real_ec == std::errc::too_many_symbolic_link_levels) {
      diags.Error({where, 0, 0}, "symbolic link loop: '" + target +
                                     "' leads through links that never reach a file or folder");
      return;
    }
    if (real_ec) return;  // dangling: nothing to read, as for a missing file
    if (RealInside(path).empty()) {
      diags.Error({where, 0, 0}, "symbolic link to '" + target +
                                     "' leads out of the site folder: nianbao reads only files "
                                     "inside it (copy the file in instead)");
      return;
    }
    if (!fs::is_directory(real, ec)) return;
    if (Contains(ancestors, real.string())) {
      diags.Error({where, 0, 0}, "symbolic link loop: '" + target + "' leads back to '" +
                                     relative(real.string()) +
                                     "', which leads back here: the folders would never end");
      return;
    }
  } else if (!known_dir && !fs::is_directory(full, ec)) {
    return;
  }
  // real_dir is resolved already, so only a link needs resolving (a readlink per component).
  const std::string real_sub = is_link ? fs::canonical(full, ec).string() : full.string();
  if (ec) return;
  // The folder's listing says what each entry is (d_type): a plain file needs nothing and a
  // plain folder no stat; links and entries of unknown type are looked at (a content
  // folder holds thousands of files, each two stats otherwise).
  std::vector<std::pair<std::string, bool>> names;  // name, known to be a plain folder
  if (DIR* d = opendir(real_sub.c_str())) {
    while (const dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (Skipped(n) || e->d_type == DT_REG) continue;  // "." and ".." too
      names.push_back({std::move(n), e->d_type == DT_DIR});
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  ancestors.push_back(real_sub);
  for (const auto& [n, dir_known] : names) {
    CheckEntry(path, real_sub, n, ancestors, diags, dir_known);
  }
  ancestors.pop_back();
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
