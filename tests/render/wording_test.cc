// Every figure and word as a careful editor would print it, in both languages: exact
// strings from the fixture site's pages.
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

class Wording : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    RunResult r = RunCommand(Binary() + " build --quiet --site " + FixtureSite("good") + " --out " +
                             tmp_->path() + "/p");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  static void TearDownTestSuite() { delete tmp_; }
  static std::string Page(const std::string& rel) { return ReadFile(tmp_->path() + "/p/" + rel); }
  static bool Has(const std::string& rel, const std::string& text) {
    return Page(rel).find(text) != std::string::npos;
  }
  static TempDir* tmp_;
};
TempDir* Wording::tmp_ = nullptr;

const char kZh[] = "zh/reports/alpha/2021/index.html";
const char kEn[] = "en/reports/alpha/2021/index.html";

TEST_F(Wording, ChinesePagesUseFullWidthPunctuation) {
  EXPECT_TRUE(Has("zh/compare/alpha/2020-vs-2021/index.html", "两期报告：<a "));
  EXPECT_TRUE(Has("en/compare/alpha/2020-vs-2021/index.html", "The two reports: <a "));
  EXPECT_TRUE(Has(kZh, "上一期：2020年</a>"));
  EXPECT_FALSE(Has(kZh, "上一期: "));
}

TEST_F(Wording, AChangeCellSaysEachThingOnce) {
  EXPECT_TRUE(Has(kZh,
                  "增长2.9%（<span class=\"delta\">+3,456</span>，<span "
                  "class=\"dir-text\">向好</span>）</td>"));
  EXPECT_TRUE(Has(kEn,
                  "up 2.9% (<span class=\"delta\">+3,456</span>, <span "
                  "class=\"dir-text\">better</span>)</td>"));
  // A rate's change is its delta: said once, not "提高0.6个百分点 (+0.6个百分点)".
  EXPECT_TRUE(Has(kZh, "提高0.6个百分点（<span class=\"dir-text\">向好</span>）</td>"));
  EXPECT_TRUE(Has(kEn, "up 0.6 pp (<span class=\"dir-text\">better</span>)</td>"));
}

TEST_F(Wording, WithheldIsNotMissing) {
  EXPECT_TRUE(Has(kZh, "<td class=\"change \">上期数据未公开</td>"));
  EXPECT_TRUE(Has(kEn, "<td class=\"change \">the earlier figure is withheld</td>"));
}

TEST_F(Wording, TheDescriptionIsTheSummaryWhereThereIsOne) {
  // One description per page: on a report, the specification's Description (docs/government.md).
  EXPECT_TRUE(Has(kZh, "<meta name=\"Description\" content=\"市场主体稳步增长。\">"));
  EXPECT_FALSE(Has(kZh, "<meta name=\"description\""));
  EXPECT_TRUE(Has("zh/index.html", "<meta name=\"description\" content=\"用于测试的站点。\">"));
}

TEST_F(Wording, ChartJsOnlyOnPagesWithACharts) {
  EXPECT_TRUE(Has(kZh, "chart.umd.js"));
  EXPECT_FALSE(Has("zh/pages/about/index.html", "chart.umd.js"));
  EXPECT_FALSE(Has("zh/bureaus/index.html", "chart.umd.js"));
}

TEST_F(Wording, HomeFiguresHaveNoSpaceBeforeAChineseUnit) {
  EXPECT_TRUE(Has("zh/index.html", "</span>户"));
  EXPECT_FALSE(Has("zh/index.html", "</span> 户"));
  EXPECT_TRUE(Has("en/index.html", "</span> entities"));
}

TEST_F(Wording, EnglishListsShowEnglishTitles) {
  EXPECT_TRUE(
      Has("en/bureaus/beta/index.html",
          "<a href=\"../../reports/beta/2021/index.html\">2021: Beta County report 2021</a>"));
  EXPECT_FALSE(Has("en/bureaus/beta/index.html", "乙县2021年工作报告"));
  EXPECT_TRUE(Has("zh/bureaus/beta/index.html", "乙县2021年工作报告"));
}

TEST_F(Wording, AChartsUnitGoesOnTheAxisNotIntoEachLegend) {
  const std::string page = Page(kEn);
  EXPECT_NE(page.find("&quot;unit&quot;:&quot;entities&quot;,&quot;labels&quot;"),
            std::string::npos);
  EXPECT_NE(page.find("&quot;label&quot;:&quot;Market entities&quot;"), std::string::npos);
  EXPECT_EQ(page.find("&quot;label&quot;:&quot;Market entities (entities)"), std::string::npos);
  // A rate chart says so, so that its axis starts at zero (themes/default/assets/nianbao.js).
  EXPECT_TRUE(Has("en/indicators/pass_rate/index.html",
                  "&quot;unit&quot;:&quot;%&quot;,&quot;rate&quot;:true,"));
}

TEST(WordingUntitledChart, IsNamedByAllItsSeries) {
  TempDir tmp;
  CopyTree(FixtureSite("good"), tmp.path() + "/site");
  for (const char* lang : {"zh", "en"}) {
    const std::string md = tmp.path() + "/site/content/reports/alpha/2021/report." + lang + ".md";
    std::string text = ReadFile(md);
    const std::string from = "indicators: [entities]";
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, from.size(), "indicators: [entities, pass_rate]");
    const size_t title = text.find("title: {zh: 市场主体");
    ASSERT_NE(title, std::string::npos);
    text.erase(title, text.find('\n', title) - title + 1);
    WriteFile(md, text);
  }
  RunResult r = RunCommand(Binary() + " build --quiet --site " + tmp.path() + "/site --out " +
                           tmp.path() + "/p");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string zh = ReadFile(tmp.path() + "/p/zh/reports/alpha/2021/index.html");
  const std::string en = ReadFile(tmp.path() + "/p/en/reports/alpha/2021/index.html");
  EXPECT_NE(zh.find("<span class=\"chart-title\">市场主体、"), std::string::npos) << zh;
  EXPECT_NE(en.find("<span class=\"chart-title\">Market entities, "), std::string::npos);
}

}  // namespace
}  // namespace nianbao::testing
