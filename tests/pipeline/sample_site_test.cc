// The sample site in content/ is the first thing a new user builds: it must be clean.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

TEST(SampleSite, BuildsWithNoWarningEvenStrict) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " build --strict --site " + NIANBAO_SOURCE_DIR + " --out " +
                           tmp.path() + "/public");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.rfind("nianbao: ", 0), 0u) << "diagnostics printed:\n" << r.output;
  EXPECT_NE(r.output.find(" 0 warning(s) "), std::string::npos) << r.output;
}

// The sample shows every government element (docs/government.md), with example codes.
TEST(SampleSite, PublishBuildCarriesEveryGovernmentElement) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " build --publish --quiet --site " + NIANBAO_SOURCE_DIR +
                           " --out " + tmp.path() + "/public");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* lang : {"zh", "en"}) {
    const std::string page =
        ReadFile(tmp.path() + "/public/" + lang + "/reports/example-city/2021/index.html");
    for (const char* name : {"SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ArticleTitle",
                             "PubDate", "ContentSource", "Keywords", "Description"}) {
      EXPECT_NE(page.find("<meta name=\"" + std::string(name) + "\" content=\""), std::string::npos)
          << lang << " " << name;
    }
    for (const char* fragment :
         {"<meta name=\"SiteIDCode\" content=\"1399000099\">", "<section class=\"gov-info\"",
          "11139900MB0000001X/2021-00003", "冀ICP备00000000号-1", "recordcode=13999902000099",
          "mailto:office@example.gov.cn", "<p class=\"gov-badge\">",
          "<!-- nianbao:publish_snippet -->"}) {
      EXPECT_NE(page.find(fragment), std::string::npos) << lang << " " << fragment;
    }
  }
}

TEST(SampleSite, EveryNarrativeIsBilingualAndAnnualOnesHaveCharts) {
  const std::string reports = std::string(NIANBAO_SOURCE_DIR) + "/content/reports";
  int narratives = 0;
  for (const auto& bureau : fs::directory_iterator(reports)) {
    for (const auto& edition : fs::directory_iterator(bureau.path())) {
      const std::string dir = edition.path().string();
      bool zh = fs::exists(dir + "/report.zh.md");
      bool en = fs::exists(dir + "/report.en.md");
      EXPECT_EQ(zh, en) << dir;
      EXPECT_TRUE(fs::exists(dir + "/data.yaml")) << dir;
      if (!zh) continue;
      ++narratives;
      for (const char* lang : {"zh", "en"}) {
        std::string text = ReadFile(dir + "/report." + lang + ".md");
        EXPECT_NE(text.find("{{< value "), std::string::npos) << dir << " " << lang;
        if (edition.path().filename().string().find('-') == std::string::npos) {
          EXPECT_NE(text.find("```chart"), std::string::npos) << dir << " " << lang;
        }
      }
    }
  }
  EXPECT_EQ(narratives, 5);  // one per seed report
}

}  // namespace
}  // namespace nianbao::testing
