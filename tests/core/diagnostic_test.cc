#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(Diagnostic, FormatsPositionSourceLineAndCaret) {
  Diagnostic d{{"content/a.yaml", 3, 5}, Severity::kError, "bad value", "  k: v"};
  EXPECT_EQ(d.Format(), "content/a.yaml:3:5: error: bad value\n    k: v\n      ^\n");
}

TEST(Diagnostic, CaretAccountsForWideCharacters) {
  Diagnostic d{{"r.md", 1, 3}, Severity::kWarning, "w", "市场x"};
  EXPECT_EQ(d.Format(), "r.md:1:3: warning: w\n  市场x\n      ^\n");
}

TEST(Diagnostic, FileLevelHasNoLine) {
  Diagnostic d{{"content/reports/x", 0, 0}, Severity::kError, "m", ""};
  EXPECT_EQ(d.Format(), "content/reports/x: error: m\n");
}

TEST(Diagnostics, SortsByPlaceAndDropsDuplicates) {
  Diagnostics diags;
  diags.Error({"b.yaml", 1, 1}, "second");
  diags.Warning({"a.yaml", 9, 1}, "first");
  diags.Error({"b.yaml", 1, 1}, "second");
  diags.Error({"a.yaml", 10, 2}, "third");
  std::vector<Diagnostic> sorted = diags.Sorted();
  ASSERT_EQ(sorted.size(), 3u);
  EXPECT_EQ(sorted[0].message, "first");
  EXPECT_EQ(sorted[1].message, "third");
  EXPECT_EQ(sorted[2].message, "second");
  EXPECT_EQ(diags.ErrorCount(), 3);
  EXPECT_EQ(diags.WarningCount(), 1);
}

TEST(Diagnostics, LongSourceLinesAreCutAroundTheCaret) {
  Diagnostics diags;
  std::string line = std::string(300, 'a') + "市" + std::string(300, 'b');
  diags.Error({"r.md", 1, 301}, "m", line);
  EXPECT_EQ(diags.FormatAll(), "r.md:1:301: error: m\n  …" + std::string(50, 'a') + "市" +
                                   std::string(49, 'b') + "…\n  " + std::string(51, ' ') + "^\n");
  Diagnostics short_line;
  short_line.Error({"r.md", 1, 2}, "m", std::string(90, 'x') + "一二三");  // 93 characters
  EXPECT_EQ(short_line.Sorted()[0].source_line, std::string(90, 'x') + "一二三");
}

TEST(ExcerptAt, CutsOnlyWhatIsLong) {
  Excerpt e = ExcerptAt("short", 2);
  EXPECT_EQ(e.text, "short");
  EXPECT_EQ(e.col, 3);
  std::string line(150, 'x');
  e = ExcerptAt(line, 10);  // near the start: the window leans right
  EXPECT_EQ(e.text, std::string(100, 'x') + "…");
  EXPECT_EQ(e.col, 11);
  e = ExcerptAt(line, 145);  // near the end: it leans left
  EXPECT_EQ(e.text, "…" + std::string(100, 'x'));
  EXPECT_EQ(e.col, 97);
}

// One line of 10 000 unclosed shortcodes gave 10 000 messages, each with the whole line.
TEST(Diagnostics, KeepsAtMostFiftyPerFileAndSaysHowManyMore) {
  Diagnostics diags;
  for (int i = 1; i <= 1234 + kMaxDiagnosticsPerFile; ++i) {
    diags.Error({"a.md", i, 1}, "e");
  }
  diags.Warning({"a.md", 9999, 1}, "w");
  diags.Error({"b.yaml", 1, 1}, "other file");
  EXPECT_EQ(diags.ErrorCount(), 1235 + kMaxDiagnosticsPerFile);
  EXPECT_EQ(diags.WarningCount(), 1);
  EXPECT_TRUE(diags.Full("a.md"));
  EXPECT_FALSE(diags.Full("b.yaml"));
  std::string all = diags.FormatAll();
  EXPECT_NE(all.find("a.md:50:1: error: e\na.md: … and 1234 more errors and 1 more warning in "
                     "this file (only the first 50 are shown)\nb.yaml:1:1: error: other file\n"),
            std::string::npos)
      << all;
  EXPECT_EQ(all.find("a.md:51:1"), std::string::npos);

  Diagnostics merged;  // a worker's diagnostics keep their count when merged
  merged.Append(diags);
  EXPECT_EQ(merged.ErrorCount(), diags.ErrorCount());
  EXPECT_EQ(merged.FormatAll(), all);
}

}  // namespace
}  // namespace nianbao
