// Slow clients must not take the preview down: 64 connections that each send a header
// line every 2 s held every worker, and every other request timed out.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "serve/live_site.h"
#include "serve/server.h"

namespace nianbao {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{4, 0};  // no test waits longer than this for a reply
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool Send(int fd, const std::string& s) {
  return send(fd, s.data(), s.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(s.size());
}

// Everything until the server closes (or 4 s of silence).
std::string ReadAll(int fd) {
  std::string out;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) out.append(buffer, n);
  return out;
}

class SlowClientsTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options) {
    live_.Publish(std::make_shared<const SiteFiles>(ToSiteFiles({{"index.html", "<p>hi</p>"}})),
                  {});
    ASSERT_EQ(server_.Start(options), "");
  }
  void TearDown() override {
    live_.Close();
    server_.Stop();
  }
  std::string Get(const std::string& path) {
    int fd = Connect(server_.port());
    if (fd < 0) return "connect failed";
    Send(fd, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server_.port()) +
                 "\r\nConnection: close\r\n\r\n");
    std::string response = ReadAll(fd);
    close(fd);
    return response;
  }

  LiveSite live_{"test"};
  PreviewServer server_{live_, "script"};
};

TEST_F(SlowClientsTest, SixtyFourSlowlorisConnectionsDoNotStopOtherRequests) {
  Start({});
  const int port = server_.port();
  std::vector<int> slow;
  for (int i = 0; i < 64; ++i) {
    int fd = Connect(port);
    ASSERT_GE(fd, 0);
    Send(fd, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n");
    slow.push_back(fd);
    // httplib listens with a backlog of 5: a burst of connects waits for SYN retries.
    std::this_thread::sleep_for(milliseconds(10));
  }
  std::atomic<bool> stop = false;
  std::thread trickle([&] {
    while (!stop) {
      for (int fd : slow) Send(fd, "X-Slow: 1\r\n");
      for (int i = 0; i < 20 && !stop; ++i) std::this_thread::sleep_for(milliseconds(100));
    }
  });
  std::this_thread::sleep_for(milliseconds(500));  // every slow one has reached a worker

  for (int i = 0; i < 3; ++i) {
    auto start = Clock::now();
    std::string response = Get("/index.html");
    auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
    EXPECT_EQ(response.substr(0, 15), "HTTP/1.1 200 OK") << response;
    EXPECT_NE(response.find("<p>hi</p>"), std::string::npos);
    EXPECT_LT(took.count(), 1000) << "request " << i;
  }
  stop = true;
  trickle.join();
  for (int fd : slow) close(fd);
}

TEST_F(SlowClientsTest, AHeadThatTricklesInIsCutOffAtTheTimeout) {
  ServerOptions options;
  options.header_timeout = milliseconds(1000);
  Start(options);
  int fd = Connect(server_.port());
  ASSERT_GE(fd, 0);
  auto start = Clock::now();
  Send(fd, "GET /index.html HTTP/1.1\r\n");
  // A header line every 300 ms: each read is quick, the head is never done.
  std::string answer;
  for (int i = 0; i < 20 && answer.empty(); ++i) {
    std::this_thread::sleep_for(milliseconds(300));
    if (!Send(fd, "X-Slow: 1\r\n")) break;
    char c[512];
    ssize_t n = recv(fd, c, sizeof c, MSG_DONTWAIT);
    if (n > 0) answer.assign(c, n);
  }
  auto took = std::chrono::duration_cast<milliseconds>(Clock::now() - start);
  EXPECT_EQ(answer.substr(0, 24), "HTTP/1.1 400 Bad Request");
  EXPECT_GE(took.count(), 900);
  EXPECT_LT(took.count(), 2000);
  answer += ReadAll(fd);  // and the connection is closed
  EXPECT_EQ(answer.find("HTTP/1.1 200"), std::string::npos);
  close(fd);
  // A request that comes at once is still answered, keep-alive included.
  EXPECT_EQ(Get("/index.html").substr(0, 15), "HTTP/1.1 200 OK");
}

TEST_F(SlowClientsTest, OneClientMayKeepOnlyAFewConnectionsWaiting) {
  ServerOptions options;
  options.waiting_per_client = 2;
  options.header_grace = milliseconds(200);
  Start(options);
  std::vector<int> fds;
  for (int i = 0; i < 4; ++i) {
    fds.push_back(Connect(server_.port()));
    Send(fds.back(), "GET /index.html HTTP/1.1\r\n");
  }
  std::this_thread::sleep_for(milliseconds(800));
  int cut = 0;
  for (int fd : fds) {
    char c[512];
    ssize_t n = recv(fd, c, sizeof c, MSG_DONTWAIT);
    cut += n > 0 && std::string(c, n).rfind("HTTP/1.1 400 Bad Request", 0) == 0;
  }
  EXPECT_EQ(cut, 2);  // two wait (up to the header timeout); the others had 0.2 s
  // The waiting ones are served once their heads are done.
  int served = 0;
  for (int fd : fds) {
    if (Send(fd, "Host: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
      served += ReadAll(fd).rfind("HTTP/1.1 200 OK", 0) == 0;
    }
    close(fd);
  }
  EXPECT_EQ(served, 2);
}

}  // namespace
}  // namespace nianbao
