#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include "core/text.h"
#include "serve/reload_script.h"
#include "serve/request_guard.h"
#include "serve/request_path.h"

namespace nianbao {

namespace {

// One event stream; the count of open streams goes down when the last copy of the
// provider holding it is destroyed, however httplib copies the response.
struct Stream {
  explicit Stream(std::shared_ptr<std::atomic<int>> count) : count(std::move(count)) {}
  ~Stream() { --*count; }
  std::shared_ptr<std::atomic<int>> count;
  bool started = false;
  uint64_t seq = 0;
};

void NoStore(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace

bool IsLoopback(const std::string& bind) {
  return bind == "localhost" || bind == "::1" || bind == "[::1]" || StartsWith(bind, "127.");
}

PreviewServer::PreviewServer(LiveSite& live, std::string reload_script)
    : live_(live),
      reload_script_(std::move(reload_script)),
      streams_(std::make_shared<std::atomic<int>>(0)) {}

PreviewServer::~PreviewServer() { Stop(); }

bool PreviewServer::HostAllowed(const std::string& host) const {
  // A loopback server answers only to loopback names: a web page cannot reach it through
  // a DNS name of its own that it points at 127.0.0.1 (DNS rebinding).
  if (!IsLoopback(options_.bind)) return true;
  const std::string port = ":" + std::to_string(port_);
  for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
    if (host == name || host == name + port) return true;
  }
  return false;
}

void PreviewServer::Route() {
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (HostAllowed(req.get_header_value("Host")))
      return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_content("nianbao serve: unexpected Host header\n", "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });

  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    NoStore(res);
    if (req.path == kEventsPath) {
      ServeEvents(res);
    } else {
      ServeFile(req, res);
    }
  });
}

void PreviewServer::ServeEvents(httplib::Response& res) {
  if (*streams_ >= options_.threads - 8) {  // keep workers for pages and assets
    res.status = 503;
    res.set_content("nianbao serve: too many open pages\n", "text/plain; charset=utf-8");
    return;
  }
  ++*streams_;
  auto stream = std::make_shared<Stream>(streams_);
  // Exactly "text/event-stream": cpp-httplib gzips every other text/* type for a browser,
  // and its compressor held the events back until the stream ended.
  res.set_chunked_content_provider(
      "text/event-stream", [this, stream](size_t, httplib::DataSink& sink) {
        std::string out;
        if (!stream->started) {
          // Greet with the version, and the errors if the site is broken right now.
          stream->started = true;
          std::shared_ptr<const SiteState> now = live_.Current();
          out = "retry: 1000\n\n" + HelloEvent(now->version);
          if (now->failing) out += now->error_event;
          stream->seq = now->seq;
        } else {
          std::vector<SiteEvent> events = live_.WaitForEvents(stream->seq, options_.heartbeat);
          if (live_.closed()) {
            sink.done();
            return true;
          }
          if (events.empty()) out = ": ping\n\n";  // a comment: finds closed tabs
          for (const SiteEvent& e : events) {
            out += e.wire;
            stream->seq = e.seq;
          }
        }
        return sink.write(out.data(), out.size());
      });
}

void PreviewServer::ServeFile(const httplib::Request& req, httplib::Response& res) {
  std::shared_ptr<const SiteState> state = live_.Current();
  static const SiteFiles kNoFiles;
  const SiteFiles& files = state->files ? *state->files : kNoFiles;
  Lookup found = LookUp(files, req.target);
  switch (found.kind) {
    case Lookup::Kind::kBadRequest:
      res.status = 400;
      res.set_content("nianbao serve: bad request path\n", "text/plain; charset=utf-8");
      return;
    case Lookup::Kind::kRedirect:
      res.status = 302;
      res.set_header("Location", found.path);
      return;
    case Lookup::Kind::kFile: {
      const std::string& bytes = *files.at(found.path);
      std::string type = MimeTypeOf(found.path);
      if (EndsWith(found.path, ".html")) {
        res.set_content(StampVersion(bytes, state->version), type.c_str());
      } else {
        res.set_content(bytes, type.c_str());
      }
      return;
    }
    case Lookup::Kind::kNotFound: {
      std::string script = StampVersion(reload_script_, state->version);
      if (!state->files) {  // never built: say so on every page
        res.status = 503;
        res.set_content(NoSitePage(script), "text/html; charset=utf-8");
      } else {
        res.status = 404;
        std::string path = DecodeRequestPath(req.target).value_or("");
        res.set_content(NotFoundPage(path, script), "text/html; charset=utf-8");
      }
      return;
    }
  }
}

std::string PreviewServer::Start(const ServerOptions& options) {
  options_ = options;
  server_ = std::make_unique<GuardedServer>(options_);
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // httplib's default sets SO_REUSEPORT, which lets a second server bind the same port
  // and silently take half the requests; SO_REUSEADDR alone still allows a quick restart.
  server_->set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Idle keep-alive connections hold up stop() until they time out.
  server_->set_keep_alive_timeout(1);
  Route();
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.bind);
  } else {
    port_ = server_->bind_to_port(options_.bind, options_.port) ? options_.port : -1;
  }
  if (port_ <= 0) {
    port_ = -1;
    return "cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
           " (in use, or not an address of this machine)";
  }
  auto ended = std::make_shared<std::atomic<bool>>(false);
  thread_ = std::thread([this, ended] {
    server_->listen_after_bind();
    *ended = true;
  });
  // stop() before the accept loop runs would be lost: wait until it runs.
  while (!server_->is_running() && !*ended) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (*ended) {
    thread_.join();
    return "cannot serve on " + options_.bind + ":" + std::to_string(port_);
  }
  return "";
}

void PreviewServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
}

}  // namespace nianbao
