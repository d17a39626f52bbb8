#include "serve/rebuilder.h"

#include "output/manifest.h"

#include <functional>

#include <gtest/gtest.h>

#include "pipeline/build.h"
#include "serve/reload_script.h"
#include "support/site_runner.h"

namespace nianbao {
namespace {

// A site in memory that can run a hook when one file is read (to change files mid-build).
class HookedFileSystem : public FileSystem {
 public:
  explicit HookedFileSystem(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  std::optional<std::string> Read(const std::string& path) const override {
    if (hook_ && path == hook_path_) {
      auto hook = std::move(hook_);
      hook_ = nullptr;
      hook();
    }
    return files_.Read(path);
  }
  std::vector<DirEntry> List(const std::string& dir) const override { return files_.List(dir); }
  bool IsDir(const std::string& path) const override { return files_.IsDir(path); }
  void Set(const std::string& path, std::string bytes) { files_.Set(path, std::move(bytes)); }
  void OnRead(std::string path, std::function<void()> hook) {
    hook_path_ = std::move(path);
    hook_ = std::move(hook);
  }

 private:
  MemoryFileSystem files_;
  std::string hook_path_;
  mutable std::function<void()> hook_;
};

std::map<std::string, std::string> LoadTree(const std::string& site) {
  std::map<std::string, std::string> files;
  for (auto& [path, bytes] : testing::ReadTree(site + "/content")) files["content/" + path] = bytes;
  return files;
}

class RebuilderTest : public ::testing::TestWithParam<std::string> {
 protected:
  RebuilderTest()
      : site_(LoadTree(GetParam())),
        live_("t"),
        rebuilder_(site_, live_, {1, ReloadScript()}, [this](const std::string& s) { log_ += s; }) {
  }

  // What `nianbao build` would make of the site as it is now, with the serve script.
  SiteFiles FullSite() {
    Diagnostics diags;
    BuildOptions options;
    options.reload_script = ReloadScript();
    std::optional<OutputFiles> files = BuildToMemory(site_, options, diags);
    EXPECT_TRUE(files) << diags.FormatAll();
    SiteFiles site = files ? ToSiteFiles(std::move(*files)) : SiteFiles{};
    site.erase(kManifestPath);  // serve keeps none: partial rebuilds would make it stale
    return site;
  }
  const SiteFiles& Served() { return *live_.Current()->files; }
  // An English narrative of an edition that is (or is not) its bureau's latest.
  std::string FindNarrative(bool latest) {
    Diagnostics diags;
    std::optional<SiteModel> model = LoadSite(site_, diags);
    EXPECT_TRUE(model) << diags.FormatAll();
    for (const Edition& e : model->content.editions) {
      if (e.narratives.count("en") && (model->Latest(e.bureau) == &e) == latest) {
        return e.narratives.at("en").path;
      }
    }
    ADD_FAILURE() << "no such narrative";
    return "";
  }
  void EditNarrativeAndCheck(const std::string& path);
  std::string Text(const std::string& path) { return *site_.Read(path); }

  HookedFileSystem site_;
  LiveSite live_;
  std::string log_;
  Rebuilder rebuilder_;
};

std::string Page(const std::string&) { return "content/pages/about.en.md"; }

TEST_P(RebuilderTest, FirstBuildPublishesTheWholeSite) {
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_EQ(ChangedPaths(Served(), FullSite()), std::vector<std::string>{});
  EXPECT_EQ(live_.Current()->version, "t-1");
  EXPECT_EQ(log_.rfind("nianbao: built ", 0), 0u) << log_;
}

// Edits the title and body of an English narrative, rebuilds it partially, then checks.
void RebuilderTest::EditNarrativeAndCheck(const std::string& path) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  std::string text = Text(path);
  size_t title = text.find("title: ");
  text.replace(title, text.find('\n', title) - title, "title: An edited title");
  text += "\nA new closing paragraph.\n";
  site_.Set(path, text);

