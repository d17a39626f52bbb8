// Builds tests/sites/charts in memory and checks the indicator pages, the comparison pages,
// the links to them and the open data, by exact fragments.
#include <gtest/gtest.h>

#include <map>

#include "pipeline/build.h"

namespace nianbao {
namespace {

class ChartsSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DiskFileSystem site(std::string(NIANBAO_TEST_SITES) + "/charts");
    Diagnostics diags;
    std::optional<OutputFiles> files = BuildToMemory(site, BuildOptions{2, ""}, diags);
    ASSERT_TRUE(files.has_value());
    ASSERT_EQ(diags.ErrorCount(), 0);
    files_ = new std::map<std::string, std::string>();
    for (const OutputFile& f : *files) (*files_)[f.path] = f.bytes;
  }
  static void TearDownTestSuite() { delete files_; }

  static const std::string& File(const std::string& path) {
    static const std::string kMissing = "<missing>";
    auto it = files_->find(path);
    return it == files_->end() ? kMissing : it->second;
  }
  static bool Has(const std::string& path, const std::string& fragment) {
    return File(path).find(fragment) != std::string::npos;
  }
  static std::vector<std::string> Under(const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : *files_) {
      if (path.rfind(prefix, 0) == 0) out.push_back(path);
    }
    return out;
  }

  static std::map<std::string, std::string>* files_;
};

std::map<std::string, std::string>* ChartsSite::files_;

// Pages and pairs.

TEST_F(ChartsSite, ComparisonsAreConsecutivePairsAndFirstVsLatestNeverAcrossKinds) {
  EXPECT_EQ(
      Under("en/compare/"),
      (std::vector<std::string>{
          "en/compare/alpha/2020-vs-2021/index.html", "en/compare/alpha/2020-vs-2022/index.html",
          "en/compare/alpha/2021-h1-vs-2022-h1/index.html",
          "en/compare/alpha/2021-vs-2022/index.html", "en/compare/beta/2021-vs-2022/index.html"}));
  EXPECT_EQ(Under("zh/compare/").size(), 5u);
}

TEST_F(ChartsSite, AnIndicatorPageWithChartAndTableCsvPerPeriodKind) {
  EXPECT_EQ(Under("zh/indicators/entities/"),
            (std::vector<std::string>{
                "zh/indicators/entities/chart-annual.csv", "zh/indicators/entities/chart-h1.csv",
                "zh/indicators/entities/index.html", "zh/indicators/entities/table-annual.csv",
                "zh/indicators/entities/table-h1.csv"}));
  // An indicator without part-year figures has no h1 section.
  EXPECT_EQ(Under("en/indicators/fines/").size(), 3u);
}

// The indicator page.

TEST_F(ChartsSite, IndicatorPageDescribesTheIndicator) {
  const std::string zh = "zh/indicators/entities/index.html";
  EXPECT_TRUE(Has(zh,
                  "<p class=\"kicker\">指标 · 营商环境</p>\n<h1>市场主体</h1>\n"
                  "<p class=\"lead\">期末实有市场主体户数。</p>"));
  EXPECT_TRUE(
      Has(zh,
          "<div><dt>单位</dt><dd>户</dd></div>\n"
          "<div><dt>变化的算法</dt><dd>与同一机构上一期同类报告相比的增减百分比</dd></div>\n"
          "<div><dt>好坏方向</dt><dd>数值越高越好</dd></div>"));
  EXPECT_TRUE(Has("en/indicators/pass_rate/index.html",
                  "<div><dt>How change is measured</dt><dd>Change in percentage points (not "
                  "percent) on the bureau&#39;s previous edition of the same kind</dd></div>"));
  EXPECT_TRUE(
      Has("en/indicators/fines/index.html", "<dd>Neither higher nor lower is rated better</dd>"));
}

