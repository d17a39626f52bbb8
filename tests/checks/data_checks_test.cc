// The data checks of indicators.yaml: tests/sites/checks/pass passes every one; each other
// folder there breaks one (sum, range, max-change) and holds the exact warnings.
#include "checks/data_checks.h"

#include <gtest/gtest.h>

#include <sstream>

#include "pipeline/build.h"
#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

std::string WithoutSummary(const std::string& output) {
  std::string out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("nianbao: ", 0) != 0) out += line + "\n";
  }
  return out;
}

TEST(DataChecks, ThePassingSiteBuildsStrictWithNoWarning) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " build --strict --site " + FixtureSite("checks/pass") +
                           " --out " + tmp.path() + "/public");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(" 0 warning(s) in "), std::string::npos) << r.output;
}

class FailingCheck : public ::testing::TestWithParam<std::string> {};

TEST_P(FailingCheck, WarnsAtTheValueAndFailsWithStrict) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("checks/pass"), site);
  CopyTree(FixtureSite("checks/" + GetParam() + "/content"), site + "/content");
  const std::string expected = ReadFile(FixtureSite("checks/" + GetParam() + "/expected.txt"));

  RunResult r = RunCommand(Binary() + " build --site " + site);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(WithoutSummary(r.output), expected);

  RunResult strict = RunCommand(Binary() + " build --strict --site " + site);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(WithoutSummary(strict.output), expected);
  EXPECT_NE(strict.output.find("(--strict makes warnings errors)"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FailingCheck, ::testing::Values("sum", "range", "max-change"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) c = c == '-' ? '_' : c;
                           return name;
                         });

// Boundaries, on a site in memory.
class CheckBoundaries : public ::testing::Test {
 protected:
  std::string Warnings(const std::string& values_2021, const std::string& values_2022) {
    MemoryFileSystem site;
    site.Set("content/site.yaml", "title: T\nlanguages: [zh]\n");
    site.Set("content/indicators.yaml",
             "categories:\n  - id: c\n    name: 类\n"
             "indicators:\n"
             "  - {id: total, category: c, name: 总, unit: 万元, kind: amount, decimals: 1,"
             " sum_of: [a, b], max_change: 10%}\n"
             "  - {id: a, category: c, name: 甲, unit: 万元, kind: amount, decimals: 2}\n"
             "  - {id: b, category: c, name: 乙, unit: 万元, kind: amount, decimals: 2}\n"
             "  - {id: r, category: c, name: 率, unit: \"%\", kind: rate, range: [null, 50],"
             " max_change: 0.5pp}\n");
    site.Set("content/bureaus/x.yaml", "name: X\nlevel: city\n");
    site.Set("content/reports/x/2021/data.yaml", "values:\n" + values_2021);
    site.Set("content/reports/x/2022/data.yaml", "values:\n" + values_2022);
    Diagnostics diags;
    std::optional<SiteModel> model = LoadSite(site, diags);
    EXPECT_TRUE(model) << diags.FormatAll();
    std::string out;
    for (const Diagnostic& d : diags.Sorted()) out += d.Format();
    return out;
  }
};

TEST_F(CheckBoundaries, ASumWithinHalfALastDecimalPasses) {
  // total has one decimal: 10.0 may be off from the parts by up to 0.05.
  EXPECT_EQ(
      Warnings("  total: 10.0\n  a: 4.97\n  b: 5.08\n", "  total: 10.0\n  a: 4.95\n  b: 5.0\n"),
      "");
  EXPECT_EQ(Warnings("  total: 10.0\n  a: 4.97\n  b: 5.09\n", ""),
            "content/reports/x/2021/data.yaml:2:10: warning: the value of total, 10, is not the "
            "sum of its parts: a 4.97 + b 5.09 = 10.06 (off by -0.06)\n"
            "    total: 10.0\n"
            "           ^\n");
}

TEST_F(CheckBoundaries, MissingFiguresSkipTheChecks) {
  EXPECT_EQ(Warnings("  total: 10\n  a: withheld\n  b: 5\n", "  total: 10.5\n  a: 1\n"), "");
}

TEST_F(CheckBoundaries, MaxChangeIsStrictlyMore) {
  // +10% exactly and 0.5 pp exactly pass; a hair more warns.
  EXPECT_EQ(Warnings("  total: 100\n  r: 40\n", "  total: 110\n  r: 40.5\n"), "");
  EXPECT_EQ(Warnings("  total: 100\n  r: 40\n", "  total: 89.9\n  r: 39.4\n"),
            "content/reports/x/2022/data.yaml:2:10: warning: the value of total changed by "
            "-10.1% from the previous edition (2021: 100, now 89.9), more than its max_change "
            "of 10% in indicators.yaml\n"
            "    total: 89.9\n"
            "           ^\n"
            "content/reports/x/2022/data.yaml:3:6: warning: the value of r changed by -0.6 "
            "percentage points from the previous edition (2021: 40, now 39.4), more than its "
            "max_change of 0.5pp in indicators.yaml\n"
            "    r: 39.4\n"
            "       ^\n");
}

TEST_F(CheckBoundaries, AnOpenRange) {
  EXPECT_EQ(Warnings("  r: 50\n", "  r: 50.01\n"),
            "content/reports/x/2022/data.yaml:2:6: warning: the value of r, 50.01, is outside "
            "its range in indicators.yaml (at most 50)\n"
            "    r: 50.01\n"
            "       ^\n");
}

}  // namespace
}  // namespace nianbao::testing
