// `nianbao import` end to end, with the real binary on a copy of tests/sites/checks/pass.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/text.h"
#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = NIANBAO_SOURCE_DIR "/tests/importer/fixtures/";

const char* kAlpha2023 =
    "values:\n"
    "  # 市场主体（户）\n"
    "  entities: 1300\n"
    "  # 企业（户）\n"
    "  enterprises: 540\n"
    "  # 个体工商户（户）\n"
    "  individuals: 760\n"
    "  # 注册资本（万元）\n"
    "  capital: 100.5\n"
    "  # 内资注册资本（万元）\n"
    "  capital_domestic: 60.5\n"
    "  # 外资注册资本（万元）\n"
    "  capital_foreign: 40\n"
    "  # 食品抽检合格率（%）\n"
    "  pass_rate: 98.5\n"
    "  # 投诉举报（件）\n"
    "  complaints: withheld\n"
    "notes:\n"
    "  entities: {zh: \"含个体工商户\", en: \"Includes individual businesses\"}\n";

class Import : public ::testing::Test {
 protected:
  void SetUp() override { CopyTree(FixtureSite("checks/pass"), site_); }

  RunResult Run(const std::string& args) {
    return RunCommand(Binary() + " import " + args + " --site " + site_);
  }
  std::string Data(const std::string& edition) {
    return ReadFile(site_ + "/content/reports/alpha/" + edition + "/data.yaml");
  }
  bool Exists(const std::string& rel) { return fs::exists(site_ + "/" + rel); }
  // Every file of the edition folder, hidden ones included (a temporary file left behind).
  std::vector<std::string> FolderOf(const std::string& edition) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(site_ + "/content/reports/alpha/" + edition)) {
      names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir tmp_;
  std::string site_ = tmp_.path() + "/site";
};

TEST_F(Import, Utf8CsvWithAHeaderAndATitleRow) {
  RunResult r = Run(kFixtures + "alpha-2023.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "nianbao: import: 8 value(s) from " + kFixtures +
                          "alpha-2023.csv (UTF-8): 8 new, 0 changed, 0 unchanged; 0 other(s) "
                          "kept → content/reports/alpha/2023/data.yaml\n");
  EXPECT_EQ(Data("2023"), kAlpha2023);
  // The imported edition builds with no warning: its figures pass the data checks.
  RunResult build = RunCommand(Binary() + " build --strict --quiet --site " + site_);
  EXPECT_EQ(build.exit_code, 0) << build.output;
  EXPECT_EQ(build.output, "");
}

