// Builds tests/sites/regions (a province, two cities, five counties and districts, one of
// them without editions) and checks what the tree of parents adds, by exact fragments:
// breadcrumbs, the home page's top of the tree, the index by level and parent, region
// tables and rankings, the band of a bureau's peers, and the indicator page's band.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "pipeline/build.h"
#include "render/indicator_page.h"
#include "render/region.h"
#include "support/site_runner.h"

namespace nianbao {
namespace {

using Files = std::map<std::string, std::string>;

Files Build(const std::string& dir) {
  DiskFileSystem site(dir);
  Diagnostics diags;
  std::optional<OutputFiles> files = BuildToMemory(site, BuildOptions{2, ""}, diags);
  Files out;
  EXPECT_TRUE(files.has_value());
  EXPECT_EQ(diags.ErrorCount(), 0);
  if (files) {
    for (const OutputFile& f : *files) out[f.path] = f.bytes;
  }
  return out;
}

// The text between the first `from` at or after `after` and the next `to` (both included).
std::string Between(const std::string& text, const std::string& from, const std::string& to,
                    const std::string& after = "") {
  size_t start = text.find(after);
  if (start == std::string::npos) return "<no " + after + ">";
  start = text.find(from, start);
  if (start == std::string::npos) return "<no " + from + ">";
  size_t end = text.find(to, start + from.size());
  if (end == std::string::npos) return "<no " + to + ">";
  return text.substr(start, end + to.size() - start);
}

class RegionsSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    files_ = new Files(Build(std::string(NIANBAO_TEST_SITES) + "/regions"));
  }
  static void TearDownTestSuite() { delete files_; }
  static const std::string& File(const std::string& path) {
    static const std::string kMissing = "<missing>";
    auto it = files_->find(path);
    return it == files_->end() ? kMissing : it->second;
  }
  static Files* files_;
};

Files* RegionsSite::files_;

TEST_F(RegionsSite, BreadcrumbsClimbTheChainOfParents) {
  EXPECT_EQ(Between(File("zh/bureaus/a1/index.html"), "<ol>", "</ol>"),
            "<ol><li><a href=\"../../index.html\">首页</a></li>"
            "<li><a href=\"../prov/index.html\">示例省局</a></li>"
            "<li><a href=\"../city-a/index.html\">甲市局</a></li>"
            "<li><span aria-current=\"page\">甲一县局</span></li></ol>");
  EXPECT_EQ(Between(File("en/bureaus/city-b/index.html"), "<ol>", "</ol>"),
            "<ol><li><a href=\"../../index.html\">Home</a></li>"
            "<li><a href=\"../prov/index.html\">Example Province</a></li>"
            "<li><span aria-current=\"page\">Beta City</span></li></ol>");
  EXPECT_EQ(Between(File("zh/bureaus/prov/index.html"), "<ol>", "</ol>"),
            "<ol><li><a href=\"../../index.html\">首页</a></li>"
            "<li><span aria-current=\"page\">示例省局</span></li></ol>");
}

TEST_F(RegionsSite, HomeListsOnlyTheTopOfTheTree) {
  const std::string& home = File("zh/index.html");
  EXPECT_NE(home.find("<h3><a href=\"bureaus/prov/index.html\">示例省市场监督管理局</a></h3>\n"
                      "<p class=\"meta\">省级 · 下辖2个机构</p>"),
            std::string::npos);
  EXPECT_EQ(home.find("bureaus/city-a/index.html"), std::string::npos);
  EXPECT_NE(home.find("<a href=\"bureaus/index.html\">查看全部8个机构</a>"), std::string::npos);
}

