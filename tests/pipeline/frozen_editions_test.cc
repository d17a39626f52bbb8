// Published means frozen: adding an edition leaves every earlier report page (and its
// files) byte-identical, and every comparison URL once generated keeps existing.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> Under(const std::map<std::string, std::string>& tree,
                                         const std::string& part) {
  std::map<std::string, std::string> out;
  for (const auto& [path, bytes] : tree) {
    if (path.find(part) != std::string::npos) out[path] = bytes;
  }
  return out;
}

TEST(FrozenEditions, ANewEditionChangesNoEarlierReportAndKeepsEveryComparison) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  RunResult r =
      RunCommand(Binary() + " build --quiet --site " + site + " --out " + tmp.path() + "/before");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto before = ReadTree(tmp.path() + "/before");

  // alpha's next annual edition, with figures and narratives like the latest one's.
  const std::string from = site + "/content/reports/alpha/2021";
  const std::string to = site + "/content/reports/alpha/2022";
  ASSERT_TRUE(fs::exists(from));
  ASSERT_FALSE(fs::exists(to));
  for (const auto& [name, bytes] : ReadTree(from)) {
    std::string text = bytes;
    for (size_t at; (at = text.find("2021")) != std::string::npos;) text.replace(at, 4, "2022");
    WriteFile(to + "/" + name, text);
  }
  r = RunCommand(Binary() + " build --quiet --site " + site + " --out " + tmp.path() + "/after");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto after = ReadTree(tmp.path() + "/after");

  const auto reports = Under(before, "/reports/");
  ASSERT_GT(reports.size(), 4u);
  for (const auto& [path, bytes] : reports) {
    ASSERT_TRUE(after.count(path)) << path << " is gone";
    EXPECT_EQ(after.at(path), bytes) << path << " changed when alpha/2022 was added";
  }
  EXPECT_TRUE(after.count("zh/reports/alpha/2022/index.html"));
  const auto compare = Under(before, "/compare/");
  ASSERT_FALSE(compare.empty());
  for (const auto& [path, bytes] : compare) {
    EXPECT_TRUE(after.count(path)) << path << ": a comparison URL disappeared";
  }
  EXPECT_GT(Under(after, "/compare/").size(), compare.size());
}

}  // namespace
}  // namespace nianbao::testing

namespace nianbao::testing {
namespace {

// Regression: a narrative-only edition was compared, every cell 未报送; now it is not, and
// the next report says why.
TEST(NoFiguresNoComparison, TheNextReportSaysWhy) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  WriteFile(site + "/content/reports/alpha/2020/data.yaml", "values:\n");
  WriteFile(site + "/content/reports/alpha/2020/report.zh.md", "---\ntitle: 2020年\n---\n正文。\n");
  WriteFile(site + "/content/reports/alpha/2020/report.en.md", "---\ntitle: 2020\n---\nText.\n");
  RunResult r = RunCommand(Binary() + " build --quiet --site " + site + " --out " + tmp.path() +
                           "/p");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string zh = ReadFile(tmp.path() + "/p/zh/reports/alpha/2021/index.html");
  EXPECT_NE(zh.find("<p class=\"meta\">上一期（2020年）未发布指标数据，无法对比。</p>"),
            std::string::npos);
  EXPECT_EQ(zh.find("2020-vs-2021"), std::string::npos);
  EXPECT_NE(ReadFile(tmp.path() + "/p/en/reports/alpha/2020/index.html")
                .find("<p class=\"notice\">This edition publishes its written report only, "
                      "without figures.</p>"),
            std::string::npos);
  EXPECT_TRUE(ReadTree(tmp.path() + "/p").count("zh/compare/alpha/2020-vs-2021/index.html") == 0);
}

// cmark-gfm writes the footnote back-link's label in English; a Chinese text gets Chinese.
TEST(FootnoteBackLink, LabelledInTheTextsLanguage) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  const std::string md = site + "/content/reports/alpha/2021/report.zh.md";
  WriteFile(md, ReadFile(md) + "\n见说明[^1]。\n\n[^1]: 数据口径。\n");
  RunResult r = RunCommand(Binary() + " build --quiet --site " + site + " --out " + tmp.path() +
                           "/p");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string zh = ReadFile(tmp.path() + "/p/zh/reports/alpha/2021/index.html");
  EXPECT_NE(zh.find("class=\"footnote-backref\" data-footnote-backref aria-label=\"返回正文\""),
            std::string::npos);
  EXPECT_EQ(zh.find("Back to content"), std::string::npos);
}

}  // namespace
}  // namespace nianbao::testing
