// The preview end to end: a ServeSession on a copy of tests/sites/good, driven over HTTP.
#include "serve/serve.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>

#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao {
namespace {

using std::chrono::milliseconds;
using testing::ReadFile;
using testing::WriteFile;

// Sends `target` exactly as given (no client normalises it) and returns the whole response.
std::string RawGet(int port, const std::string& target, const std::string& host = "") {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return "connect failed";
  }
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: " +
                        (host.empty() ? "127.0.0.1:" + std::to_string(port) : host) +
                        "\r\nConnection: close\r\n\r\n";
  [[maybe_unused]] ssize_t sent = send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string response;
  char buffer[4096];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, n);
  close(fd);
  return response;
}

int StatusOf(const std::string& response) {
  return response.size() > 12 ? std::atoi(response.c_str() + 9) : -1;
}

// An open event stream, read on its own thread.
class EventStream {
 public:
  explicit EventStream(int port) : client_("127.0.0.1", port) {
    client_.set_read_timeout(10, 0);
    thread_ = std::thread([this] {
      // As a browser asks: an event stream must not be compressed (it would be held back).
      httplib::Headers headers{{"Accept-Encoding", "gzip, deflate, br"}};
      client_.Get("/__nianbao/events", headers, [this](const char* data, size_t size) {
        std::lock_guard lock(mutex_);
        text_.append(data, size);
        cv_.notify_all();
        return !stop_;
      });
      std::lock_guard lock(mutex_);
      ended_ = true;
      cv_.notify_all();
    });
  }
  ~EventStream() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    client_.stop();
    thread_.join();
  }
  // Waits for `needle` in the text not yet consumed; returns that text up to the end of the
  // event holding it ("" if it did not come in time) and consumes it.
  std::string WaitFor(const std::string& needle, milliseconds timeout = milliseconds(10000)) {
    std::unique_lock lock(mutex_);
    size_t at = std::string::npos;
    cv_.wait_for(lock, timeout, [&] {
      at = text_.find(needle);
      return at != std::string::npos && text_.find("\n\n", at) != std::string::npos;
    });
    if (at == std::string::npos || text_.find("\n\n", at) == std::string::npos) return "";
    size_t end = text_.find("\n\n", at) + 2;
    std::string out = text_.substr(0, end);
    text_.erase(0, end);
    return out;
  }
  bool WaitForEnd(milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, [&] { return ended_; });
  }

 private:
  httplib::Client client_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::string text_;
  bool stop_ = false;
  bool ended_ = false;
  std::thread thread_;
};

class ServeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = tmp_.path() + "/site";
    testing::CopyTree(testing::FixtureSite("good"), site_);
    ServeOptions options;
    options.site = site_;
    options.port = 0;
    options.jobs = 2;
    options.debounce = milliseconds(20);
    options.heartbeat = milliseconds(200);
    session_ = std::make_unique<ServeSession>(options, [this](const std::string& s) {
      std::lock_guard lock(log_mutex_);
      log_ += s;
    });
    ASSERT_EQ(session_->Start(), "");
    client_ = std::make_unique<httplib::Client>("127.0.0.1", session_->port());
  }
  void TearDown() override { session_->Stop(); }

  std::string Body(const std::string& path) {
    auto res = client_->Get(path.c_str());
    return res ? res->body : "no response";
  }
  std::string Log() {
    std::lock_guard lock(log_mutex_);
    return log_;
  }

  testing::TempDir tmp_;
  std::string site_;
  std::unique_ptr<ServeSession> session_;
  std::unique_ptr<httplib::Client> client_;
  std::mutex log_mutex_;
  std::string log_;
};

