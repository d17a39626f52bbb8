#include "serve/serve.h"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <utility>

#include "serve/reload_script.h"

namespace nianbao {

namespace {

// Tells this server's site versions from those of an earlier run, so that a page left
// open across a restart reloads when it reconnects.
std::string NewInstanceId() {
  std::random_device random;
  char id[16];
  std::snprintf(id, sizeof id, "%08x", static_cast<unsigned>(random()));
  return id;
}

}  // namespace

ServeSession::ServeSession(ServeOptions options, Log log)
    : options_(std::move(options)),
      log_(std::move(log)),
      site_(options_.site),
      live_(NewInstanceId()),
      rebuilder_(site_, live_, {options_.jobs, ReloadScript()}, log_),
      server_(live_, ReloadScript()),
      watcher_({options_.site, {"content", "templates", "themes"}, options_.debounce},
               [this](const std::vector<std::string>& paths) { OnChange(paths); }) {}

ServeSession::~ServeSession() { Stop(); }

std::string ServeSession::Start() {
  ServerOptions server;
  server.bind = options_.bind;
  server.heartbeat = options_.heartbeat;
  // Without an explicit --port, a taken default port moves on to the next few.
  const int tries = options_.port_given || options_.port == 0 ? 1 : 10;
  std::string error;
  for (int i = 0; i < tries; ++i) {
    server.port = options_.port + i;
    error = server_.Start(server);
    if (error.empty()) break;
  }
  if (!error.empty()) return error;
  // Watch before the first build, so that an edit made during it is not missed.
  error = watcher_.Start();
  if (!error.empty()) {
    server_.Stop();
    return error;
  }
  rebuilder_.FullBuild();
  builder_ = std::thread([this] { BuilderLoop(); });
  return "";
}

void ServeSession::Stop() {
  watcher_.Stop();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (builder_.joinable()) builder_.join();
  live_.Close();  // ends the event streams, which would hold the server's workers
  server_.Stop();
}

std::string ServeSession::Url() const {
  std::string host = options_.bind;
  if (host == "0.0.0.0" || host == "::" || host.empty()) host = "127.0.0.1";
  if (host.find(':') != std::string::npos && host[0] != '[') host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port()) + "/";
}

void ServeSession::OnChange(const std::vector<std::string>& paths) {
  Rebuilder::Next next = rebuilder_.ApplyChanges(paths);
  if (next == Rebuilder::Next::kNothing) return;
  {
    std::lock_guard lock(mutex_);
    pending_ = std::max(pending_, next);  // a full build wanted by anyone wins over a check
  }
  wake_.notify_all();
}

void ServeSession::BuilderLoop() {
  while (true) {
    Rebuilder::Next next;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return pending_ != Rebuilder::Next::kNothing || stopping_; });
      if (stopping_) return;
      next = std::exchange(pending_, Rebuilder::Next::kNothing);
    }
    if (next == Rebuilder::Next::kCheck) {
      // Nobody waits for a check: it yields the CPU to the next edit and to the browser.
      // Its own thread takes the lower priority, and RenderSite's workers inherit it.
      std::thread([this] {
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        rebuilder_.FullBuild();
      }).join();
    } else {
      rebuilder_.FullBuild();
    }
  }
}

int RunServe(const ServeOptions& options) {
  // SIGINT and SIGTERM are blocked here, before any thread starts (threads inherit the
  // mask), and taken by sigwait below: no signal handler, no global flag.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);

  std::mutex log_mutex;  // the watcher's and the builder's thread both print
  ServeSession session(options, [&](const std::string& text) {
    std::lock_guard lock(log_mutex);
    std::cerr << text << std::flush;
  });
  std::string error = session.Start();
  if (!error.empty()) {
    std::cerr << "nianbao: serve: " << error << "\n";
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    return 4;
  }
  {
    std::lock_guard lock(log_mutex);
    if (!IsLoopback(options.bind)) {
      std::cerr << "nianbao: warning: serving on " << options.bind
                << ": other machines can read this preview\n";
    }
    std::cerr << "nianbao: serving " << options.site << " at " << session.Url()
              << " (Ctrl-C to stop)\n";
  }

  int signal = 0;
  sigwait(&stop_signals, &signal);
  {
    std::lock_guard lock(log_mutex);
    std::cerr << "\nnianbao: stopping\n";
  }
  session.Stop();
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  return 0;
}

}  // namespace nianbao
