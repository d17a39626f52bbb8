// The CSV dialect, and that no text of the site reaches a spreadsheet as a formula.
#include "render/csv.h"

#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao {
namespace {

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv::Field("市场主体"), "市场主体");
  EXPECT_EQ(csv::Field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv::Field("say \"x\""), "\"say \"\"x\"\"\"");
}

// OWASP "CSV injection": a cell starting with = + - @ tab or CR is run as a formula.
TEST(CsvField, AppendFieldAppendsWhatFieldGives) {
  std::string row = "a,";
  csv::AppendField(row, "=x,y");
  row += ',';
  csv::AppendField(row, "年");
  EXPECT_EQ(row, "a,\"'=x,y\",年");
}

TEST(CsvField, TextThatAFormulaCouldStartWithBecomesText) {
  EXPECT_EQ(csv::Field("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv::Field("=1+1"), "'=1+1");
  EXPECT_EQ(csv::Field("+1"), "'+1");
  EXPECT_EQ(csv::Field("-x"), "'-x");
  EXPECT_EQ(csv::Field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv::Field("\tx"), "'\tx");
  EXPECT_EQ(csv::Field("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv::Field("-1+2"), "'-1+2");
  EXPECT_EQ(csv::Field("a=1"), "a=1");
}

TEST(CsvField, NumbersStayNumbers) {
  EXPECT_EQ(csv::Field("-3"), "-3");
  EXPECT_EQ(csv::Field("-35000.50"), "-35000.50");
  EXPECT_EQ(csv::Field("12"), "12");
  EXPECT_EQ(csv::Field("-"), "'-");
  EXPECT_EQ(csv::Field("-.5"), "'-.5");
}

void Replace(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = testing::ReadFile(path);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  testing::WriteFile(path, text.replace(at, from.size(), to));
}

TEST(CsvFiles, ABureauNameOrUnitCannotBecomeAFormula) {
  testing::TempDir tmp;
  const std::string site = tmp.path() + "/site";
  testing::CopyTree(testing::FixtureSite("good"), site);
  Replace(site + "/content/bureaus/alpha.yaml", "short: {zh: 甲市局, en: Alpha City}",
          R"yaml(short: {zh: "=HYPERLINK(\"http://x\",\"y\")", en: "@SUM(A1)"})yaml");
  Replace(site + "/content/indicators.yaml", "unit: {zh: 万元, en: CNY 10k}",
          "unit: {zh: \"=1+1\", en: \"-x\"}");
  Replace(site + "/content/reports/alpha/2021/data.yaml", "capital: 35000.5", "capital: -35000.5");

  testing::RunResult r = testing::RunCommand(testing::Binary() + " build --quiet --site " + site);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string all = testing::ReadFile(site + "/public/data/indicators.csv");
  EXPECT_NE(all.find("alpha,2021,2021,annual,capital,新增注册资本,New registered capital,'=1+1,'-x,"
                     "amount,-35000.50,value\r\n"),
            std::string::npos)
      << all;
  const std::string zh = testing::ReadFile(site + "/public/zh/indicators/capital/table-annual.csv");
  EXPECT_NE(zh.find("\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2021年,-35000.50,"),
            std::string::npos)
      << zh;
  const std::string en = testing::ReadFile(site + "/public/en/indicators/capital/chart-annual.csv");
  EXPECT_NE(en.find("Period,'@SUM(A1) (-x)\r\n2020,0.00\r\n2021,-35000.50\r\n"), std::string::npos)
      << en;
}

}  // namespace
}  // namespace nianbao