TEST_F(ServeTest, ServesPagesWithTypesIndexesAndTheScript) {
  EXPECT_EQ(session_->Url(), "http://127.0.0.1:" + std::to_string(session_->port()) + "/");
  auto home = client_->Get("/en/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 200);
  EXPECT_EQ(home->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(home->get_header_value("Cache-Control"), "no-store");
  EXPECT_NE(home->body.find("new EventSource(\"/__nianbao/events\")"), std::string::npos);
  EXPECT_NE(home->body.find("var served = \"" + session_->live().Current()->version + "\""),
            std::string::npos);
  EXPECT_EQ(Body("/en/index.html"), home->body);
  EXPECT_NE(Body("/").find("<html"), std::string::npos);

  auto css = client_->Get("/assets/style.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  auto json = client_->Get("/data/indicators.json");
  ASSERT_TRUE(json);
  EXPECT_EQ(json->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto head = client_->Head("/en/");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->body, "");
}

TEST_F(ServeTest, FolderWithoutSlashRedirectsAndUnknownPathsAre404) {
  std::string redirect = RawGet(session_->port(), "/en/reports/alpha/2021");
  EXPECT_EQ(StatusOf(redirect), 302);
  EXPECT_NE(redirect.find("Location: /en/reports/alpha/2021/\r\n"), std::string::npos);
  auto missing = client_->Get("/en/no-such-page/");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(missing->body.find("/en/no-such-page/"), std::string::npos);
  EXPECT_NE(missing->body.find("EventSource"), std::string::npos);
  auto post = client_->Post("/en/", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_GE(post->status, 400);
}

TEST_F(ServeTest, TraversalAndLinksOutOfTheSiteAreRefused) {
  // Files a traversal might reach: one beside the site, one through a symlink in it.
  WriteFile(tmp_.path() + "/secret.txt", "SECRET");
  std::filesystem::create_directory_symlink(tmp_.path(), site_ + "/link");
  std::filesystem::create_symlink(tmp_.path() + "/secret.txt", site_ + "/content/secret.txt");
  const int port = session_->port();
  for (const std::string target : {"/../secret.txt",
                                   "/en/../../secret.txt",
                                   "/%2e%2e/secret.txt",
                                   "/%2E%2E/%2E%2E/secret.txt",
                                   "/..%2fsecret.txt",
                                   "/en/..%2f..%2fsecret.txt",
                                   "/..%5csecret.txt",
                                   "/.%2e/secret.txt",
                                   "/%252e%252e/secret.txt",
                                   "//secret.txt",
                                   "/link/secret.txt",
                                   "/content/secret.txt",
                                   "/secret.txt",
                                   "/site/content/site.yaml",
                                   "/content/site.yaml",
                                   "/%00",
                                   "/a%ff",
                                   "/en/index.html%00.txt",
                                   "http://127.0.0.1/../secret.txt",
                                   "*"}) {
    std::string response = RawGet(port, target);
    int status = StatusOf(response);
    EXPECT_GE(status, 400) << target;
    EXPECT_LT(status, 500) << target;
    EXPECT_EQ(response.find("SECRET"), std::string::npos) << target;
    EXPECT_EQ(response.find("languages:"), std::string::npos) << target;
  }
}

TEST_F(ServeTest, OnlyLoopbackHostNamesAreAnswered) {
  const int port = session_->port();
  EXPECT_EQ(StatusOf(RawGet(port, "/en/", "localhost:" + std::to_string(port))), 200);
  EXPECT_EQ(StatusOf(RawGet(port, "/en/", "attacker.example:" + std::to_string(port))), 403);
  EXPECT_EQ(StatusOf(RawGet(port, "/__nianbao/events", "attacker.example")), 403);
}

TEST_F(ServeTest, EditReloadsThePageWithTheNewText) {
  EventStream events(session_->port());
  std::string hello = events.WaitFor("event: hello");
  EXPECT_NE(hello.find("retry: 1000\n\n"), std::string::npos);
  EXPECT_NE(hello.find("{\"version\":\"" + session_->live().Current()->version + "\"}"),
            std::string::npos);

  const std::string path = site_ + "/content/reports/alpha/2021/report.en.md";
  WriteFile(path, ReadFile(path) + "\nFreshly written paragraph.\n");
  std::string reload = events.WaitFor("event: reload");
  ASSERT_NE(reload, "") << Log();
  EXPECT_NE(reload.find("\"en/reports/alpha/2021/index.html\""), std::string::npos) << reload;
  EXPECT_NE(reload.find("\"all\":false"), std::string::npos) << reload;
  EXPECT_NE(Body("/en/reports/alpha/2021/").find("Freshly written paragraph."), std::string::npos);
  EXPECT_NE(Log().find("content/reports/alpha/2021/report.en.md: "), std::string::npos) << Log();
}

TEST_F(ServeTest, BrokenFileShowsTheOverlayUntilFixed) {
  EventStream events(session_->port());
  ASSERT_NE(events.WaitFor("event: hello"), "");
  const std::string page = Body("/en/reports/alpha/2021/");
  const std::string data = site_ + "/content/reports/alpha/2021/data.yaml";
  const std::string good = ReadFile(data);
  WriteFile(data, good + "bogus_key: 1\n");

  std::string error = events.WaitFor("event: build-error");
  ASSERT_NE(error, "") << Log();
  EXPECT_NE(error.find("\"summary\":\"nianbao: build failed: "), std::string::npos) << error;
  EXPECT_NE(error.find("content/reports/alpha/2021/data.yaml:"), std::string::npos) << error;
  EXPECT_NE(error.find(": error: "), std::string::npos) << error;
  EXPECT_NE(error.find("^\\n"), std::string::npos) << error;  // the caret line
  EXPECT_NE(Log().find("content/reports/alpha/2021/data.yaml:"), std::string::npos);
  // The last good site is still served, and a page opened now shows the errors at once.
  EXPECT_EQ(Body("/en/reports/alpha/2021/"), page);
  {
    EventStream late(session_->port());
    std::string greeting = late.WaitFor("event: build-error", milliseconds(3000));
    EXPECT_NE(greeting.find("event: hello"), std::string::npos) << greeting;
  }

  WriteFile(data, good);
  std::string reload = events.WaitFor("event: reload");
  ASSERT_NE(reload, "") << Log();
  EXPECT_FALSE(session_->live().Current()->failing);
  EventStream after(session_->port());
  ASSERT_NE(after.WaitFor("event: hello"), "");
  EXPECT_EQ(after.WaitFor("event: build-error", milliseconds(300)), "");
}

TEST_F(ServeTest, ManyOpenPagesDoNotHangTheServer) {
  std::vector<std::unique_ptr<EventStream>> tabs;
  for (int i = 0; i < 12; ++i) tabs.push_back(std::make_unique<EventStream>(session_->port()));
  for (auto& tab : tabs) ASSERT_NE(tab->WaitFor("event: hello"), "");
  auto res = client_->Get("/en/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(ServeTest, StopEndsOpenStreamsPromptly) {
  EventStream events(session_->port());
  ASSERT_NE(events.WaitFor("event: hello"), "");
  auto start = std::chrono::steady_clock::now();
  session_->Stop();
  EXPECT_TRUE(events.WaitForEnd(milliseconds(2000)));
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
}

TEST(ServeStartTest, ATakenPortIsAnErrorWhenAskedFor) {
  testing::TempDir tmp;
  testing::CopyTree(testing::FixtureSite("good"), tmp.path());
  ServeOptions options;
  options.site = tmp.path();
  options.port = 0;
  ServeSession first(options, [](const std::string&) {});
  ASSERT_EQ(first.Start(), "");
  options.port = first.port();
  options.port_given = true;
  ServeSession second(options, [](const std::string&) {});
  EXPECT_EQ(second.Start(), "cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                                " (in use, or not an address of this machine)");
  // Without --port the next free one is taken.
  options.port_given = false;
  ServeSession third(options, [](const std::string&) {});
  EXPECT_EQ(third.Start(), "");
  EXPECT_GT(third.port(), first.port());
}

TEST(ServeStartTest, ABrokenSiteStillServesItsErrors) {
  testing::TempDir tmp;
  testing::CopyTree(testing::FixtureSite("good"), tmp.path());
  WriteFile(tmp.path() + "/content/site.yaml", "title: [\n");
  ServeOptions options;
  options.site = tmp.path();
  options.port = 0;
  ServeSession session(options, [](const std::string&) {});
  ASSERT_EQ(session.Start(), "");
  httplib::Client client("127.0.0.1", session.port());
  auto res = client.Get("/en/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_NE(res->body.find("The site has errors"), std::string::npos);
  EXPECT_NE(res->body.find("EventSource"), std::string::npos);
  EXPECT_TRUE(session.live().Current()->failing);
}

}  // namespace
}  // namespace nianbao