TEST_F(RegionsSite, IndexGroupsByLevelThenParentInListOrder) {
  const std::string& index = File("zh/bureaus/index.html");
  std::string headings;
  for (size_t at = index.find("<h"); at != std::string::npos; at = index.find("<h", at + 1)) {
    if (index.compare(at, 3, "<h2") && index.compare(at, 3, "<h3")) continue;
    headings += index.substr(at, index.find('\n', at) - at) + "\n";
  }
  EXPECT_EQ(
      headings,
      "<h2 id=\"level-province\">省级（1个）</h2>\n"
      "<h2 id=\"level-city\">市级（2个）</h2>\n"
      "<h3 id=\"group-city-prov\"><a href=\"prov/index.html\">示例省市场监督管理局下级</a></h3>\n"
      "<h2 id=\"level-county\">县级（4个）</h2>\n"
      "<h3 id=\"group-county-city-a\"><a "
      "href=\"city-a/index.html\">甲市市场监督管理局下级</a></h3>\n"
      "<h3 id=\"group-county-city-b\"><a "
      "href=\"city-b/index.html\">乙市市场监督管理局下级</a></h3>\n"
      "<h2 id=\"level-district\">区级（1个）</h2>\n"
      "<h3 id=\"group-district-city-a\"><a "
      "href=\"city-a/index.html\">甲市市场监督管理局下级</a></h3>\n");
  // b2 has no edition; it is listed all the same.
  EXPECT_NE(index.find("<li><a href=\"b2/index.html\">乙二县市场监督管理局</a> <span "
                       "class=\"meta\">尚无报告</span></li>"),
            std::string::npos);
}

TEST_F(RegionsSite, RegionListsItsChildrenWithLatestEditionAndHeadlineFigures) {
  const std::string& page = File("zh/bureaus/city-b/index.html");
  EXPECT_EQ(Between(page, "<tbody>", "</tbody>", "class=\"children\""),
            "<tbody>\n"
            "<tr><th scope=\"row\"><a href=\"../b1/index.html\">乙一县局</a> <span "
            "class=\"meta\">县级</span></th><td><a "
            "href=\"../../reports/b1/2023/index.html\">2023年</a></td>"
            "<td class=\"num missing\">未公开</td><td class=\"num\">4.2个工作日</td>"
            "<td class=\"num missing\">未报送</td></tr>\n"
            "<tr><th scope=\"row\"><a href=\"../b2/index.html\">乙二县局</a> <span "
            "class=\"meta\">县级</span></th><td>尚无报告</td><td class=\"num missing\">—</td>"
            "<td class=\"num missing\">—</td><td class=\"num missing\">—</td></tr>\n"
            "</tbody>");
}

TEST_F(RegionsSite, RankingsArePreSortedAndNeverRankAMissingFigure) {
  const std::string& page = File("en/bureaus/city-a/index.html");
  auto ranks = [&](const std::string& id) {
    const std::string table = Between(page, "<tbody>", "</tbody>", "id=\"rank-" + id + "\"");
    std::string out;
    for (size_t at = table.find("<tr>"); at != std::string::npos; at = table.find("<tr>", at + 1)) {
      const std::string row = table.substr(at, table.find("</tr>", at) - at);
      const size_t name = row.find("index.html\">") + 12;
      out += row.substr(20, row.find("</td>") - 20) + " " +
             row.substr(name, row.find("</a>", name) - name) + " = " +
             Between(row, "<td class=\"num", "</td>", "</th>") + "\n";
    }
    return out;
  };
  EXPECT_EQ(ranks("entities"),
            "1 Alpha Three = <td class=\"num\">4,000 entities</td>\n"
            "2 Alpha Two = <td class=\"num\">2,000 entities</td>\n"
            "3 Alpha One = <td class=\"num\">1,000 entities</td>\n");
  // Lower is better; 2.0 and 2.0 share the first rank, in list order (county before district).
  EXPECT_EQ(ranks("setup_days"),
            "1 Alpha Three = <td class=\"num\">2.0 working days</td>\n"
            "1 Alpha Two = <td class=\"num\">2.0 working days</td>\n"
            "3 Alpha One = <td class=\"num\">3.5 working days</td>\n");
  // Reported by some bureaus only: the others are listed, unranked, not as zero.
  EXPECT_EQ(ranks("inspections"),
            "1 Alpha Two = <td class=\"num\">7 inspections</td>\n"
            "2 Alpha One = <td class=\"num\">5 inspections</td>\n"
            "— Alpha Three = <td class=\"num missing\">not reported</td>\n");
  // Each figure with its period, linked to the report.
  EXPECT_NE(page.find("<td><a href=\"../../reports/a3/2023/index.html\">2023</a></td>"),
            std::string::npos);
  // Withheld before not reported, neither ranked.
  const std::string& b = File("en/bureaus/city-b/index.html");
  EXPECT_EQ(Between(b, "<tbody>", "</tbody>", "id=\"rank-entities\""),
            "<tbody>\n"
            "<tr><td class=\"num\">—</td><th scope=\"row\"><a href=\"../b1/index.html\">Beta "
            "One</a></th><td class=\"num missing\">withheld</td><td><a "
            "href=\"../../reports/b1/2023/index.html\">2023</a></td></tr>\n"
            "<tr><td class=\"num\">—</td><th scope=\"row\"><a href=\"../b2/index.html\">Beta "
            "Two</a></th><td class=\"num missing\">no reports yet</td><td>—</td></tr>\n"
            "</tbody>");
  // A bureau without children is no region.
  EXPECT_EQ(File("en/bureaus/a1/index.html").find("class=\"region\""), std::string::npos);
}

