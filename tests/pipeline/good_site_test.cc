// Builds tests/sites/good with the real binary and checks its key pages.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

class GoodSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    result_ = RunCommand(Binary() + " build --site " + FixtureSite("good") + " --out " +
                         tmp_->path() + "/public");
    files_ = ReadTree(tmp_->path() + "/public");
  }
  static void TearDownTestSuite() { delete tmp_; }

  static const std::string& File(const std::string& path) {
    static const std::string kMissing = "<missing>";
    auto it = files_.find(path);
    return it == files_.end() ? kMissing : it->second;
  }
  static bool Has(const std::string& path, const std::string& fragment) {
    return File(path).find(fragment) != std::string::npos;
  }

  static TempDir* tmp_;
  static RunResult result_;
  static std::map<std::string, std::string> files_;
};

TempDir* GoodSite::tmp_;
RunResult GoodSite::result_;
std::map<std::string, std::string> GoodSite::files_;

TEST_F(GoodSite, BuildsWithOneSummaryLine) {
  EXPECT_EQ(result_.exit_code, 0) << result_.output;
  EXPECT_EQ(result_.output.rfind("nianbao: ", 0), 0u) << result_.output;
  EXPECT_NE(result_.output.find(" 0 warning(s) in "), std::string::npos) << result_.output;
}

TEST_F(GoodSite, WritesEveryPageOfSpecSection7) {
  for (const char* path :
       {"index.html", "zh/index.html", "en/index.html", "zh/reports/alpha/2021/index.html",
        "en/reports/alpha/2021-h1/index.html", "zh/bureaus/beta/index.html",
        "en/pages/about/index.html", "data/indicators.csv", "data/indicators.json",
        "assets/style.css", "assets/chart.umd.js", "assets/nianbao.js"}) {
    EXPECT_TRUE(files_.count(path)) << path;
  }
}

TEST_F(GoodSite, RootChoosesTheDefaultLanguage) {
  EXPECT_TRUE(Has("index.html", "<meta http-equiv=\"refresh\" content=\"0; url=zh/index.html\">"));
  EXPECT_TRUE(Has("index.html", "<a href=\"en/index.html\" hreflang=\"en\">"));
}

TEST_F(GoodSite, ReportPageDeclaresLanguageAndLinksTheOtherOne) {
  const std::string zh = "zh/reports/alpha/2021/index.html";
  EXPECT_TRUE(Has(zh, "<html lang=\"zh\">"));
  EXPECT_TRUE(Has(zh,
                  "<link rel=\"alternate\" hreflang=\"en\" "
                  "href=\"../../../../en/reports/alpha/2021/index.html\">"));
  EXPECT_TRUE(Has(zh,
                  "<a href=\"../../../../en/reports/alpha/2021/index.html\" hreflang=\"en\" "
                  "lang=\"en\">English</a>"));
  EXPECT_TRUE(Has(zh, "<link rel=\"stylesheet\" href=\"../../../../assets/style.css\">"));
}

TEST_F(GoodSite, ShortcodesAreFormattedPerLanguage) {
  const std::string zh = "zh/reports/alpha/2021/index.html";
  const std::string en = "en/reports/alpha/2021/index.html";
  EXPECT_TRUE(Has(zh,
                  "全市市场主体达到<span class=\"figure\">12.35万户</span>，比上年<span "
                  "class=\"figure\">增长2.9%</span>"));
  EXPECT_TRUE(Has(zh,
                  "食品抽检合格率<span class=\"figure\">98.1%</span>，比上年<span "
                  "class=\"figure\">提高0.6个百分点</span>"));
  EXPECT_TRUE(Has(en,
                  "Market entities reached <span class=\"figure\">123,456 entities</span>, <span "
                  "class=\"figure\">up 2.9%</span>"));
  EXPECT_TRUE(Has(en,
                  "The pass rate was <span class=\"figure\">98.1%</span>, <span "
                  "class=\"figure\">up 0.6 pp</span>"));
  // The previous figure was withheld: no change is invented, and withheld is not missing.
  EXPECT_TRUE(Has(en,
                  "Fines: <span class=\"figure\">5.12 million yuan</span> (<span "
                  "class=\"figure\">the earlier figure is withheld</span>)"));
}

