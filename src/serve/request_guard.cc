#include "serve/request_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace nianbao {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Waits at most in steps this long, so that a stopping server is noticed.
constexpr milliseconds kStep{100};

// Whether `sock` gets `events` within `timeout`, looking at `server_socket` every step.
bool Wait(socket_t sock, short events, milliseconds timeout,
          const std::atomic<socket_t>& server_socket) {
  const auto deadline = Clock::now() + timeout;
  while (server_socket != INVALID_SOCKET) {
    auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    pollfd p{sock, events, 0};
    int n = poll(&p, 1, static_cast<int>(std::clamp(left, milliseconds(0), kStep).count()));
    if (n > 0) return true;
    if (n < 0 && errno != EINTR) return false;
    if (left <= milliseconds(0)) return false;
  }
  return false;
}

std::string AddressOf(const sockaddr_storage& addr, int* port) {
  char host[INET6_ADDRSTRLEN] = "";
  *port = 0;
  if (addr.ss_family == AF_INET) {
    auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
    *port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
    *port = ntohs(a->sin6_port);
  }
  return host;
}

// A socket stream like httplib's, but a request head that does not arrive in time ends
// the connection however slowly its bytes trickle in.
class GuardedStream : public httplib::Stream {
 public:
  GuardedStream(socket_t sock, const ServerOptions& options, WaitingClients& waiting,
                const std::atomic<socket_t>& server_socket, milliseconds read_timeout,
                milliseconds write_timeout)
      : sock_(sock),
        options_(options),
        waiting_(waiting),
        server_socket_(server_socket),
        read_timeout_(read_timeout),
        write_timeout_(write_timeout) {
    int port = 0;
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getpeername(sock, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      peer_ = AddressOf(addr, &port);
    }
  }
  ~GuardedStream() override { StopWaiting(); }

  /// Whether a next request starts within `idle` (keep-alive).
  bool WaitForRequest(milliseconds idle) {
    return start_ < end_ || Wait(sock_, POLLIN, idle, server_socket_);
  }
  /// A request begins: its head must be complete by the deadline.
  void StartRequest() {
    in_head_ = true;
    tail_ = 0;
    deadline_ = Clock::now() + options_.header_timeout;
  }

  bool is_readable() const override {
    return start_ < end_ || Wait(sock_, POLLIN, read_timeout_, server_socket_);
  }
  bool is_writable() const override {
    return Wait(sock_, POLLOUT, write_timeout_, server_socket_) && Alive();
  }

  ssize_t read(char* ptr, size_t size) override {
    if (start_ == end_ && !Fill()) return -1;
    size_t n = std::min(size, end_ - start_);
    std::memcpy(ptr, buffer_ + start_, n);
    start_ += n;
    if (in_head_) SeeHead(ptr, n);
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    return send(sock_, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      ip = AddressOf(addr, &port);
    }
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
      ip = AddressOf(addr, &port);
    }
  }
  socket_t socket() const override { return sock_; }

 private:
  // Reads what has arrived into the buffer, waiting as the request's state allows.
  bool Fill() {
    milliseconds wait = read_timeout_;
    if (in_head_) {
      wait = std::chrono::duration_cast<milliseconds>(deadline_ - Clock::now());
      if (wait <= milliseconds(0)) return false;
      pollfd p{sock_, POLLIN, 0};
      if (poll(&p, 1, 0) <= 0) {  // nothing yet: this connection now waits for its head
        if (!counted_ && !peer_.empty()) {
          counted_ = waiting_.TryAdd(peer_);
          if (!counted_) wait = std::min(wait, options_.header_grace);
        }
      }
    }
    if (!Wait(sock_, POLLIN, wait, server_socket_)) return false;
    ssize_t n = recv(sock_, buffer_, sizeof buffer_, 0);
    if (n <= 0) return false;
    start_ = 0;
    end_ = static_cast<size_t>(n);
    return true;
  }

  // Follows the bytes handed to httplib until the blank line that ends the head.
  void SeeHead(const char* p, size_t n) {
    for (size_t i = 0; i < n && in_head_; ++i) {
      if (p[i] == '\n') {
        if (tail_ == 1) {
          in_head_ = false;
          StopWaiting();
        }
        tail_ = 1;
      } else if (p[i] != '\r') {
        tail_ = 0;
      }
    }
  }

  void StopWaiting() {
    if (counted_) waiting_.Remove(peer_);
    counted_ = false;
  }

  bool Alive() const {
    pollfd p{sock_, POLLIN, 0};
    if (poll(&p, 1, 0) <= 0) return true;
    char c;
    return recv(sock_, &c, 1, MSG_PEEK | MSG_DONTWAIT) > 0;
  }

  socket_t sock_;
  const ServerOptions& options_;
  WaitingClients& waiting_;
  const std::atomic<socket_t>& server_socket_;
  milliseconds read_timeout_, write_timeout_;
  std::string peer_;
  char buffer_[4096];
  size_t start_ = 0, end_ = 0;
  bool in_head_ = false;
  int tail_ = 0;  // 1 after a line feed with nothing but CR since
  Clock::time_point deadline_;
  bool counted_ = false;
};

milliseconds ToMs(time_t sec, time_t usec) { return milliseconds(sec * 1000 + usec / 1000); }

}  // namespace

bool WaitingClients::TryAdd(const std::string& address) {
  std::lock_guard lock(mutex_);
  int& n = waiting_[address];
  if (n >= limit_) {
    if (n == 0) waiting_.erase(address);
    return false;
  }
  ++n;
  return true;
}

void WaitingClients::Remove(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = waiting_.find(address);
  if (it != waiting_.end() && --it->second <= 0) waiting_.erase(it);
}

GuardedServer::GuardedServer(const ServerOptions& options)
    : options_(options), waiting_(std::make_shared<WaitingClients>(options.waiting_per_client)) {
  // The preview answers GET and HEAD: a request body is never needed, nor read slowly.
  set_payload_max_length(0);
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  bool ok = false;
  {
    GuardedStream stream(sock, options_, *waiting_, svr_sock_,
                         ToMs(read_timeout_sec_, read_timeout_usec_),
                         ToMs(write_timeout_sec_, write_timeout_usec_));
    // httplib's keep-alive loop: the last allowed request closes the connection.
    for (size_t left = keep_alive_max_count_;
         left > 0 && svr_sock_ != INVALID_SOCKET &&
         stream.WaitForRequest(std::chrono::seconds(keep_alive_timeout_sec_));
         --left) {
      bool closed = false;
      stream.StartRequest();
      ok = process_request(stream, left == 1, closed, nullptr);
      if (!ok || closed) break;
    }
  }
  shutdown(sock, SHUT_RDWR);
  close(sock);
  return ok;
}

}  // namespace nianbao