TEST_F(Import, GbkCsvIsDetectedAndGivesTheSameFile) {
  RunResult r = Run(kFixtures + "alpha-2023-gbk.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("alpha-2023-gbk.csv (GB18030): 8 new"), std::string::npos) << r.output;
  EXPECT_EQ(Data("2023"), kAlpha2023);
}

TEST_F(Import, ForcingTheWrongEncodingIsAnError) {
  RunResult r =
      Run(kFixtures + "alpha-2023-gbk.csv --encoding utf-8 --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            kFixtures +
                "alpha-2023-gbk.csv:1: error: not valid UTF-8: save the file as \"CSV "
                "UTF-8\", or give --encoding gbk\n"
                "nianbao: import failed: 1 error(s), 0 warning(s); nothing was written\n");
  EXPECT_FALSE(Exists("content/reports/alpha/2023"));
}

TEST_F(Import, XlsxGivesTheSameFile) {
  RunResult r = Run(kFixtures + "alpha-2023.xlsx --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Data("2023"), kAlpha2023);
}

TEST_F(Import, BomCsvWithoutHeaderAndWithCrlf) {
  RunResult r = Run(kFixtures + "alpha-2023-bom.csv -b alpha -e 2023");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(Data("2023"),
            "values:\n  # 市场主体（户）\n  entities: 1300\n  # 企业（户）\n  enterprises: 540\n"
            "  # 个体工商户（户）\n  individuals: 760\n  # 食品抽检合格率（%）\n  pass_rate: 98.5\n"
            "  # 投诉举报（件）\n  complaints: null\n");
}

TEST_F(Import, CheckWritesNothing) {
  RunResult r = Run(kFixtures + "alpha-2023.csv --bureau alpha --edition 2023 --check");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("; --check: nothing written\n"), std::string::npos) << r.output;
  EXPECT_FALSE(Exists("content/reports/alpha/2023"));
}

TEST_F(Import, BadCellsAreRefusedWithExactDiagnosticsAndNothingChanges) {
  const std::string before = Data("2022");
  RunResult r = Run(kFixtures + "broken-values.csv --bureau alpha --edition 2022");
  EXPECT_EQ(r.exit_code, 1);
  const std::string expected =
      ReplaceAll(ReadFile(kFixtures + "broken-values.expected.txt"), "FIXTURES/", kFixtures);
  EXPECT_EQ(r.output, expected);
  EXPECT_EQ(Data("2022"), before);
  EXPECT_EQ(FolderOf("2022"), std::vector<std::string>{"data.yaml"});
}

TEST_F(Import, AnOpenQuote) {
  RunResult r = Run(kFixtures + "broken-quote.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output,
            kFixtures +
                "broken-quote.csv:1:6: error: this cell's quote is never closed\n"
                "  市场主体,\"1,300\n"
                "           ^\n"
                "nianbao: import failed: 1 error(s), 0 warning(s); nothing was written\n");
}

TEST_F(Import, BrokenXlsx) {
  RunResult r = Run(kFixtures + "broken.xlsx --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("broken.xlsx:2:2: error: cell B2: the formula has no stored value"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(Exists("content/reports/alpha/2023"));
}

TEST_F(Import, UpdatingKeepsTheRestOfDataYaml) {
  WriteFile(tmp_.path() + "/part.csv", "指标,数值\n市场主体,1250\n企业,550\n个体工商户,700\n");
  RunResult r = Run(tmp_.path() + "/part.csv --bureau alpha --edition 2022");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "nianbao: import: 3 value(s) from " + tmp_.path() +
                          "/part.csv (UTF-8): 0 new, 2 changed, 1 unchanged; 5 other(s) kept → "
                          "content/reports/alpha/2022/data.yaml\n");
  EXPECT_EQ(Data("2022"),
            "# +20% entities, +1.4 pp pass rate: within max_change. Capital: the parts add up to\n"
            "# 100.004, within the total's two decimals of 100.00.\n"
            "values:\n"
            "  # 市场主体（户）\n  entities: 1250\n"
            "  # 企业（户）\n  enterprises: 550\n"
            "  # 个体工商户（户）\n  individuals: 700\n"
            "  # 注册资本（万元）\n  capital: 100.00\n"
            "  # 内资注册资本（万元）\n  capital_domestic: 61.002\n"
            "  # 外资注册资本（万元）\n  capital_foreign: 39.002\n"
            "  # 食品抽检合格率（%）\n  pass_rate: 98.9\n"
            "  # 投诉举报（件）\n  complaints: 0\n");
  EXPECT_EQ(FolderOf("2022"), std::vector<std::string>{"data.yaml"});
  // The same sheet again: nothing to write.
  RunResult again = Run(tmp_.path() + "/part.csv --bureau alpha --edition 2022");
  EXPECT_NE(again.output.find("0 new, 0 changed, 3 unchanged; 5 other(s) kept; "
                              "content/reports/alpha/2022/data.yaml is up to date\n"),
            std::string::npos)
      << again.output;
}

TEST_F(Import, FailedDataChecksWarnAtTheCells) {
  // A factor of ten in the total, and a pass rate typed as a fraction.
  WriteFile(tmp_.path() + "/typo.csv",
            "指标,数值\n市场主体,13000\n企业,540\n个体工商户,760\n食品抽检合格率,0.985\n");
  const std::string warnings =
      tmp_.path() +
      "/typo.csv:2:6: warning: cell B2: the value of entities changed by +983.3% from the "
      "previous edition (2022: 1200, now 13000), more than its max_change of 30% in "
      "indicators.yaml\n"
      "  市场主体,13000\n"
      "           ^\n" +
      tmp_.path() +
      "/typo.csv:2:6: warning: cell B2: the value of entities, 13000, is not the sum of its "
      "parts: enterprises 540 + individuals 760 = 1300 (off by +11700)\n"
      "  市场主体,13000\n"
      "           ^\n" +
      tmp_.path() +
      "/typo.csv:5:9: warning: cell B5: the value of pass_rate changed by -97.9 percentage "
      "points from the previous edition (2022: 98.9, now 0.985), more than its max_change of "
      "2pp in indicators.yaml\n"
      "  食品抽检合格率,0.985\n"
      "                 ^\n" +
      tmp_.path() +
      "/typo.csv:5:9: warning: cell B5: the value of pass_rate, 0.985, is outside its range in "
      "indicators.yaml (from 90 to 100)\n"
      "  食品抽检合格率,0.985\n"
      "                 ^\n";
  RunResult strict = Run(tmp_.path() + "/typo.csv --bureau alpha --edition 2023 --strict");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.output, warnings +
                               "nianbao: import failed: 0 error(s), 4 warning(s) (--strict makes "
                               "warnings errors); nothing was written\n");
  EXPECT_FALSE(Exists("content/reports/alpha/2023"));

  RunResult r = Run(tmp_.path() + "/typo.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.substr(0, warnings.size()), warnings);
  EXPECT_TRUE(Exists("content/reports/alpha/2023/data.yaml"));
  // The build reports the same problems at the values in data.yaml.
  RunResult build = RunCommand(Binary() + " build --quiet --site " + site_);
  EXPECT_EQ(build.exit_code, 0);
  EXPECT_NE(build.output.find("content/reports/alpha/2023/data.yaml:3:13: warning: the value of "
                              "entities changed by +983.3%"),
            std::string::npos)
      << build.output;
}

TEST_F(Import, ANoteWithoutItsTranslationWarns) {
  WriteFile(tmp_.path() + "/note.csv", "市场主体,1300,含个体工商户\n");
  RunResult r = Run(tmp_.path() + "/note.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output.substr(0, r.output.find("nianbao: import:")),
            tmp_.path() +
                "/note.csv:1:11: warning: cell C1: the note on entities has no 'en' text: add a "
                "note_en column, or write it in data.yaml\n"
                "  市场主体,1300,含个体工商户\n"
                "                ^\n");
}

TEST_F(Import, ErrorsElsewhereInTheSiteOnlySkipTheDataChecks) {
  WriteFile(site_ + "/content/reports/alpha/2021/report.zh.md", "---\ntitle: [\n---\n");
  RunResult r = Run(kFixtures + "alpha-2023.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.substr(0, r.output.find("nianbao: import:")),
            "content/reports/alpha/2023/data.yaml: warning: the data checks were not run: the "
            "site has errors (see nianbao check)\n");
  EXPECT_EQ(Data("2023"), kAlpha2023);
}

TEST_F(Import, AWriteThatFailsLeavesNothingBehind) {
  fs::create_directories(site_ + "/content/reports/alpha/2023/data.yaml");  // a folder
  RunResult r = Run(kFixtures + "alpha-2023.csv --bureau alpha --edition 2023");
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("content/reports/alpha/2023/data.yaml: error: cannot write it: "),
            std::string::npos)
      << r.output;
  EXPECT_EQ(FolderOf("2023"), std::vector<std::string>{"data.yaml"});
}