  log_.clear();
  EXPECT_EQ(rebuilder_.ApplyChanges({path}), Rebuilder::Next::kCheck);
  EXPECT_NE(log_.find(path + ": "), std::string::npos) << log_;
  EXPECT_NE(log_.find("re-rendered"), std::string::npos) << log_;
  SiteFiles full = FullSite();
  const std::string edition = path.substr(16, path.rfind('/') - 16);  // "alpha/2021"
  EXPECT_NE(Served().at("en/reports/" + edition + "/index.html")->find("A new closing paragraph."),
            std::string::npos);
  // Today the partial rebuild is exact. If a page kind starts showing narratives elsewhere,
  // the check still fixes it at run time, but extend Rebuilder::RenderAffected to keep
  // edits instant.
  EXPECT_EQ(ChangedPaths(Served(), full), std::vector<std::string>{});
  const size_t left = ChangedPaths(Served(), full).size();
  // The check makes the served site exactly the full build.
  log_.clear();
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_EQ(ChangedPaths(Served(), full), std::vector<std::string>{});
  EXPECT_EQ(log_.rfind("nianbao: whole-site check: ", 0), 0u) << log_;
  EXPECT_NE(log_.find("whole-site check: " + std::to_string(left) + " more file"),
            std::string::npos)
      << log_;
}

// An edit's pages are shown first, the search index (slower to write) after them: two
// events, the page's reload not waiting for the index.
TEST_P(RebuilderTest, AnEditsPagesArePublishedBeforeTheSearchIndex) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  std::vector<SiteEvent> before = live_.WaitForEvents(0, std::chrono::milliseconds(0));
  ASSERT_FALSE(before.empty());
  const std::string path = FindNarrative(false);
  site_.Set(path, Text(path) + "\nA new closing paragraph.\n");
  EXPECT_EQ(rebuilder_.ApplyChanges({path}), Rebuilder::Next::kCheck);
  std::vector<SiteEvent> events =
      live_.WaitForEvents(before.back().seq, std::chrono::milliseconds(0));
  ASSERT_EQ(events.size(), 2u);
  // (A change under assets/search/ reloads the search pages.)
  EXPECT_EQ(events[0].wire.find("search/index.html"), std::string::npos) << events[0].wire;
  EXPECT_NE(events[0].wire.find("/reports/"), std::string::npos) << events[0].wire;
  EXPECT_NE(events[1].wire.find("search/index.html"), std::string::npos) << events[1].wire;
  EXPECT_EQ(events[1].wire.find("/reports/"), std::string::npos) << events[1].wire;
  // And the index then is the full build's, new paragraph included.
  EXPECT_EQ(ChangedPaths(Served(), FullSite()), std::vector<std::string>{});
}

TEST_P(RebuilderTest, EditOfAnOlderEditionsNarrative) {
  EditNarrativeAndCheck(FindNarrative(false));
}

// The latest edition's title and summary are on the home page too.
TEST_P(RebuilderTest, EditOfALatestEditionsNarrative) {
  EditNarrativeAndCheck(FindNarrative(true));
}

TEST_P(RebuilderTest, FreePageEditIsPartialToo) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  site_.Set(Page(GetParam()), Text(Page(GetParam())) + "\nOne more line.\n");
  log_.clear();
  EXPECT_EQ(rebuilder_.ApplyChanges({Page(GetParam())}), Rebuilder::Next::kCheck);
  EXPECT_NE(log_.find("re-rendered"), std::string::npos) << log_;
  EXPECT_NE(Served().at("en/pages/about/index.html")->find("One more line."), std::string::npos);
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_EQ(ChangedPaths(Served(), FullSite()), std::vector<std::string>{});
}

TEST_P(RebuilderTest, SiteWarningsArePrintedWhenTheyChangeNotAfterEveryEdit) {
  site_.Set("content/pages/extra.en.md", "---\ntitle: Extra\n---\nOnly in English.\n");
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_NE(log_.find("content/pages/extra.en.md"), std::string::npos) << log_;
  EXPECT_NE(log_.find(": warning: "), std::string::npos) << log_;
  log_.clear();
  const std::string path = FindNarrative(false);
  site_.Set(path, Text(path) + "\nMore.\n");
  EXPECT_EQ(rebuilder_.ApplyChanges({path}), Rebuilder::Next::kCheck);
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_EQ(log_.find("warning"), std::string::npos) << log_;
}