// Rank 2 (counties and districts) reports entities in a1, a2, a3 and b1: four bureaus.
// 2021: 400 800 1600 3200 → q1 700 (h 0.75), median 1200 (h 1.5), q3 2000 (h 2.25);
// 2022: 500 900 1800 3600 → 800, 1350, 2250; 2023: b1 withheld, 1000 2000 4000 → 1500,
// 2000, 3000.
TEST_F(RegionsSite, ABureauTrendIsDrawnAgainstTheBandOfItsPeers) {
  const std::string& page = File("en/bureaus/a1/index.html");
  const std::string title =
      "Market entities (Annual figures): this bureau against the quartiles of 4 bureaus of its "
      "level";
  EXPECT_NE(page.find("<span class=\"chart-title\">" + title + "</span>"), std::string::npos);
  // Every chart against peers in one file per period kind.
  const std::string& csv = File("en/bureaus/a1/peers-annual.csv");
  EXPECT_EQ(csv.substr(0, csv.find("Days to start")),
            "\xEF\xBB\xBFIndicator,Unit,Period,Alpha One,Lower quartile,Median,Upper quartile\r\n"
            "Market entities,entities,2021,800,700,1200,2000\r\n"
            "Market entities,entities,2022,900,800,1350,2250\r\n"
            "Market entities,entities,2023,1000,1500,2000,3000\r\n");
  // Where the bureau stands among its peers in its latest figure.
  EXPECT_NE(page.find("In 2023 it was below the lower quartile of its level."), std::string::npos);
  EXPECT_NE(page.find("<a href=\"peers-annual.csv\" download>"), std::string::npos);
  // A city has one peer only: its charts stay grouped, without a band.
  EXPECT_EQ(File("en/bureaus/city-a/index.html").find("Lower quartile"), std::string::npos);
}