TEST_F(Import, WrongBureauEditionFileAndFlags) {
  RunResult bureau = Run(kFixtures + "alpha-2023.csv --bureau alhpa --edition 2023x");
  EXPECT_EQ(bureau.exit_code, 1);
  EXPECT_EQ(bureau.output,
            "content/bureaus/alhpa.yaml: error: no bureau 'alhpa' (did you mean 'alpha'?)\n"
            "content/reports/alhpa/2023x: error: '2023x' is not an edition name: use YYYY for a "
            "year, or YYYY-h1, YYYY-h2, YYYY-q1 … YYYY-q4\n"
            "nianbao: import failed: 2 error(s), 0 warning(s); nothing was written\n");
  WriteFile(tmp_.path() + "/old.xls", "x");
  RunResult xls = Run(tmp_.path() + "/old.xls --bureau alpha --edition 2023");
  EXPECT_EQ(xls.exit_code, 1);
  EXPECT_NE(xls.output.find("old.xls: error: the old .xls format is not read: save the file as "
                            ".xlsx or as CSV\n"),
            std::string::npos);
  RunResult missing = Run(tmp_.path() + "/none.csv --bureau alpha --edition 2023");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("none.csv: error: cannot read the file\n"), std::string::npos);
  fs::create_directories(tmp_.path() + "/folder.csv");
  RunResult folder = Run(tmp_.path() + "/folder.csv --bureau alpha --edition 2023");
  EXPECT_NE(folder.output.find("folder.csv: error: cannot read the file\n"), std::string::npos);
  WriteFile(tmp_.path() + "/empty.csv", "\xEF\xBB\xBF指标,数值\r\n");
  RunResult empty = Run(tmp_.path() + "/empty.csv --bureau alpha --edition 2023");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_NE(empty.output.find("empty.csv: error: the sheet has no rows of indicators\n"),
            std::string::npos)
      << empty.output;
  EXPECT_EQ(Run(kFixtures + "alpha-2023.xlsx --encoding gbk -b alpha -e 2023").exit_code, 2);
  EXPECT_EQ(Run(kFixtures + "alpha-2023.csv --sheet x -b alpha -e 2023").exit_code, 2);
  EXPECT_EQ(Run(kFixtures + "alpha-2023.csv --encoding latin1 -b alpha -e 2023").exit_code, 2);
  EXPECT_EQ(Run(kFixtures + "alpha-2023.csv --bureau alpha").exit_code, 2);
}

}  // namespace
}  // namespace nianbao::testing
