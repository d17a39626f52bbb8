// Builds tests/sites/government (every key of the government block) as a normal build and
// with --publish, and tests/sites/good (no government block): the meta elements, the
// 政府信息公开 block, the footer and the publish-only badge and snippet (docs/government.md).
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

struct Built {
  RunResult result;
  std::map<std::string, std::string> files;
};

class GovernmentSite : public ::testing::Test {
 protected:
  static Built Build(const std::string& site, const std::string& flags) {
    Built b;
    b.result = RunCommand(Binary() + " build " + flags + " --site " + FixtureSite(site) +
                          " --out " + tmp_->path() + "/" + site + flags + "/public");
    b.files = ReadTree(tmp_->path() + "/" + site + flags + "/public");
    return b;
  }
  static void SetUpTestSuite() {
    tmp_ = new TempDir();
    normal_ = new Built(Build("government", ""));
    publish_ = new Built(Build("government", "--publish"));
    good_ = new Built(Build("good", ""));
  }
  static void TearDownTestSuite() {
    delete normal_;
    delete publish_;
    delete good_;
    delete tmp_;
  }
  static const std::string& File(const Built& b, const std::string& path) {
    static const std::string kMissing = "<missing>";
    auto it = b.files.find(path);
    return it == b.files.end() ? kMissing : it->second;
  }
  // The text between the first `from` and the next `to`, both included; "" if absent.
  static std::string Between(const std::string& text, const std::string& from,
                             const std::string& to) {
    size_t a = text.find(from);
    if (a == std::string::npos) return "";
    size_t b = text.find(to, a);
    return b == std::string::npos ? "" : text.substr(a, b + to.size() - a);
  }
  static bool Has(const std::string& text, const std::string& fragment) {
    return text.find(fragment) != std::string::npos;
  }

  static TempDir* tmp_;
  static Built* normal_;
  static Built* publish_;
  static Built* good_;
};

TempDir* GovernmentSite::tmp_;
Built* GovernmentSite::normal_;
Built* GovernmentSite::publish_;
Built* GovernmentSite::good_;

const char kReportZh[] = "zh/reports/gamma/2021/index.html";
const char kReportEn[] = "en/reports/gamma/2021/index.html";

TEST_F(GovernmentSite, BothBuildsSucceed) {
  EXPECT_EQ(normal_->result.exit_code, 0) << normal_->result.output;
  EXPECT_EQ(publish_->result.exit_code, 0) << publish_->result.output;
  EXPECT_EQ(good_->result.exit_code, 0) << good_->result.output;
}

TEST_F(GovernmentSite, ReportPagesCarryTheArticleMetaElementsInOrder) {
  EXPECT_EQ(
      Between(File(*normal_, kReportZh), "<meta name=\"SiteName\"", "<meta name=\"generator\""),
      "<meta name=\"SiteName\" content=\"丙市市场监督管理局 工作报告\">\n"
      "<meta name=\"SiteDomain\" content=\"scjg.example.gov.cn\">\n"
      "<meta name=\"SiteIDCode\" content=\"1399000001\">\n"
      "<meta name=\"ColumnName\" content=\"年度报告\">\n"
      "<meta name=\"ArticleTitle\" content=\"丙市2021年市场监管工作报告\">\n"
      "<meta name=\"PubDate\" content=\"2022-01-25 00:00\">\n"
      "<meta name=\"ContentSource\" content=\"丙市市场监督管理局\">\n"
      "<meta name=\"Keywords\" content=\"丙市市场监督管理局,年度报告,2021年\">\n"
      "<meta name=\"Description\" content=\"市场主体稳步增长，食品抽检合格率保持高位。\">\n"
      "<meta name=\"generator\"");
  // English: its own title and summary, escaped.
  EXPECT_EQ(
      Between(File(*normal_, kReportEn), "<meta name=\"ColumnName\"", "<meta name=\"generator\""),
      "<meta name=\"ColumnName\" content=\"Annual reports\">\n"
      "<meta name=\"ArticleTitle\" content=\"Gamma City 2021 market regulation report\">\n"
      "<meta name=\"PubDate\" content=\"2022-01-25 00:00\">\n"
      "<meta name=\"ContentSource\" content=\"Gamma City Administration for Market "
      "Regulation\">\n"
      "<meta name=\"Keywords\" content=\"Gamma City Administration for Market Regulation,"
      "Annual reports,2021\">\n"
      "<meta name=\"Description\" content=\"Market entities grew steadily &amp; the pass "
      "rate stayed high.\">\n"
      "<meta name=\"generator\"");
  // One description element only: the specification's "Description" replaces the site's.
  EXPECT_FALSE(Has(File(*normal_, kReportZh), "<meta name=\"description\""));
}

