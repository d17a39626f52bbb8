#include "content/shortcodes.h"

#include <gtest/gtest.h>

#include <chrono>

#include "catalog/catalog.h"

namespace nianbao {
namespace {

TEST(ScanShortcodes, ReplacesWithPlaceholdersAndKeepsPositions) {
  Diagnostics diags;
  std::string body = "第一行\n市场主体{{< value entities >}}，{{<change entities>}}。\n";
  ShortcodeScan scan = ScanShortcodes(body, "r.md", 5, true, diags);
  EXPECT_FALSE(diags.HasErrors());
  ASSERT_EQ(scan.shortcodes.size(), 2u);
  EXPECT_EQ(scan.shortcodes[0].name, "value");
  EXPECT_EQ(scan.shortcodes[0].arg, "entities");
  EXPECT_EQ(scan.shortcodes[0].pos.line, 6);
  EXPECT_EQ(scan.shortcodes[0].pos.col, 5);
  EXPECT_EQ(scan.shortcodes[1].name, "change");
  EXPECT_EQ(scan.text,
            "第一行\n市场主体" + ShortcodePlaceholder(0) + "，" + ShortcodePlaceholder(1) + "。\n");
}

TEST(ScanShortcodes, HugoEscapeWritesTheShortcodeLiterally) {
  Diagnostics diags;
  ShortcodeScan scan = ScanShortcodes("use {{</* value x */>}}", "p.md", 1, false, diags);
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(scan.text, "use {{< value x >}}");
}

TEST(ScanShortcodes, ReportsMalformedOnes) {
  Diagnostics diags;
  std::string body = "{{< value >}} {{< value a b >}} {{< chart x >}} {{< value x\n";
  ScanShortcodes(body, "r.md", 1, true, diags);
  std::vector<Diagnostic> d = diags.Sorted();
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].message, "shortcode 'value' takes one indicator id: {{< value ID >}}");
  EXPECT_EQ(d[0].pos.col, 1);
  EXPECT_EQ(d[1].pos.col, 15);
  EXPECT_EQ(d[2].message, "unknown shortcode 'chart'; shortcodes are value and change");
  EXPECT_EQ(d[3].message, "shortcode is not closed: write {{< value ID >}} on one line");
}

// Each shortcode used to count lines from the start of the body: 4 MB took 81 s.
TEST(ScanShortcodes, IsLinearIn50MegabytesOfNarrative) {
  // A paragraph as reports have them: two shortcodes in about 200 characters.
  std::string line =
      "全市深化商事制度改革，持续优化营商环境，推行经营范围规范化登记和企业开办全程网上办，"
      "市场主体活力进一步激发，截至年底全市市场主体达到{{< value entities >}}，比上年"
      "{{< change entities >}}，其中企业占比稳步提高，个体工商户结构持续优化，新设市场主体"
      "主要集中在批发零售、住宿餐饮和信息技术服务等行业。\n";
  std::string body;
  while (body.size() < 50'000'000) body += line;
  body += std::string(1'000'000, 'x') + "{{< value entities >}}";  // and one long line
  Diagnostics diags;
  auto start = std::chrono::steady_clock::now();
  ShortcodeScan scan = ScanShortcodes(body, "r.md", 1, true, diags);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_FALSE(diags.HasErrors());
  const size_t lines = (body.size() - 1'000'022) / line.size();
  ASSERT_EQ(scan.shortcodes.size(), 2 * lines + 1);
  EXPECT_EQ(scan.shortcodes.back().pos.line, static_cast<int>(lines) + 1);
  EXPECT_EQ(scan.shortcodes.back().pos.col, 1'000'001);
  EXPECT_LT(seconds, 1.0);
}

// 30 KB of "{{<" on one line: 10 000 errors, each once held the whole line (1 GB).
TEST(ScanShortcodes, ManyUnclosedOnOneLineGiveShortCappedDiagnostics) {
  std::string body;
  for (int i = 0; i < 10000; ++i) body += "{{<";
  Diagnostics diags;
  auto start = std::chrono::steady_clock::now();
  ScanShortcodes(body, "r.md", 1, true, diags);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 1.0);
  EXPECT_EQ(diags.ErrorCount(), 10000);
  std::vector<Diagnostic> shown = diags.Sorted();
  ASSERT_EQ(shown.size(), static_cast<size_t>(kMaxDiagnosticsPerFile));
  EXPECT_EQ(shown[1].pos.col, 4);
  EXPECT_EQ(shown[1].source_line, body.substr(0, 100) + "…");
  EXPECT_EQ(shown[1].source_col, 4);
  EXPECT_EQ(shown[49].pos.col, 148);
  EXPECT_EQ(shown[49].source_line, "…" + body.substr(97, 100) + "…");
  EXPECT_EQ(shown[49].source_col, 52);
  EXPECT_NE(diags.FormatAll().find("r.md: … and 9950 more errors in this file (only the first "
                                   "50 are shown)\n"),
            std::string::npos);
}

TEST(CheckShortcodeIndicators, ReportsUnknownIdsWithAnExcerptOfTheirLine) {
  Catalog catalog;
  catalog.indicators.push_back({});
  catalog.indicators.back().id = "entities";
  std::string body = "a\n" + std::string(200, 'x') + "{{< value entitys >}}\n";
  Diagnostics diags;
  ShortcodeScan scan = ScanShortcodes(body, "r.md", 3, true, diags);
  CheckShortcodeIndicators(scan, body, catalog, diags);
  EXPECT_EQ(diags.FormatAll(),
            "r.md:4:201: error: unknown indicator 'entitys' in shortcode (did you mean "
            "'entities'?)\n  …" +
                std::string(79, 'x') + "{{< value entitys >}}\n  " + std::string(80, ' ') + "^\n");
}

}  // namespace
}  // namespace nianbao