TEST_F(ChartsSite, IndicatorChartHasASeriesPerBureauWithGapsNotZeros) {
  const std::string zh = "zh/indicators/entities/index.html";
  EXPECT_TRUE(Has(zh,
                  "data-chart=\"{&quot;type&quot;:&quot;line&quot;,&quot;unit&quot;:&quot;户&quot;,"
                  "&quot;labels&quot;:["
                  "&quot;2020年&quot;,&quot;2021年&quot;,&quot;2022年&quot;],&quot;datasets"
                  "&quot;:[{&quot;label&quot;:&quot;甲市局&quot;,&quot;data&quot;:["
                  "100000.0,110000.0,null]},{&quot;label&quot;:&quot;乙县局&quot;,"
                  "&quot;data&quot;:[null,30000.0,33000.0]}]}\""));
  EXPECT_TRUE(Has(zh,
                  "<span class=\"chart-summary\">甲市局：2020–2021年由10.00万户增至11.00万户，"
                  "增长10.0%；乙县局：2021–2022年由30,000户增至33,000户，增长10.0%。</span>"));
  EXPECT_TRUE(Has(zh,
                  "<tr><th scope=\"row\">2022年</th><td class=\"missing\">未公开</td>"
                  "<td>33,000</td></tr>"));
  EXPECT_TRUE(Has(zh,
                  "<p class=\"chart-links\"><a href=\"chart-annual.csv\" download>"
                  "下载数据（CSV）</a></p>"));
}

TEST_F(ChartsSite, IndicatorTableShowsTheChangeInEachCell) {
  const std::string zh = "zh/indicators/entities/index.html";
  EXPECT_TRUE(Has(
      zh,
      "<p class=\"table-title\" id=\"table-annual\">各机构各期数值及较上期变化（单位：户）</p>"));
  EXPECT_TRUE(Has(zh,
                  "<tr><th scope=\"row\"><a href=\"../../bureaus/alpha/index.html\">甲市局</a></th>"
                  "<td><a href=\"../../reports/alpha/2020/index.html\">100,000</a></td>"
                  "<td><a href=\"../../reports/alpha/2021/index.html\">110,000</a>"
                  "<span class=\"cell-change\">+10.0%</span></td>"
                  "<td class=\"missing\"><a href=\"../../reports/alpha/2022/index.html\">未公开</a>"
                  "</td></tr>"));
  EXPECT_TRUE(Has(zh, "<td class=\"missing\">无该期报告</td>"));
  // Rates change in percentage points, in words of each language.
  EXPECT_TRUE(Has("zh/indicators/pass_rate/index.html",
                  ">97.2</a><span class=\"cell-change\">−0.8个百分点</span>"));
  EXPECT_TRUE(Has("en/indicators/pass_rate/index.html",
                  ">97.2</a><span class=\"cell-change\">−0.8 pp</span>"));
  // A zero base gives the absolute change; a withheld base gives none.
  const std::string fines = "en/indicators/fines/index.html";
  EXPECT_TRUE(Has(fines, ">12.50</a><span class=\"cell-change\">+12.50</span>"));
  EXPECT_TRUE(Has(fines, ">20.00</a><span class=\"cell-change\">+60.0%</span>"));
  EXPECT_TRUE(Has(fines, "<a href=\"../../reports/beta/2022/index.html\">8.00</a></td>"));
  // A trailing "not reported" keeps its column in the table.
  EXPECT_TRUE(Has("en/indicators/pass_rate/index.html",
                  "<td class=\"missing\"><a href=\"../../reports/alpha/2022-h1/index.html\">"
                  "not reported</a></td>"));
}

TEST_F(ChartsSite, IndicatorNotesAreListedOncePerBureauAndText) {
  EXPECT_TRUE(
      Has("zh/indicators/entities/index.html",
          "<li>甲市局（<a href=\"../../reports/alpha/2021/index.html\">2021年</a>、"
          "<a href=\"../../reports/alpha/2022/index.html\">2022年</a>）：含个体工商户</li>"));
  EXPECT_TRUE(Has("en/indicators/entities/index.html",
                  "<li>Alpha City (<a href=\"../../reports/alpha/2021/index.html\">2021</a>, "
                  "<a href=\"../../reports/alpha/2022/index.html\">2022</a>): Includes individual "
                  "businesses</li>"));
}

