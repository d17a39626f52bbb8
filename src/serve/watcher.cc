#include "serve/watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/file_system.h"

namespace nianbao {

namespace {

constexpr uint32_t kDirMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB |
                              IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_ONLYDIR;
// The site folder itself: only its top folders appearing or going matter.
constexpr uint32_t kRootMask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR;
constexpr int kMaxDepth = 32;  // symlink loops end here

// Names the loader never reads (DiskFileSystem skips them): hidden files, editor backups.
bool Ignored(const std::string& name) {
  return name.empty() || name[0] == '.' || name.back() == '~';
}

}  // namespace

Watcher::Watcher(WatcherOptions options, Callback on_change)
    : options_(std::move(options)), on_change_(std::move(on_change)) {}

Watcher::~Watcher() { Stop(); }

std::string Watcher::Start() {
  inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ < 0) return std::string("inotify_init1: ") + std::strerror(errno);
  stop_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (stop_fd_ < 0) return std::string("eventfd: ") + std::strerror(errno);
  int wd = inotify_add_watch(inotify_fd_, options_.root.c_str(), kRootMask);
  if (wd < 0) {
    return "cannot watch " + options_.root + ": " + std::strerror(errno) +
           (errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
  }
  dirs_[wd] = "";
  std::set<std::string> unused;
  for (const std::string& dir : options_.dirs) AddTree(dir, unused);
  thread_ = std::thread([this] { Run(); });
  return "";
}

void Watcher::Stop() {
  if (thread_.joinable()) {
    uint64_t one = 1;
    [[maybe_unused]] ssize_t n = write(stop_fd_, &one, sizeof one);
    thread_.join();
  }
  if (inotify_fd_ >= 0) close(inotify_fd_);
  if (stop_fd_ >= 0) close(stop_fd_);
  inotify_fd_ = stop_fd_ = -1;
}

bool Watcher::IsWatchedTop(const std::string& name) const {
  for (const std::string& dir : options_.dirs) {
    if (dir == name) return true;
  }
  return false;
}

void Watcher::AddTree(const std::string& rel, std::set<std::string>& found, int depth) {
  if (depth > kMaxDepth) return;
  const std::string full = JoinPath(options_.root, rel);
  int wd = inotify_add_watch(inotify_fd_, full.c_str(), kDirMask);
  if (wd < 0) return;  // gone already, or not a folder
  // The same folder reached twice (through a symlink) keeps its first name.
  if (auto it = dirs_.find(wd); it != dirs_.end() && it->second != rel) return;
  dirs_[wd] = rel;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(full, ec)) {
    std::string name = entry.path().filename().string();
    if (Ignored(name)) continue;
    std::string child = JoinPath(rel, name);
    if (entry.is_directory(ec)) {
      AddTree(child, found, depth + 1);
    } else {
      found.insert(child);
    }
  }
}

void Watcher::RemoveTree(const std::string& rel) {
  for (auto it = dirs_.begin(); it != dirs_.end();) {
    const std::string& dir = it->second;
    if (dir == rel || dir.rfind(rel + "/", 0) == 0) {
      inotify_rm_watch(inotify_fd_, it->first);
      it = dirs_.erase(it);
    } else {
      ++it;
    }
  }
}

void Watcher::HandleEvent(int wd, uint32_t mask, const std::string& name,
                          std::set<std::string>& changes) {
  if (mask & IN_Q_OVERFLOW) {
    // Events were lost: rescan the watches and let the caller rebuild everything.
    changes.insert("");
    for (const std::string& dir : options_.dirs) RemoveTree(dir);
    std::set<std::string> unused;
    for (const std::string& dir : options_.dirs) AddTree(dir, unused);
    return;
  }
  if (mask & IN_IGNORED) {
    dirs_.erase(wd);
    return;
  }
  auto it = dirs_.find(wd);
  if (it == dirs_.end() || Ignored(name)) return;
  const std::string dir = it->second;
  if (dir.empty() && !IsWatchedTop(name)) return;  // root: only content/, templates/, themes/
  const std::string path = JoinPath(dir, name);
  // A file made and removed within one batch (an editor's or sed's temporary file, saved
  // over the real one by a rename) changes nothing.
  if ((mask & (IN_CREATE | IN_MOVED_TO)) && !changes.count(path)) {
    transient_.insert(path);
  } else if ((mask & (IN_DELETE | IN_MOVED_FROM)) && transient_.count(path)) {
    transient_.erase(path);
    changes.erase(path);
    if (mask & IN_ISDIR) RemoveTree(path);
    return;
  }
  changes.insert(path);
  if (!(mask & IN_ISDIR)) return;
  if (mask & (IN_CREATE | IN_MOVED_TO)) {
    AddTree(path, changes);  // files made before the watch was in place count too
  } else if (mask & (IN_DELETE | IN_MOVED_FROM)) {
    RemoveTree(path);
  }
}

bool Watcher::Drain(std::set<std::string>& changes) {
  alignas(inotify_event) char buffer[64 * 1024];
  while (true) {
    ssize_t n = read(inotify_fd_, buffer, sizeof buffer);
    if (n < 0) return errno == EAGAIN || errno == EINTR;
    if (n == 0) return true;
    for (char* p = buffer; p < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(p);
      std::string name = event->len ? std::string(event->name) : std::string();
      HandleEvent(event->wd, event->mask, name, changes);
      p += sizeof(inotify_event) + event->len;
    }
  }
}

void Watcher::Run() {
  using Clock = std::chrono::steady_clock;
  std::set<std::string> changes;
  Clock::time_point first, last;
  while (true) {
    int timeout = -1;
    if (!changes.empty()) {
      auto now = Clock::now();
      auto due = std::min(last + options_.debounce, first + options_.max_delay);
      timeout = static_cast<int>(
          std::max<int64_t>(0, std::chrono::ceil<std::chrono::milliseconds>(due - now).count()));
    }
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    int ready = poll(fds, 2, timeout);
    if (ready < 0 && errno != EINTR) return;
    if (fds[1].revents & POLLIN) return;
    if (fds[0].revents & POLLIN) {
      bool was_empty = changes.empty();
      if (!Drain(changes)) return;
      if (!changes.empty()) {
        last = Clock::now();
        if (was_empty) first = last;
      }
    }
    auto now = Clock::now();
    if (!changes.empty() &&
        (now >= last + options_.debounce || now >= first + options_.max_delay)) {
      std::vector<std::string> batch(changes.begin(), changes.end());
      changes.clear();
      transient_.clear();
      on_change_(batch);
    }
  }
}

}  // namespace nianbao