TEST(Regions, IndicatorChartsDrawCrowdedLevelsAsABandAndKeepTheTopAsLines) {
  testing::TempDir tmp;
  const std::string site = tmp.path() + "/site";
  testing::CopyTree(std::string(NIANBAO_TEST_SITES) + "/regions", site);
  // Six more counties under city-b with a 2023 figure: ten counties and districts report.
  const int figures[] = {100, 200, 300, 500, 600, 700};
  for (int i = 1; i <= 6; ++i) {
    const std::string id = "c" + std::to_string(i);
    testing::WriteFile(site + "/content/bureaus/" + id + ".yaml",
                       "name: {zh: 丙" + std::to_string(i) + "县局, en: C" + std::to_string(i) +
                           " County}\nlevel: county\nparent: city-b\n");
    testing::WriteFile(site + "/content/reports/" + id + "/2023/data.yaml",
                       "values:\n  entities: " + std::to_string(figures[i - 1]) + "\n");
  }
  Files files = Build(site);
  const std::string& page = files["en/indicators/entities/index.html"];
  std::string titles;
  for (size_t at = page.find("<span class=\"chart-title\">"); at != std::string::npos;
       at = page.find("<span class=\"chart-title\">", at + 1)) {
    at += 26;
    titles += page.substr(at, page.find("</span>", at) - at) + "\n";
  }
  EXPECT_EQ(titles,
            "Market entities (Annual figures, province)\n"
            "Market entities (Annual figures, city)\n"
            "Market entities (Annual figures: median and quartiles of 10 county and district "
            "bureaus)\n");
  // 2023: 100 200 300 500 600 700 1000 2000 4000 (b1 withheld) → q1 300 (h 2), median
  // 600 (h 4), q3 1000 (h 6); 2021 and 2022 as on the bureau pages.
  EXPECT_EQ(files["en/indicators/entities/chart-annual-2.csv"],
            "\xEF\xBB\xBFPeriod,Lower quartile (entities),Median (entities),Upper quartile "
            "(entities)\r\n"
            "2021,700,1200,2000\r\n"
            "2022,800,1350,2250\r\n"
            "2023,300,600,1000\r\n");
  EXPECT_EQ(files["en/indicators/entities/chart-annual-0.csv"],
            "\xEF\xBB\xBFPeriod,Example Province (entities)\r\n"
            "2021,90000\r\n2022,95000\r\n2023,100000\r\n");
  EXPECT_NE(page.find("&quot;band&quot;:&quot;q3&quot;"), std::string::npos);
}

// Table pages: bureaus without a parent first, then each parent's children in list order,
// a group of more than kTableBureaus split.
TEST(Regions, TablePagesAreSplitByParent) {
  SiteModel model;
  auto add = [&](const std::string& id, BureauLevel level, const std::string& parent) {
    Bureau b;
    b.id = id;
    b.level = level;
    b.parent = parent;
    model.catalog.bureaus.push_back(b);
  };
  add("p", BureauLevel::kProvince, "");
  add("x", BureauLevel::kCity, "p");
  add("y", BureauLevel::kCity, "p");
  for (int i = 0; i < 63; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "k%02d", i);
    add(id, BureauLevel::kCounty, i < 60 ? "x" : "y");
  }
  model.BuildIndexes();
  std::vector<const Bureau*> order;
  // The table's order is list order; put y's children first to see them moved.
  for (size_t i = model.catalog.bureaus.size(); i-- > 0;)
    order.push_back(&model.catalog.bureaus[i]);
  std::vector<TablePage> pages = TablePages(model, order);
  std::string shape;
  for (const TablePage& p : pages) {
    shape += (p.parent ? p.parent->id : "-") + ":" + std::to_string(p.from) + "-" +
             std::to_string(p.to) + " ";
  }
  EXPECT_EQ(shape, "-:0-1 p:1-3 x:3-53 x:53-63 y:63-66 ");
  EXPECT_EQ(order[0]->id, "p");
  EXPECT_EQ(order[1]->id, "y");  // the parent's children keep the order they came in
  EXPECT_EQ(order[63]->id, "k62");
}