TEST_F(GoodSite, ChineseMarkdownAndSafeHtml) {
  const std::string zh = "zh/reports/alpha/2021/index.html";
  EXPECT_TRUE(Has(zh, "这是<strong>“重要”</strong>成果"));
  EXPECT_TRUE(Has(
      zh, "<a href=\"https://example.com/%E9%A1%B5%E9%9D%A2\">https://example.com/页面</a>，谢谢"));
  EXPECT_TRUE(Has(zh, "<!-- raw HTML omitted -->"));
  EXPECT_FALSE(Has(zh, "<script>alert(1)</script>"));
  EXPECT_TRUE(Has(zh, "<td><del>旧</del>新</td>"));
}

TEST_F(GoodSite, FiguresTableShowsWithheldAndNullApart) {
  const std::string zh2020 = "zh/reports/alpha/2020/index.html";
  EXPECT_TRUE(Has(zh2020, "<td class=\"num withheld\">未公开</td>"));
  const std::string en_h1 = "en/reports/alpha/2022-h1/index.html";
  EXPECT_TRUE(Has(en_h1, "<td class=\"num null\">not reported</td>"));
  // A zero base has an absolute change but no percentage.
  EXPECT_TRUE(
      Has("en/reports/alpha/2021/index.html",
          "earlier figure was zero; no percentage (<span class=\"delta\">+35,000.50</span>)"));
}

TEST_F(GoodSite, UserTextIsEscaped) {
  // The indicator name "Fines <total>" comes from indicators.yaml.
  EXPECT_TRUE(Has("en/reports/alpha/2021/index.html", "Fines &lt;total&gt;"));
  EXPECT_FALSE(Has("en/reports/alpha/2021/index.html", "Fines <total>"));
  EXPECT_TRUE(Has("en/index.html", "A site for tests &amp; checks."));
}

TEST_F(GoodSite, SiteOverridesInterfaceStringsAndFooterIsMarkdown) {
  EXPECT_TRUE(Has("en/bureaus/alpha/index.html", ">Start</a>"));
  EXPECT_TRUE(Has("zh/index.html", "数据为<strong>虚构</strong>示例。"));
  EXPECT_TRUE(Has("en/index.html", "Figures are <em>invented</em> for tests."));
}

TEST_F(GoodSite, LinksAreRelativeAndNameIndexHtml) {
  EXPECT_TRUE(
      Has("zh/reports/alpha/2021/index.html", "<a href=\"../2020/index.html\" rel=\"prev\">"));
  EXPECT_TRUE(
      Has("zh/bureaus/beta/index.html", "<a href=\"../alpha/index.html\">甲市市场监督管理局</a>"));
  for (const auto& [path, bytes] : files_) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    EXPECT_EQ(bytes.find("href=\"/"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("src=\"/"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("src=\"http"), std::string::npos) << path;
  }
}

TEST_F(GoodSite, OpenDataHasBomAndOneRowPerValue) {
  const std::string& csv = File("data/indicators.csv");
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF"
                      "bureau,edition,year,period,indicator,name_zh,name_en,unit_zh,unit_en,kind,"
                      "value,status\r\n",
                      0),
            0u);
  EXPECT_NE(
      csv.find(
          "alpha,2020,2020,annual,fines,罚没款,Fines <total>,万元,CNY 10k,amount,,withheld\r\n"),
      std::string::npos);
  EXPECT_NE(csv.find("alpha,2022-h1,2022,h1,capital,新增注册资本,New registered capital,万元,CNY "
                     "10k,amount,,null\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("alpha,2021,2021,annual,entities,市场主体,Market "
                     "entities,户,entities,count,123456,value\r\n"),
            std::string::npos);
}

TEST(IndicatorPage, NoChartIsDrawnForASeriesWithoutAnyFigure) {
  // capital's H1 figures are withheld (2021-h1) and null (2022-h1): the table stays and
  // says so, the chart (which would be empty) goes.
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  WriteFile(site + "/content/reports/alpha/2021-h1/data.yaml",
            "values:\n  entities: 121000\n  pass_rate: 97.9\n  capital: withheld\n");
  RunResult r = RunCommand(Binary() + " build --site " + site);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string dir = site + "/public/en/indicators/capital/";
  std::string page = ReadFile(dir + "index.html");
  EXPECT_NE(page.find("id=\"chart-annual\""), std::string::npos);
  EXPECT_EQ(page.find("id=\"chart-h1\""), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir + "chart-h1.csv"));
  EXPECT_TRUE(std::filesystem::exists(dir + "table-h1.csv"));
}

}  // namespace
}  // namespace nianbao::testing
