#include "serve/watcher.h"

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using Batch = std::vector<std::string>;

void Write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A temporary site folder and a watcher on it that collects the batches it reports.
class WatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.path();
    fs::create_directories(root_ / "content" / "reports" / "city" / "2021");
    Write(root_ / "content" / "site.yaml", "title: x\n");
  }
  void TearDown() override {
    if (watcher_) watcher_->Stop();
  }
  void Start(milliseconds debounce = milliseconds(30), milliseconds max_delay = milliseconds(500)) {
    WatcherOptions options{root_.string(), {"content", "templates", "themes"}, debounce, max_delay};
    watcher_ = std::make_unique<Watcher>(options, [this](const Batch& batch) {
      std::lock_guard lock(mutex_);
      batches_.push_back(batch);
      cv_.notify_all();
    });
    ASSERT_EQ(watcher_->Start(), "");
  }
  // The next batch, or {"timeout"}.
  Batch Next(milliseconds wait = milliseconds(3000)) {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, wait, [&] { return !batches_.empty(); })) return {"timeout"};
    Batch b = batches_.front();
    batches_.erase(batches_.begin());
    return b;
  }

  testing::TempDir tmp_;
  fs::path root_;
  std::unique_ptr<Watcher> watcher_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Batch> batches_;
};

TEST_F(WatcherTest, ReportsAnEditedFile) {
  Start();
  Write(root_ / "content" / "site.yaml", "title: y\n");
  EXPECT_EQ(Next(), Batch{"content/site.yaml"});
}

TEST_F(WatcherTest, ABurstOfEventsIsOneBatch) {
  Start(milliseconds(300), milliseconds(5000));
  for (int i = 0; i < 5; ++i) {
    Write(root_ / "content" / "site.yaml", "title: " + std::to_string(i) + "\n");
    Write(root_ / "content" / "reports" / "city" / "2021" / "data.yaml", "values: {}\n");
  }
  EXPECT_EQ(Next(), (Batch{"content/reports/city/2021/data.yaml", "content/site.yaml"}));
  EXPECT_EQ(Next(milliseconds(500)), Batch{"timeout"});
}

TEST_F(WatcherTest, MaxDelayReportsEvenWhileEventsGoOn) {
  Start(milliseconds(200), milliseconds(300));
  auto start = std::chrono::steady_clock::now();
  Batch first = {"timeout"};
  // An event every 50 ms never leaves 200 ms of quiet; max_delay reports anyway.
  while (std::chrono::steady_clock::now() - start < milliseconds(3000)) {
    Write(root_ / "content" / "site.yaml", "title: x\n");
    std::unique_lock lock(mutex_);
    if (cv_.wait_for(lock, milliseconds(50), [&] { return !batches_.empty(); })) {
      first = batches_.front();
      break;
    }
  }
  EXPECT_EQ(first, Batch{"content/site.yaml"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
}

TEST_F(WatcherTest, WatchesNewFoldersAndTheFilesMadeInThem) {
  Start();
  fs::create_directories(root_ / "content" / "reports" / "county" / "2022");
  Write(root_ / "content" / "reports" / "county" / "2022" / "data.yaml", "values: {}\n");
  Batch first = Next();
  EXPECT_NE(std::find(first.begin(), first.end(), "content/reports/county"), first.end());
  // Whether the file was seen in the first batch or not, the new folder is watched now.
  Write(root_ / "content" / "reports" / "county" / "2022" / "report.zh.md", "x");
  Batch next = Next();
  while (next != Batch{"timeout"} &&
         std::find(next.begin(), next.end(), "content/reports/county/2022/report.zh.md") ==
             next.end()) {
    next = Next();
  }
  EXPECT_NE(next, Batch{"timeout"});
}

TEST_F(WatcherTest, TopFoldersThatAppearLaterAreWatched) {
  Start();
  fs::create_directories(root_ / "templates");
  EXPECT_EQ(Next(), Batch{"templates"});
  Write(root_ / "templates" / "home.mustache", "x");
  EXPECT_EQ(Next(), Batch{"templates/home.mustache"});
}

TEST_F(WatcherTest, IgnoresHiddenFilesBackupsAndOtherFolders) {
  Start();
  Write(root_ / "content" / ".site.yaml.swp", "x");
  Write(root_ / "content" / "site.yaml~", "x");
  fs::create_directories(root_ / "public");
  Write(root_ / "public" / "index.html", "x");
  Write(root_ / "notes.txt", "x");
  EXPECT_EQ(Next(milliseconds(300)), Batch{"timeout"});
}

TEST_F(WatcherTest, SaveByRenameReportsOnlyTheRealFile) {
  Start();
  // What sed -i and many editors do: write a temporary file, rename it over the original.
  fs::path tmp = root_ / "content" / "reports" / "city" / "2021" / "sedAb12Cd";
  Write(tmp, "new text");
  fs::rename(tmp, root_ / "content" / "reports" / "city" / "2021" / "report.zh.md");
  EXPECT_EQ(Next(), Batch{"content/reports/city/2021/report.zh.md"});
}

TEST_F(WatcherTest, ReportsRemovedFilesAndFolders) {
  Write(root_ / "content" / "reports" / "city" / "2021" / "data.yaml", "values: {}\n");
  Start();
  fs::remove_all(root_ / "content" / "reports" / "city");
  Batch b = Next();
  EXPECT_NE(std::find(b.begin(), b.end(), "content/reports/city"), b.end());
}

TEST_F(WatcherTest, StopIsPromptAndIdempotent) {
  Start(milliseconds(10000));
  Write(root_ / "content" / "site.yaml", "title: z\n");  // a batch still waiting for quiet
  std::this_thread::sleep_for(milliseconds(50));
  auto start = std::chrono::steady_clock::now();
  watcher_->Stop();
  watcher_->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(1000));
}

TEST(WatcherStartTest, AMissingSiteFolderIsAnError) {
  Watcher w({"/nonexistent/nianbao-site", {"content"}}, [](const Batch&) {});
  EXPECT_EQ(w.Start(), "cannot watch /nonexistent/nianbao-site: No such file or directory");
}

}  // namespace
}  // namespace nianbao
