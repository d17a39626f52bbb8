// `nianbao new site` and `nianbao new edition`, and the whole path from a spreadsheet to a
// checked, built edition.
#include "scaffold/scaffold.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

TEST(NewSite, BuildsStrictWithNoWarning) {
  TempDir tmp;
  const std::string site = tmp.path() + "/my-site";
  RunResult r = RunCommand(Binary() + " new site " + site);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output,
            "  content/site.yaml\n  content/indicators.yaml\n  content/bureaus/example-city.yaml\n"
            "  content/reports/example-city/2024/data.yaml\n"
            "  content/reports/example-city/2024/report.zh.md\n"
            "  content/reports/example-city/2024/report.en.md\n"
            "nianbao: new site: 6 files in " +
                site + "; build it with: nianbao build --site " + site + "\n");
  RunResult build = RunCommand(Binary() + " build --strict --site " + site);
  EXPECT_EQ(build.exit_code, 0) << build.output;
  EXPECT_EQ(build.output.find("warning:"), std::string::npos) << build.output;
  EXPECT_NE(build.output.find(" 0 warning(s) in "), std::string::npos) << build.output;
  RunResult check = RunCommand(Binary() + " check --strict --site " + site);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_TRUE(fs::exists(site + "/public/zh/reports/example-city/2024/index.html"));
}

TEST(NewSite, NeverOverwrites) {
  TempDir tmp;
  const std::string site = tmp.path() + "/s";
  WriteFile(site + "/content/indicators.yaml", "mine\n");
  RunResult r = RunCommand(Binary() + " new site " + site);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output, site +
                          "/content/indicators.yaml: error: already exists: nianbao new never "
                          "overwrites a file\nnianbao: new: nothing was written\n");
  EXPECT_EQ(ReadTree(site),
            (std::map<std::string, std::string>{{"content/indicators.yaml", "mine\n"}}));
}

TEST(NewSite, TheFilesAreTheSameEveryTime) {
  std::vector<scaffold::NewFile> a = scaffold::SiteFiles(), b = scaffold::SiteFiles();
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_EQ(a[i].text, b[i].text);
  }
}

class NewEdition : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(RunCommand(Binary() + " new site " + site_).exit_code, 0); }
  std::string Edition(const std::string& file) {
    return ReadFile(site_ + "/content/reports/example-city/2025-h1/" + file);
  }
  TempDir tmp_;
  std::string site_ = tmp_.path() + "/site";
};

TEST_F(NewEdition, ListsEveryIndicatorAsNullAndANarrativePerLanguage) {
  RunResult r = RunCommand(Binary() + " new edition example-city 2025-h1 --site " + site_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Edition("data.yaml"),
            "# The figures of this edition: a number, withheld (not published) or null (not\n"
            "# reported). Fill them in here, or from the statistics office's spreadsheet with\n"
            "#   nianbao import FILE.xlsx --bureau example-city --edition 2025-h1\n"
            "values:\n"
            "  # 市场主体（户）\n  market_entities: null\n"
            "  # 企业（户）\n  enterprises: null\n"
            "  # 个体工商户（户）\n  individual_businesses: null\n"
            "  # 食品抽检合格率（%）\n  food_sampling_pass_rate: null\n");
  EXPECT_EQ(Edition("report.zh.md"),
            "---\ntitle: \"示例市市场监督管理局2025年上半年工作报告\"\n---\n");
  EXPECT_EQ(Edition("report.en.md"),
            "---\ntitle: \"Example City Administration for Market Regulation: work report, H1 "
            "2025\"\n---\n");
  RunResult build = RunCommand(Binary() + " build --strict --quiet --site " + site_);
  EXPECT_EQ(build.exit_code, 0) << build.output;
  EXPECT_EQ(build.output, "");
}

TEST_F(NewEdition, NeverOverwritesAndChecksItsArguments) {
  WriteFile(site_ + "/content/reports/example-city/2025-h1/report.en.md", "mine");
  RunResult r = RunCommand(Binary() + " new edition example-city 2025-h1 --site " + site_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output, site_ +
                          "/content/reports/example-city/2025-h1/report.en.md: error: already "
                          "exists: nianbao new never overwrites a file\n"
                          "nianbao: new: nothing was written\n");
  EXPECT_FALSE(fs::exists(site_ + "/content/reports/example-city/2025-h1/data.yaml"));
  EXPECT_EQ(Edition("report.en.md"), "mine");

  RunResult bad = RunCommand(Binary() + " new edition example-ctiy 2025-annual --site " + site_);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.output,
            "content/bureaus/example-ctiy.yaml: error: no bureau 'example-ctiy' (did you mean "
            "'example-city'?): add this file first\n"
            "content/reports/example-ctiy/2025-annual: error: '2025-annual' is not an edition "
            "name: use YYYY for a year, or YYYY-h1, YYYY-h2, YYYY-q1 … YYYY-q4\n"
            "nianbao: new edition: nothing was written\n");
  EXPECT_EQ(RunCommand(Binary() + " new edition example-city").exit_code, 2);
  EXPECT_EQ(RunCommand(Binary() + " new").exit_code, 2);
}

TEST_F(NewEdition, FromASpreadsheetToACheckedBuiltEdition) {
  ASSERT_EQ(RunCommand(Binary() + " new edition example-city 2025 --site " + site_).exit_code, 0);
  const std::string sheet = tmp_.path() + "/2025.csv";
  WriteFile(sheet,
            "示例市2025年主要指标\n"
            "指标名称,单位,2025年,备注,note_en\n"
            "市场主体,户,\"340,500\",年末实有户数,Registered at year end\n"
            "企业,户,11.25万,,\n"
            "个体工商户,户,228000,,\n"
            "食品抽检合格率,%,98.4%,,\n");
  RunResult dry = RunCommand(Binary() + " import " + sheet +
                             " --bureau example-city --edition 2025 --check --site " + site_);
  EXPECT_EQ(dry.exit_code, 0) << dry.output;
  RunResult r = RunCommand(Binary() + " import " + sheet +
                           " --bureau example-city --edition 2025 --strict --site " + site_);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "nianbao: import: 4 value(s) from " + sheet +
                          " (UTF-8): 0 new, 4 changed, 0 unchanged; 0 other(s) kept → "
                          "content/reports/example-city/2025/data.yaml\n");
  RunResult check = RunCommand(Binary() + " check --strict --site " + site_);
  EXPECT_EQ(check.exit_code, 0) << check.output;
  RunResult build = RunCommand(Binary() + " build --strict --site " + site_);
  EXPECT_EQ(build.exit_code, 0) << build.output;
  const std::string page = ReadFile(site_ + "/public/zh/reports/example-city/2025/index.html");
  EXPECT_NE(page.find("<td class=\"num\">340,500</td>"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"num\">98.4</td>"), std::string::npos);
}

}  // namespace
}  // namespace nianbao::testing
