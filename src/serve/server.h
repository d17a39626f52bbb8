// The preview's HTTP server (cpp-httplib): serves the files of the LiveSite from memory,
// and the event stream the reload script listens to.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "serve/live_site.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace nianbao {

struct ServerOptions {
  std::string bind = "127.0.0.1";  // loopback unless asked otherwise
  int port = 0;                    // 0: any free port
  /// Worker threads. Each open page holds one for its event stream, so this bounds the
  /// open tabs (cpp-httplib's default of 8 hangs the server at the eighth tab).
  int threads = 64;
  std::chrono::milliseconds heartbeat{15000};  // a comment on idle streams finds closed tabs
  /// Slow clients (slowloris): a request's head (request line and headers) must arrive
  /// within header_timeout, however slowly its bytes trickle in; one client address may
  /// have waiting_per_client connections waiting for their heads at once, and a further
  /// one gets header_grace (a browser sends its head at once), then is closed.
  std::chrono::milliseconds header_timeout{5000};
  int waiting_per_client = 8;
  std::chrono::milliseconds header_grace{200};
};

/// Serves only what the LiveSite holds: no file on disk is ever opened, so ".." or a
/// symlink cannot lead out of the site. GET and HEAD only.
class PreviewServer {
 public:
  PreviewServer(LiveSite& live, std::string reload_script);
  ~PreviewServer();  ///< Stops.
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds and starts serving on its own threads; "" or why it could not.
  std::string Start(const ServerOptions& options);
  /// The port bound (the one picked when 0 was asked).
  int port() const { return port_; }
  /// Stops serving. Close the LiveSite first, or open event streams hold it up to a
  /// heartbeat. Safe to call twice.
  void Stop();

 private:
  void Route();
  void ServeEvents(httplib::Response& res);
  void ServeFile(const httplib::Request& req, httplib::Response& res);
  bool HostAllowed(const std::string& host) const;

  LiveSite& live_;
  std::string reload_script_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = -1;
  std::shared_ptr<std::atomic<int>> streams_;  // open event streams
};

/// Whether `bind` is a loopback address (then only loopback Host headers are accepted).
bool IsLoopback(const std::string& bind);

}  // namespace nianbao
