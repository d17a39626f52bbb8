#include "serve/live_site.h"

#include <thread>

#include <gtest/gtest.h>

#include "serve/reload_script.h"

namespace nianbao {
namespace {

using std::chrono::milliseconds;

std::shared_ptr<const SiteFiles> Files(OutputFiles files) {
  return std::make_shared<const SiteFiles>(ToSiteFiles(std::move(files)));
}

TEST(SiteFilesTest, ChangedPathsFindsAddedRemovedAndEdited) {
  SiteFiles a = ToSiteFiles({{"a.html", "1"}, {"b.html", "2"}, {"c.html", "3"}});
  SiteFiles b = ToSiteFiles({{"b.html", "2"}, {"c.html", "4"}, {"d.html", "5"}});
  EXPECT_EQ(ChangedPaths(a, b), (std::vector<std::string>{"a.html", "c.html", "d.html"}));
  EXPECT_EQ(ChangedPaths(a, a), std::vector<std::string>{});
}

TEST(SiteFilesTest, OverlayReplacesAndReportsOnlyRealChanges) {
  SiteFiles site = ToSiteFiles({{"a.html", "1"}, {"b.html", "2"}});
  auto b = site.at("b.html");
  EXPECT_EQ(Overlay(site, {{"a.html", "1"}, {"c.html", "3"}, {"b.html", "2"}}),
            std::vector<std::string>{"c.html"});
  EXPECT_EQ(site.at("b.html"), b);  // unchanged bytes are not even replaced
  EXPECT_EQ(Overlay(site, {{"b.html", "two"}}), std::vector<std::string>{"b.html"});
  EXPECT_EQ(*site.at("b.html"), "two");
}

TEST(LiveSiteTest, StartsWithNoSite) {
  LiveSite live("id");
  auto state = live.Current();
  EXPECT_EQ(state->files, nullptr);
  EXPECT_EQ(state->version, "id-0");
  EXPECT_FALSE(state->failing);
  EXPECT_EQ(state->seq, 0u);
}

TEST(LiveSiteTest, PublishNumbersVersionsAndEvents) {
  LiveSite live("id");
  live.Publish(Files({{"en/index.html", "1"}}), {});
  live.Publish(Files({{"en/index.html", "2"}}), {"en/index.html"});
  auto state = live.Current();
  EXPECT_EQ(state->version, "id-2");
  EXPECT_EQ(state->seq, 2u);
  EXPECT_EQ(*state->files->at("en/index.html"), "2");
  std::vector<SiteEvent> events = live.WaitForEvents(0, milliseconds(0));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].wire, ReloadAllEvent("id-1"));  // the first site replaces every page
  EXPECT_EQ(events[1].wire, ReloadEvent("id-2", {"en/index.html"}));
  EXPECT_EQ(live.WaitForEvents(1, milliseconds(0)).size(), 1u);
  EXPECT_TRUE(live.WaitForEvents(2, milliseconds(0)).empty());
}

TEST(LiveSiteTest, FailKeepsTheFilesUntilTheNextGoodBuild) {
  LiveSite live("id");
  auto files = Files({{"en/index.html", "good"}});
  live.Publish(files, {});
  live.Fail("1 error", "a.md:1:1: error: x\n");
  auto state = live.Current();
  EXPECT_TRUE(state->failing);
  EXPECT_EQ(state->files, files);
  EXPECT_EQ(state->version, "id-1");
  EXPECT_EQ(state->error_event, BuildErrorEvent("1 error", "a.md:1:1: error: x\n"));
  live.Publish(files, {});
  EXPECT_FALSE(live.Current()->failing);
  EXPECT_EQ(live.Current()->error_event, "");
}

TEST(LiveSiteTest, AStreamFarBehindGetsOneReloadOfEverything) {
  LiveSite live("id");
  auto files = Files({{"a.html", "x"}});
  for (int i = 0; i < 100; ++i) live.Publish(files, {"a.html"});
  live.Fail("s", "t");
  std::vector<SiteEvent> events = live.WaitForEvents(1, milliseconds(0));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].wire, ReloadAllEvent("id-100"));
  EXPECT_EQ(events[1].wire, BuildErrorEvent("s", "t"));
}

TEST(LiveSiteTest, WaitWakesOnPublishAndOnClose) {
  LiveSite live("id");
  std::thread publisher([&] {
    std::this_thread::sleep_for(milliseconds(20));
    live.Publish(Files({}), {});
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(live.WaitForEvents(0, milliseconds(5000)).size(), 1u);
  publisher.join();

  std::thread closer([&] {
    std::this_thread::sleep_for(milliseconds(20));
    live.Close();
  });
  EXPECT_TRUE(live.WaitForEvents(1, milliseconds(5000)).empty());
  closer.join();
  EXPECT_TRUE(live.closed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
}

}  // namespace
}  // namespace nianbao