TEST_F(ChartsSite, IndicatorCsvFiles) {
  EXPECT_EQ(File("en/indicators/entities/chart-annual.csv"),
            "\xEF\xBB\xBFPeriod,Alpha City (entities),Beta County (entities)\r\n"
            "2020,100000,\r\n2021,110000,30000\r\n2022,withheld,33000\r\n");
  EXPECT_EQ(File("zh/indicators/entities/table-annual.csv"),
            "\xEF\xBB\xBF机构,期间,数值 (户),较上期 (%)\r\n"
            "甲市局,2020年,100000,\r\n甲市局,2021年,110000,10.0\r\n甲市局,2022年,withheld,\r\n"
            "乙县局,2021年,30000,\r\n乙县局,2022年,33000,10.0\r\n");
  EXPECT_EQ(File("en/indicators/pass_rate/table-h1.csv"),
            "\xEF\xBB\xBF"
            "Bureau,Period,Value (%),Change on previous (pp)\r\n"
            "Alpha City,H1 2021,97.0,\r\nAlpha City,H1 2022,,\r\n");
}

// The comparison page.

TEST_F(ChartsSite, ComparePageHeadingSummaryAndLinks) {
  const std::string zh = "zh/compare/alpha/2020-vs-2021/index.html";
  EXPECT_TRUE(Has(zh, "<h1>甲市市场监督管理局2020年与2021年对比</h1>"));
  EXPECT_TRUE(
      Has(zh,
          "<p class=\"meta\">两期报告：<a href=\"../../../reports/alpha/2020/index.html\">"
          "2020年</a> · <a href=\"../../../reports/alpha/2021/index.html\">2021年</a></p>"));
  EXPECT_TRUE(Has(zh,
                  "<p class=\"lead\">共对比4项指标：3项向好，0项变差，0项持平，"
                  "1项不评价或缺少数据。</p>"));
  EXPECT_TRUE(Has(zh, "<span aria-current=\"page\">2020年与2021年对比</span>"));
  EXPECT_FALSE(Has(zh, "首末期对比"));
  const std::string en = "en/compare/alpha/2020-vs-2022/index.html";
  EXPECT_TRUE(Has(en, "<h1>Alpha City Administration for Market Regulation: 2020 vs 2022</h1>"));
  EXPECT_TRUE(Has(en,
                  "<p class=\"meta\">This page compares the bureau&#39;s first edition of this "
                  "kind with a later one"));
  EXPECT_TRUE(
      Has(en, "<li><a href=\"../2021-h1-vs-2022-h1/index.html\">H1 2021 vs H1 2022</a></li>"));
}

TEST_F(ChartsSite, CompareRowsSayBetterOrWorseInWordsAndSymbol) {
  const std::string zh = "zh/compare/alpha/2020-vs-2021/index.html";
  // Lower is better: a fall is good news.
  EXPECT_TRUE(Has(zh,
                  "<td data-label=\"2020年\">3.0</td>\n"
                  "<td data-label=\"2021年\">2.0</td>\n"
                  "<td data-label=\"变化量\">−1.0</td>\n"
                  "<td data-label=\"变化率\">−33.3%</td>\n"
                  "<td data-label=\"评价\" class=\"assessment better\">"
                  "<span aria-hidden=\"true\">✓</span> 向好</td>"));
  EXPECT_TRUE(Has(zh, "<small class=\"note\">说明（2021年）：含个体工商户</small>"));
  const std::string en = "en/compare/alpha/2020-vs-2022/index.html";
  EXPECT_TRUE(Has(en,
                  "<p class=\"lead\">4 indicators compared: 1 better, 1 worse, 0 unchanged, "
                  "2 not rated or missing a figure.</p>"));
  // A rate: points, no percentage.
  EXPECT_TRUE(Has(en,
                  "<td data-label=\"Change\">−0.3 pp</td>\n"
                  "<td data-label=\"Change (%)\" class=\"missing\">—</td>\n"
                  "<td data-label=\"Assessment\" class=\"assessment worse\">"
                  "<span aria-hidden=\"true\">✗</span> worse</td>"));
  // Withheld: no change invented.
  EXPECT_TRUE(Has(en,
                  "<td data-label=\"2022\" class=\"missing\">withheld</td>\n"
                  "<td data-label=\"Change\">—</td>"));
  // Zero base: the delta, no percent; a neutral indicator is not rated.
  EXPECT_TRUE(Has(en,
                  "<td data-label=\"Change\">+20.00</td>\n"
                  "<td data-label=\"Change (%)\" class=\"missing\">earlier "
                  "figure was zero; no percentage</td>\n"
                  "<td data-label=\"Assessment\" class=\"assessment neutral\">"
                  "<span aria-hidden=\"true\">·</span> not rated</td>"));
  EXPECT_TRUE(Has(en, "<small class=\"note\">Note (2022): Includes individual businesses</small>"));
}