TEST_F(GovernmentSite, UnknownValuesLeaveTheirElementOut) {
  // 2022 has no date and no summary: no PubDate; Description falls back to the site's.
  const std::string& page = File(*normal_, "zh/reports/gamma/2022/index.html");
  EXPECT_FALSE(Has(page, "PubDate"));
  EXPECT_TRUE(Has(page, "<meta name=\"Description\" content=\"丙市市场监管工作报告。\">"));
  EXPECT_FALSE(Has(page, "content=\"\""));
  // The good site has no government block and no base_url: only SiteName and ColumnName.
  const std::string& good = File(*good_, "zh/reports/alpha/2021/index.html");
  EXPECT_EQ(Between(good, "<meta name=\"SiteName\"", "<meta name=\"ArticleTitle\""),
            "<meta name=\"SiteName\" content=\"测试市场监管年报\">\n"
            "<meta name=\"ColumnName\" content=\"年度报告\">\n"
            "<meta name=\"ArticleTitle\"");
  for (const auto& [path, bytes] : good_->files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    EXPECT_FALSE(Has(bytes, "SiteDomain")) << path;
    EXPECT_FALSE(Has(bytes, "SiteIDCode")) << path;
    EXPECT_FALSE(Has(bytes, "gov-footer")) << path;
    EXPECT_FALSE(Has(bytes, "content=\"\"")) << path;
  }
}

TEST_F(GovernmentSite, EveryPageHasTheSiteElementsAndAColumn) {
  const std::map<std::string, std::string> columns = {
      {"index.html", "首页"},
      {"zh/index.html", "首页"},
      {"en/index.html", "Home"},
      {"zh/bureaus/gamma/index.html", "各局报告"},
      {"zh/bureaus/index.html", "各局报告"},
      {"en/indicators/entities/index.html", "Indicators"},
      {"zh/compare/gamma/2021-vs-2022/index.html", "各期对比"},
      {"zh/reports/gamma/2022-h1/index.html", "<missing>"},
  };
  for (const auto& [path, column] : columns) {
    if (column == "<missing>") continue;
    const std::string& page = File(*normal_, path);
    EXPECT_TRUE(Has(page,
                    "<meta name=\"SiteDomain\" content=\"scjg.example.gov.cn\">\n"
                    "<meta name=\"SiteIDCode\" content=\"1399000001\">\n"
                    "<meta name=\"ColumnName\" content=\"" +
                        column + "\">\n"))
        << path;
    EXPECT_FALSE(Has(page, "ArticleTitle")) << path;
  }
  int pages = 0;
  for (const auto& [path, bytes] : normal_->files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    ++pages;
    EXPECT_TRUE(Has(bytes, "<meta name=\"SiteIDCode\" content=\"1399000001\">")) << path;
    EXPECT_TRUE(Has(bytes, "<meta name=\"ColumnName\" content=\"")) << path;
  }
  EXPECT_GT(pages, 15);
}

TEST_F(GovernmentSite, ReportOpensWithTheInformationBlockInItsLanguage) {
  EXPECT_EQ(Between(File(*normal_, kReportZh), "<article class=\"report\">", "</section>"),
            "<article class=\"report\">\n"
            "<section class=\"gov-info\" aria-label=\"政府信息公开\" data-nosearch>\n"
            "<dl>\n"
            "<div><dt>索引号</dt><dd>11130399MB0000000X/2022-00001</dd></div>\n"
            "<div><dt>主题分类</dt><dd>年度报告</dd></div>\n"
            "<div><dt>发布机构</dt><dd>丙市市场监督管理局</dd></div>\n"
            "<div><dt>发布日期</dt><dd><time datetime=\"2022-01-25\">2022-01-25</time></dd></div>\n"
            "</dl>\n"
            "</section>");
  // The English narrative has no index number: the Chinese one names the same document.
  EXPECT_EQ(
      Between(File(*normal_, kReportEn), "<section class=\"gov-info\"", "</section>"),
      "<section class=\"gov-info\" aria-label=\"Government information disclosure\" "
      "data-nosearch>\n"
      "<dl>\n"
      "<div><dt>Index No.</dt><dd>11130399MB0000000X/2022-00001</dd></div>\n"
      "<div><dt>Category</dt><dd>Annual reports</dd></div>\n"
      "<div><dt>Issued by</dt><dd>Gamma City Administration for Market Regulation</dd></div>\n"
      "<div><dt>Date of issue</dt><dd><time datetime=\"2022-01-25\">2022-01-25</time></dd></div>\n"
      "</dl>\n"
      "</section>");
  // No index number and no date anywhere: those rows are left out, not left empty.
  EXPECT_EQ(Between(File(*normal_, "zh/reports/gamma/2022/index.html"), "<dl>", "</dl>"),
            "<dl>\n"
            "<div><dt>主题分类</dt><dd>年度报告</dd></div>\n"
            "<div><dt>发布机构</dt><dd>丙市市场监督管理局</dd></div>\n"
            "</dl>");
}

