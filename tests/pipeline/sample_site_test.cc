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
