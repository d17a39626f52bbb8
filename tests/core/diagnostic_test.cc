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

}  // namespace
}  // namespace nianbao