// A table too long for the indicator page, as a tree: the indicator page links the pages of
// the top of the tree only (a province, its cities), a city's row links the pages of the
// bureaus under it, and those pages' breadcrumbs climb back up.
TEST(Regions, TablePagesFormATree) {
  testing::TempDir dir;
  const std::string content = dir.path() + "/content";
  std::filesystem::create_directories(content + "/bureaus");
  std::filesystem::copy_file(std::string(NIANBAO_TEST_SITES) + "/regions/content/site.yaml",
                             content + "/site.yaml");
  std::filesystem::copy_file(std::string(NIANBAO_TEST_SITES) + "/regions/content/indicators.yaml",
                             content + "/indicators.yaml");
  auto write = [](const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
  };
  auto bureau = [&](const std::string& id, const std::string& level, const std::string& parent,
                    int order) {
    write(content + "/bureaus/" + id + ".yaml",
          "name: {zh: " + id + "市场监督管理局, en: " + id + " AMR}\nshort: {zh: " + id +
              "局, en: " + id + "}\nlevel: " + level + "\norder: " + std::to_string(order) + "\n" +
              (parent.empty() ? "" : "parent: " + parent + "\n"));
    for (int year : {2022, 2023}) {
      write(content + "/reports/" + id + "/" + std::to_string(year) + "/data.yaml",
            "values:\n  entities: " + std::to_string(1000 + order + year) +
                "\n  setup_days: 3.5\n  pass_rate: 95.0\n  inspections: 5\n");
    }
  };
  bureau("prov", "province", "", 0);
  bureau("ca", "city", "prov", 1);
  bureau("cb", "city", "prov", 2);
  for (int i = 0; i < 160; ++i) {  // four pages under ca
    char id[8];
    std::snprintf(id, sizeof id, "k%03d", i);
    bureau(id, "county", "ca", 10 + i);
  }
  bureau("m1", "county", "cb", 500);
  const Files files = Build(dir.path());
  auto file = [&](const std::string& path) {
    auto it = files.find(path);
    return it == files.end() ? std::string("<missing>") : it->second;
  };
  // Pages: 1 the province, 2 its cities, 3–6 ca's counties, 7 cb's.
  const std::string indicator = file("zh/indicators/entities/index.html");
  const std::string pager = Between(indicator, "<nav class=\"table-pages\"", "</nav>");
  EXPECT_NE(
      pager.find("<ul><li><a href=\"annual-1/index.html\">不设上级的机构：第1–1个机构</a></li>"
                 "<li><a href=\"annual-2/index.html\">prov局：第2–3个机构</a></li></ul>"),
      std::string::npos)
      << pager;
  // The cities' page: ca's row links its counties' first page, cb's row cb's.
  const std::string cities = file("zh/indicators/entities/annual-2/index.html");
  EXPECT_NE(cities.find("<a href=\"../../../bureaus/ca/index.html\">ca局</a> <a "
                        "class=\"table-below\" href=\"../annual-3/index.html\" "
                        "aria-label=\"ca局：下级机构\">下级机构</a>"),
            std::string::npos)
      << Between(cities, "<tbody>", "</tbody>");
  EXPECT_NE(cities.find("href=\"../annual-7/index.html\" aria-label=\"cb局：下级机构\""),
            std::string::npos);
  // No row links down from a page of counties.
  EXPECT_EQ(file("zh/indicators/entities/annual-3/index.html").find("table-below\" href"),
            std::string::npos);
  // The counties' last page climbs back: home, the indicator, the cities' page, itself.
  const std::string last = file("zh/indicators/entities/annual-6/index.html");
  EXPECT_EQ(Between(last, "<nav class=\"breadcrumbs", "</nav>"),
            "<nav class=\"breadcrumbs wrap\" aria-label=\"当前位置\">\n<ol>"
            "<li><a href=\"../../../index.html\">首页</a></li>"
            "<li><a href=\"../index.html\">市场主体</a></li>"
            "<li><a href=\"../annual-2/index.html\">prov局：第2–3个机构</a></li>"
            "<li><span aria-current=\"page\">ca局：第154–163个机构</span></li></ol>\n</nav>");
  // Its pager: the first, the last and two either side, a gap marked where pages are left out.
  const std::string own = Between(last, "<nav class=\"table-pages\"", "</nav>");
  EXPECT_NE(own.find("<li><a href=\"../annual-1/index.html\">不设上级的机构：第1–1个机构</a></li>"
                     "<li class=\"gap\"><a href=\"../annual-4/index.html\">"),
            std::string::npos)
      << own;
}

}  // namespace
}  // namespace nianbao
