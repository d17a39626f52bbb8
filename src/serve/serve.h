// `nianbao serve`: build the site, serve it from memory, rebuild on change, reload pages.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/file_system.h"
#include "serve/live_site.h"
#include "serve/rebuilder.h"
#include "serve/server.h"
#include "serve/watcher.h"

namespace nianbao {

struct ServeOptions {
  std::string site = ".";                  // the site folder (holds content/)
  std::string bind = "127.0.0.1";          // another address only when asked for
  int port = 1313;                         // 0: any free port
  bool port_given = false;                 // false: if `port` is taken, try the next few
  int jobs = 0;                            // render threads of a full build; 0: one per core
  std::chrono::milliseconds debounce{20};  // see WatcherOptions
  std::chrono::milliseconds heartbeat{15000};
};

/// A running preview: the first build, the server, the watcher and a background builder
/// thread for full rebuilds. Owns all its state (no globals), so tests run several.
class ServeSession {
 public:
  using Log = std::function<void(const std::string& text)>;

  ServeSession(ServeOptions options, Log log);
  ~ServeSession();  ///< Stops.
  ServeSession(const ServeSession&) = delete;
  ServeSession& operator=(const ServeSession&) = delete;

  /// Builds the site once (errors do not stop it: pages show them), then starts serving
  /// and watching. "" or why it could not start.
  std::string Start();
  /// Stops watching and serving; waits for a full build under way. Safe to call twice.
  void Stop();

  int port() const { return server_.port(); }
  /// "http://127.0.0.1:1313/".
  std::string Url() const;
  LiveSite& live() { return live_; }

 private:
  void OnChange(const std::vector<std::string>& paths);
  void BuilderLoop();

  ServeOptions options_;
  Log log_;
  DiskFileSystem site_;
  LiveSite live_;
  Rebuilder rebuilder_;
  PreviewServer server_;
  Watcher watcher_;

  std::mutex mutex_;
  std::condition_variable wake_;
  Rebuilder::Next pending_ = Rebuilder::Next::kNothing;  // the build the builder owes
  bool stopping_ = false;
  std::thread builder_;
};

/// Runs `nianbao serve` until SIGINT or SIGTERM. Returns 0 after a clean stop, 4 if it
/// could not start (address in use, folder not watchable).
int RunServe(const ServeOptions& options);

}  // namespace nianbao