TEST_F(ChartsSite, FiguresThatReadTheSameAreUnchanged) {
  // 2.04 and 2.0 at one decimal both read 2.0: unchanged, not "better" by a hidden digit.
  EXPECT_TRUE(Has("zh/compare/beta/2021-vs-2022/index.html",
                  "<span class=\"unit\">（个工作日）</span></th>\n"
                  "<td data-label=\"2021年\">2.0</td>\n"
                  "<td data-label=\"2022年\">2.0</td>\n"
                  "<td data-label=\"变化量\">0.0</td>\n"
                  "<td data-label=\"变化率\">0.0%</td>\n"
                  "<td data-label=\"评价\" class=\"assessment same\">"
                  "<span aria-hidden=\"true\">＝</span> 持平</td>"));
  EXPECT_TRUE(Has("en/indicators/setup_days/index.html",
                  ">2.0</a><span class=\"cell-change\">0.0%</span></td></tr>"));
}

TEST_F(ChartsSite, CompareNotesOfBothEditionsWithTheSameTextAreOne) {
  EXPECT_TRUE(Has("zh/compare/alpha/2021-vs-2022/index.html",
                  "<small class=\"note\">说明（2021年、2022年）：含个体工商户</small>"));
}

// Links to the new pages.

TEST_F(ChartsSite, ReportLinksTheComparisonWithThePrevious) {
  EXPECT_TRUE(Has("zh/reports/alpha/2021/index.html",
                  "<a href=\"../../../compare/alpha/2020-vs-2021/index.html\">"
                  "与上一期（2020年）对比</a>"));
  EXPECT_TRUE(Has("en/reports/alpha/2022-h1/index.html",
                  "<a href=\"../../../compare/alpha/2021-h1-vs-2022-h1/index.html\">"
                  "Compare with the previous edition (H1 2021)</a>"));
  EXPECT_FALSE(Has("en/reports/alpha/2020/index.html", "compare/"));
}

TEST_F(ChartsSite, BureauPageListsItsComparisonsPerKind) {
  const std::string en = "en/bureaus/alpha/index.html";
  EXPECT_TRUE(
      Has(en,
          "<ul class=\"comparison-links\">\n"
          "<li><a href=\"../../compare/alpha/2020-vs-2021/index.html\">2020 vs 2021</a></li>\n"
          "<li><a href=\"../../compare/alpha/2021-vs-2022/index.html\">2021 vs 2022</a></li>\n"
          "<li><a href=\"../../compare/alpha/2020-vs-2022/index.html\">2020 vs 2022 (first "
          "and latest)</a></li>\n</ul>"));
  EXPECT_TRUE(Has("zh/bureaus/alpha/index.html",
                  "<li><a href=\"../../compare/alpha/2021-h1-vs-2022-h1/index.html\">"
                  "2021年上半年与2022年上半年对比</a></li>"));
  // An edition without a narrative title shows only its period.
  EXPECT_TRUE(Has(en,
                  "<li><a href=\"../../reports/alpha/2022/index.html\">2022</a> <span "
                  "class=\"meta\">(figures only, no narrative)</span></li>"));
}

