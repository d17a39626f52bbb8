#include "content/shortcodes.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(ScanShortcodes, ReplacesWithPlaceholdersAndKeepsPositions) {
  Diagnostics diags;
  std::string body = "第一行\n市场主体{{< value entities >}}，{{<change entities>}}。\n";
  ShortcodeScan scan = ScanShortcodes(body, "r.md", body, 5, true, diags);
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
  ShortcodeScan scan = ScanShortcodes("use {{</* value x */>}}", "p.md", "", 1, false, diags);
  EXPECT_FALSE(diags.HasErrors());
  EXPECT_EQ(scan.text, "use {{< value x >}}");
}

TEST(ScanShortcodes, ReportsMalformedOnes) {
  Diagnostics diags;
  std::string body = "{{< value >}} {{< value a b >}} {{< chart x >}} {{< value x\n";
  ScanShortcodes(body, "r.md", body, 1, true, diags);
  std::vector<Diagnostic> d = diags.Sorted();
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[0].message, "shortcode 'value' takes one indicator id: {{< value ID >}}");
  EXPECT_EQ(d[0].pos.col, 1);
  EXPECT_EQ(d[1].pos.col, 15);
  EXPECT_EQ(d[2].message, "unknown shortcode 'chart'; shortcodes are value and change");
  EXPECT_EQ(d[3].message, "shortcode is not closed: write {{< value ID >}} on one line");
}

}  // namespace
}  // namespace nianbao