TEST_F(GovernmentSite, FooterShowsTheRecordsAsTextLinksToTheirRegisters) {
  EXPECT_EQ(Between(File(*normal_, kReportEn), "<div class=\"gov-footer\">", "</div>\n</div>"),
            "<div class=\"gov-footer\">\n"
            "<dl class=\"gov-facts\"><div><dt>Sponsor</dt><dd>Gamma City Administration for "
            "Market Regulation</dd></div><div><dt>Operated by</dt><dd>Gamma City Market "
            "Regulation &lt;Information&gt; Centre</dd></div></dl>\n"
            "<dl class=\"gov-facts\"><div><dt>Address</dt><dd>1 Example Road, Gamma City &amp; "
            "District</dd></div><div><dt>Telephone</dt><dd>0399-12345678</dd></div><div><dt>"
            "E-mail</dt><dd><a href=\"mailto:office@scjg.example.gov.cn\">office@scjg.example."
            "gov.cn</a></dd></div></dl>\n"
            "<dl class=\"gov-facts\"><div><dt>Website ID code</dt><dd>1399000001</dd></div><div>"
            "<dt>ICP record</dt><dd><a href=\"https://beian.miit.gov.cn/\" lang=\"zh\">"
            "冀ICP备12345678号-1</a></dd></div><div><dt>Public security record</dt><dd><a "
            "href=\"https://www.beian.gov.cn/portal/registerSystemInfo?recordcode="
            "13990002000001\" lang=\"zh\">冀公网安备13990002000001号</a></dd></div></dl>\n"
            "</div>\n</div>");
  EXPECT_TRUE(Has(File(*normal_, kReportZh),
                  "<div><dt>主办单位</dt><dd>丙市市场监督管理局</dd></div><div><dt>承办单位</dt>"
                  "<dd>丙市市场监管信息中心</dd></div>"));
}

TEST_F(GovernmentSite, OnlyAPublishBuildHasTheBadgeAndTheSnippet) {
  const std::string snippet =
      "<!-- nianbao:publish_snippet -->\n"
      "<div id=\"jiucuo\" data-site=\"1399000001\"></div>\n"
      "<script src=\"https://analytics.example.com/collect.js\" defer></script>\n\n"
      "<!-- /nianbao:publish_snippet -->\n";
  const std::string badge =
      "<p class=\"gov-badge\"><a href=\"https://bszs.conac.cn/sitename?method=show&amp;id="
      "00000000000000000000000000000000\"><img src=\"../../../../assets/government/badge.svg\" "
      "alt=\"党政机关\"></a></p>\n";
  EXPECT_TRUE(Has(File(*publish_, kReportZh), badge));
  EXPECT_TRUE(Has(File(*publish_, kReportZh), "</footer>\n" + snippet + "\n</body>"));
  EXPECT_EQ(File(*publish_, "assets/government/badge.svg"),
            ReadFile(FixtureSite("government") + "/content/static/badge.svg"));
  int pages = 0;
  for (const auto& [path, bytes] : publish_->files) {
    if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
    ++pages;
    EXPECT_TRUE(Has(bytes, snippet)) << path;
    // The root language choice has no footer; every other page shows the badge.
    if (path != "index.html") EXPECT_TRUE(Has(bytes, "<p class=\"gov-badge\">")) << path;
  }
  EXPECT_GT(pages, 15);
  for (const Built* b : {normal_, good_}) {
    EXPECT_EQ(b->files.count("assets/government/badge.svg"), 0u);
    for (const auto& [path, bytes] : b->files) {
      if (path == "assets/style.css") continue;  // styles the badge, shows none
      EXPECT_FALSE(Has(bytes, "nianbao:publish_snippet")) << path;
      EXPECT_FALSE(Has(bytes, "analytics.example.com")) << path;
      EXPECT_FALSE(Has(bytes, "gov-badge")) << path;
      EXPECT_FALSE(Has(bytes, "bszs.conac.cn")) << path;
    }
  }
  // Otherwise the two builds are the same files.
  for (const auto& [path, bytes] : normal_->files) {
    if (path == "manifest.json") continue;
    EXPECT_TRUE(publish_->files.count(path)) << path;
  }
}

}  // namespace
}  // namespace nianbao::testing