TEST_F(ChartsSite, BureauTrendsAreGroupedByCategoryWithCharts) {
  const std::string zh = "zh/bureaus/alpha/index.html";
  EXPECT_TRUE(Has(zh, "<h4 id=\"trend-annual-business\">营商环境</h4>"));
  EXPECT_TRUE(Has(zh, "<h4 id=\"trend-annual-food\">食品安全</h4>"));
  EXPECT_TRUE(Has(zh, "<h4 id=\"trend-h1-business\">营商环境</h4>"));
  // Three annual figures make a chart; two (h1) and a withheld one (entities) do not.
  EXPECT_EQ(Under("zh/bureaus/alpha/"),
            (std::vector<std::string>{
                "zh/bureaus/alpha/index.html", "zh/bureaus/alpha/trend-annual-1.csv",
                "zh/bureaus/alpha/trend-annual-2.csv", "zh/bureaus/alpha/trend-annual-3.csv"}));
  EXPECT_TRUE(Has(zh, "<span class=\"chart-title\">开办时间（年度数据）</span>"));
  // A rate and an amount never share a chart.
  EXPECT_EQ(File("zh/bureaus/alpha/trend-annual-2.csv"),
            "\xEF\xBB\xBF期间,抽检合格率 (%)\r\n2020年,97.5\r\n2021年,98.0\r\n2022年,97.2\r\n");
}

// Narrative charts and open data.

TEST_F(ChartsSite, NarrativeChartBlockHasItsTableAndCsv) {
  const std::string en = "en/reports/alpha/2021/index.html";
  EXPECT_TRUE(Has(en,
                  "<figure class=\"chart\" id=\"chart-1\" data-chart=\"{&quot;type&quot;:"
                  "&quot;bar&quot;"));
  // The 2021 report's chart ends at 2021: it shows what that edition knew, and does not
  // change when 2022 is published.
  EXPECT_FALSE(Has(en, "<th scope=\"row\">2022</th>"));
  EXPECT_EQ(File("en/reports/alpha/2021/chart-1.csv"),
            "\xEF\xBB\xBFPeriod,Market entities (entities)\r\n"
            "2020,100000\r\n2021,110000\r\n");
}

TEST_F(ChartsSite, OpenDataCsvHasEveryRowWithStatus) {
  const std::string& csv = File("data/indicators.csv");
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF"
                      "bureau,edition,year,period,indicator,name_zh,name_en,"
                      "unit_zh,unit_en,kind,value,status\r\n",
                      0),
            0u);
  EXPECT_NE(csv.find("\r\nalpha,2022,2022,annual,entities,市场主体,Market entities,户,entities,"
                     "count,,withheld\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nalpha,2022-h1,2022,h1,pass_rate,抽检合格率,Pass rate,%,%,rate,,null\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\r\nbeta,2022,2022,annual,fines,罚没款,Fines,万元,\"CNY 10,000\",amount,"
                     "8.00,value\r\n"),
            std::string::npos);
  size_t rows = 0;
  for (size_t i = csv.find("\r\n"); i != std::string::npos; i = csv.find("\r\n", i + 1)) ++rows;
  EXPECT_EQ(rows, 1u + 24u);  // header + every listed value
  EXPECT_TRUE(Has("data/indicators.json",
                  "   \"kind\": \"rate\",\n   \"value\": null,\n   \"status\": \"null\""));
}

TEST_F(ChartsSite, NoPageLoadsAnythingFromAnotherHost) {
  for (const auto& [path, bytes] : *files_) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    EXPECT_EQ(bytes.find("src=\"http"), std::string::npos) << path;
    EXPECT_EQ(bytes.find("href=\"http"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace nianbao