TEST_P(RebuilderTest, BrokenNarrativeShowsItsErrorUntilFixed) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  const SiteFiles before = Served();
  const std::string path = FindNarrative(false);
  const std::string good = Text(path);
  const int lines = static_cast<int>(std::count(good.begin(), good.end(), '\n'));
  site_.Set(path, good + "Broken: {{< value no_such_indicator >}}\n");

  log_.clear();
  // A full build would fail the same way: none follows.
  EXPECT_EQ(rebuilder_.ApplyChanges({path}), Rebuilder::Next::kNothing);
  std::shared_ptr<const SiteState> state = live_.Current();
  EXPECT_TRUE(state->failing);
  EXPECT_EQ(ChangedPaths(*state->files, before), std::vector<std::string>{});  // still served
  const std::string expected = path + ":" + std::to_string(lines + 1) +
                               ":9: error: unknown indicator 'no_such_indicator' in shortcode\n"
                               "  Broken: {{< value no_such_indicator >}}\n"
                               "          ^\n";
  EXPECT_EQ(state->error_event,
            BuildErrorEvent("nianbao: build failed: 1 error(s), 0 warning(s); still serving the "
                            "last good site",
                            expected));
  EXPECT_NE(log_.find(expected), std::string::npos) << log_;
  EXPECT_NE(log_.find("nianbao: build failed: 1 error(s), 0 warning(s); still serving the last "
                      "good site\n"),
            std::string::npos)
      << log_;

  // An unrelated edit of another narrative does not hide the error.
  const std::string other = Page(GetParam());
  site_.Set(other, Text(other) + "\nx\n");
  EXPECT_EQ(rebuilder_.ApplyChanges({other}), Rebuilder::Next::kNothing);
  EXPECT_TRUE(live_.Current()->failing);

  site_.Set(path, good);
  EXPECT_EQ(rebuilder_.ApplyChanges({path}), Rebuilder::Next::kCheck);
  EXPECT_FALSE(live_.Current()->failing);
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_EQ(ChangedPaths(Served(), FullSite()), std::vector<std::string>{});
}

TEST_P(RebuilderTest, OtherChangesNeedAFullBuild) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  const uint64_t seq = live_.Current()->seq;
  for (const std::vector<std::string>& paths :
       std::vector<std::vector<std::string>>{{"content/site.yaml"},
                                             {"content/indicators.yaml"},
                                             {FindNarrative(false), "content/site.yaml"},
                                             {"content/reports/new/2030/report.en.md"},
                                             {"templates/home.mustache"},
                                             {""}}) {
    EXPECT_EQ(rebuilder_.ApplyChanges(paths), Rebuilder::Next::kFullBuild) << paths[0];
  }
  // Nothing was published: the full build will.
  EXPECT_EQ(live_.Current()->seq, seq);
  // Until it runs, even a narrative edit waits for it (the model may be stale).
  log_.clear();
  EXPECT_EQ(rebuilder_.ApplyChanges({FindNarrative(false)}), Rebuilder::Next::kFullBuild);
  EXPECT_EQ(log_, "");
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
}

TEST_P(RebuilderTest, DataErrorKeepsTheLastGoodSite) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  const SiteFiles before = Served();
  const std::string narrative = FindNarrative(false);
  const std::string data = narrative.substr(0, narrative.rfind('/')) + "/data.yaml";
  site_.Set(data, Text(data) + "values: {}\n");
  // Read alone and refused: a full build would fail the same way, so none follows.
  EXPECT_EQ(rebuilder_.ApplyChanges({data}), Rebuilder::Next::kNothing);
  EXPECT_TRUE(live_.Current()->failing);
  EXPECT_EQ(ChangedPaths(Served(), before), std::vector<std::string>{});
  EXPECT_NE(live_.Current()->error_event.find(data + ":"), std::string::npos);
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kFailed);
  EXPECT_EQ(ChangedPaths(Served(), before), std::vector<std::string>{});
}

