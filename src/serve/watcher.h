// Watches folders of the site with inotify and reports what changed in batches, once the
// files have been quiet for a moment (an editor's save is several events).
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace nianbao {

struct WatcherOptions {
  std::string root;               // the site folder
  std::vector<std::string> dirs;  // folders under root watched recursively; may not exist yet
  // An editor's save (write, rename, chmod) comes within a few milliseconds.
  std::chrono::milliseconds debounce{20};    // report after this long without events…
  std::chrono::milliseconds max_delay{500};  // …or this long after the first one
};

/// Watches on its own thread and calls `on_change` there with the changed paths, relative
/// to the root, sorted ("content/reports/x/2021/report.zh.md"; a folder's path when one
/// appears or goes). "" in the list means "unknown: anything may have changed" (the kernel
/// queue overflowed). Hidden names and editor backups ("x~") are not reported (the loader
/// skips them too), nor files created and removed within one batch (temporary files saved
/// over the real one by a rename). Calls do not overlap: events that arrive during a call
/// are reported after it returns.
class Watcher {
 public:
  using Callback = std::function<void(const std::vector<std::string>& paths)>;

  Watcher(WatcherOptions options, Callback on_change);
  ~Watcher();  ///< Stops.
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Sets up the watches and starts the thread; "" or why it could not.
  std::string Start();
  /// Stops the thread (waits for a running callback). Safe to call twice.
  void Stop();

 private:
  void Run();
  // Watches folder `rel` and those below it; adds the files found to `found`.
  void AddTree(const std::string& rel, std::set<std::string>& found, int depth = 0);
  void RemoveTree(const std::string& rel);
  // Reads every pending event into `changes`; false if inotify failed.
  bool Drain(std::set<std::string>& changes);
  void HandleEvent(int wd, uint32_t mask, const std::string& name, std::set<std::string>& changes);
  bool IsWatchedTop(const std::string& name) const;

  WatcherOptions options_;
  Callback on_change_;
  int inotify_fd_ = -1;
  int stop_fd_ = -1;                 // an eventfd: written by Stop to wake the thread
  std::map<int, std::string> dirs_;  // watch descriptor → folder relative to root ("" root)
  std::set<std::string> transient_;  // created during the batch being collected
  std::thread thread_;
};

}  // namespace nianbao
