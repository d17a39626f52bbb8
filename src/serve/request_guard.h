// Keeps slow clients from holding the preview's workers (slowloris): each request's
// headers must arrive within a time limit, and one client address may keep only a few
// connections waiting for their headers at once.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include <httplib.h>

#include "serve/server.h"

namespace nianbao {

/// Counts, per client address, the connections waiting for their headers. Thread-safe.
class WaitingClients {
 public:
  explicit WaitingClients(int limit) : limit_(limit) {}
  /// Counts one more for `address` if it is under the limit.
  bool TryAdd(const std::string& address);
  void Remove(const std::string& address);

 private:
  const int limit_;
  std::mutex mutex_;
  std::map<std::string, int> waiting_;
};

/// cpp-httplib's server with its connection loop replaced by one that reads through a
/// guarded stream (httplib 0.11 has only a per-read timeout, which a slow client resets
/// with every byte). Request handling itself is httplib's.
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const ServerOptions& options);

 private:
  bool process_and_close_socket(socket_t sock) override;

  ServerOptions options_;
  std::shared_ptr<WaitingClients> waiting_;
};

}  // namespace nianbao