// A data.yaml edit re-renders its bureau's pages, the home, indicator and open-data
// pages, and nothing else: exactly what a full build would serve.
TEST_P(RebuilderTest, DataEditIsPartialAndExact) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  const SiteFiles before = Served();
  const std::string narrative = FindNarrative(false);
  const std::string data = narrative.substr(0, narrative.rfind('/')) + "/data.yaml";
  std::string text = Text(data);
  // The first figure of the file gets another value (a typo corrected, say).
  size_t colon = text.find(": ", text.find("values:") + 8);
  size_t end = text.find('\n', colon);
  text.replace(colon + 2, end - colon - 2, "4242");
  site_.Set(data, text);
  log_.clear();
  EXPECT_EQ(rebuilder_.ApplyChanges({data}), Rebuilder::Next::kCheck);
  EXPECT_NE(log_.find(data + ": "), std::string::npos) << log_;
  const SiteFiles full = FullSite();
  EXPECT_EQ(ChangedPaths(Served(), full), std::vector<std::string>{});
  EXPECT_FALSE(ChangedPaths(before, full).empty());
  const std::string edition = data.substr(16, data.rfind('/') - 16);
  EXPECT_NE(Served().at("data/indicators.csv")->find(edition.substr(edition.find('/') + 1)),
            std::string::npos);
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  EXPECT_NE(log_.find("whole-site check: 0 more files"), std::string::npos) << log_;
}

TEST_P(RebuilderTest, ABuildOvertakenByAChangeIsDropped) {
  ASSERT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
  const uint64_t seq = live_.Current()->seq;
  // The file changes while the build reads the site.
  site_.OnRead("content/site.yaml", [&] { rebuilder_.ApplyChanges({"content/site.yaml"}); });
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kDropped);
  EXPECT_EQ(live_.Current()->seq, seq);
  EXPECT_EQ(rebuilder_.FullBuild(), Rebuilder::Outcome::kPublished);
}

// A data edit read on its own still runs the data checks indicators.yaml declares.
TEST(RebuilderChecks, ADataEditWarnsOfAFailedCheck) {
  HookedFileSystem site(LoadTree(testing::FixtureSite("checks/pass")));
  LiveSite live("t");
  std::string log;
  Rebuilder rebuilder(site, live, {1, ReloadScript()}, [&](const std::string& s) { log += s; });
  ASSERT_EQ(rebuilder.FullBuild(), Rebuilder::Outcome::kPublished) << log;
  const std::string data = "content/reports/alpha/2022/data.yaml";
  std::string text = *site.Read(data);
  text.replace(text.find("pass_rate: 98.9"), 15, "pass_rate: 85.0");
  site.Set(data, text);
  log.clear();
  EXPECT_EQ(rebuilder.ApplyChanges({data}), Rebuilder::Next::kCheck);
  EXPECT_NE(log.find(data + ":"), std::string::npos) << log;
  EXPECT_NE(log.find("10:14: warning: the value of pass_rate, 85, is outside its range in "
                     "indicators.yaml (from 90 to 100)"),
            std::string::npos)
      << log;
}

// A county's figures are listed and ranked on its city's region page: a data edit
// re-renders that page at once, not only at the whole-site check.
TEST(RebuilderRegions, ADataEditUpdatesTheParentsRegionPage) {
  HookedFileSystem site(LoadTree(testing::FixtureSite("regions")));
  LiveSite live("t");
  std::string log;
  Rebuilder rebuilder(site, live, {1, ReloadScript()}, [&](const std::string& s) { log += s; });
  ASSERT_EQ(rebuilder.FullBuild(), Rebuilder::Outcome::kPublished) << log;
  const std::string data = "content/reports/a1/2023/data.yaml";
  std::string text = *site.Read(data);
  text.replace(text.find("entities: 1000"), 14, "entities: 5000");
  site.Set(data, text);
  EXPECT_EQ(rebuilder.ApplyChanges({data}), Rebuilder::Next::kCheck);
  const std::string& region = *live.Current()->files->at("en/bureaus/city-a/index.html");
  EXPECT_NE(region.find("<td class=\"num\">1</td><th scope=\"row\"><a "
                        "href=\"../a1/index.html\">Alpha One</a></th><td class=\"num\">5,000 "
                        "entities</td>"),
            std::string::npos)
      << log;
}

INSTANTIATE_TEST_SUITE_P(Sites, RebuilderTest,
                         ::testing::Values(testing::FixtureSite("good"),
                                           std::string(NIANBAO_SOURCE_DIR)),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return info.index == 0 ? std::string("Fixture") : std::string("Sample");
                         });

}  // namespace
}  // namespace nianbao
