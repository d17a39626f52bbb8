// Which cells are indicators, values, units and notes.
#include "importer/sheet_rows.h"

#include <gtest/gtest.h>

#include "importer/csv.h"

namespace nianbao::importer {
namespace {

class SheetRows : public ::testing::Test {
 protected:
  void SetUp() override {
    MemoryFileSystem site;
    site.Set("content/indicators.yaml",
             "categories:\n  - id: c\n    name: {zh: 类, en: C}\n"
             "indicators:\n"
             "  - id: entities\n    category: c\n    name: {zh: 市场主体, en: Market entities}\n"
             "    unit: {zh: 户, en: entities}\n    kind: count\n"
             "  - id: capital\n    category: c\n    name: {zh: 注册资本, en: Capital}\n"
             "    unit: {zh: 万元, en: CNY 10k}\n    kind: amount\n"
             "  - id: capital_new\n    category: c\n    name: {zh: 注册资本, en: New capital}\n"
             "    unit: {zh: 万元, en: CNY 10k}\n    kind: amount\n");
    config_.languages = {"zh", "en"};
    catalog_ = LoadCatalog(site, config_, diags_);
    ASSERT_FALSE(diags_.HasErrors()) << diags_.FormatAll();
  }

  // "entities=123 [zh:note]" per row, or the diagnostics.
  std::string Rows(const std::string& csv) {
    Diagnostics diags;
    auto table = SplitCsv("s.csv", csv, diags);
    auto rows = ReadRows(*table, catalog_, config_, {2023, PeriodKind::kAnnual}, diags);
    if (!rows) return diags.FormatAll();
    std::string out;
    for (const ImportedRow& r : *rows) {
      out += r.indicator->id + "=" +
             (r.value.status == ValueStatus::kNumber     ? r.value.number
              : r.value.status == ValueStatus::kWithheld ? "withheld"
                                                         : "null") +
             "@" + CellName(r.value_cell);
      for (const auto& [lang, cell] : r.notes) out += " [" + lang + ":" + cell.text + "]";
      out += "\n";
    }
    return out;
  }

  SiteConfig config_;
  Catalog catalog_;
  Diagnostics diags_;
};

TEST_F(SheetRows, WithoutAHeaderColumnsAreIndicatorValueNote) {
  EXPECT_EQ(Rows("entities,123,含个体\ncapital,,\n"),
            "entities=123@B1 [zh:含个体]\ncapital=null@B2\n");
  EXPECT_EQ(Rows("entities,123\ncapital,不公开\n"), "entities=123@B1\ncapital=withheld@B2\n");
}

TEST_F(SheetRows, AnEmptyValueCellIsNull) {
  EXPECT_EQ(Rows("entities,,含个体\n"), "entities=null@B1 [zh:含个体]\n");
}

TEST_F(SheetRows, AHeaderRowNamesTheColumnsAndRowsAboveItAreSkipped) {
  EXPECT_EQ(Rows("2023年主要指标\n备注,note_en,单位,指标名称,2022年,2023年（快报）\n"
                 "含个体,Incl.,户,市场主体,100,123\n"),
            "entities=123@F3 [en:Incl.] [zh:含个体]\n");
  EXPECT_EQ(Rows("Indicator,Value,Source\nentities,5,statistics office\n"), "entities=5@B2\n");
}

TEST_F(SheetRows, AHeaderIsLookedForOnlyAboveTheFirstIndicator) {
  // "项目, 2023" below a row of figures is a row to read, not a header that would skip it.
  EXPECT_EQ(Rows("entities,1\n项目,2023\n"),
            "s.csv:2:1: error: cell A2: unknown indicator '项目'\n"
            "  项目,2023\n"
            "  ^\n");
}

TEST_F(SheetRows, TwoValueColumnsAreAnError) {
  EXPECT_EQ(Rows("指标,数值,2023年\n"),
            "s.csv:1:7: error: cell C1: a second '2023年' column (the first is B)\n"
            "  指标,数值,2023年\n"
            "            ^\n");
}

TEST_F(SheetRows, CellsBeyondTheThirdNeedAHeader) {
  EXPECT_EQ(Rows("entities,1,note,extra\n"),
            "s.csv:1:17: error: cell D1: without a header row, a row holds an indicator, its "
            "value and a note (columns A to C); add a header row to name other columns\n"
            "  entities,1,note,extra\n"
            "                  ^\n");
}

TEST_F(SheetRows, NamesIdsAndDidYouMean) {
  EXPECT_EQ(Rows("市场主体,1\nMarket entities,2\n"),
            "s.csv:2:1: error: cell A2: 'entities' is given twice (first in row 1)\n"
            "  Market entities,2\n"
            "  ^\n");
  EXPECT_EQ(Rows("entites,1\n"),
            "s.csv:1:1: error: cell A1: unknown indicator 'entites' (did you mean 'entities'?)\n"
            "  entites,1\n"
            "  ^\n");
  EXPECT_EQ(Rows("注册资本,1\n"),
            "s.csv:1:1: error: cell A1: '注册资本' is the name of several indicators (capital, "
            "capital_new): give the id\n"
            "  注册资本,1\n"
            "  ^\n");
}

TEST_F(SheetRows, AUnitColumnMustAgreeWithTheCatalogue) {
  EXPECT_EQ(Rows("指标,单位,数值\ncapital,万元,1\n"), "capital=1@C2\n");
  EXPECT_EQ(Rows("指标,单位,数值\ncapital,亿元,1\n"),
            "s.csv:2:9: error: cell B2: the unit here is 亿元, but capital is counted in 万元 "
            "(indicators.yaml): convert the figure\n"
            "  capital,亿元,1\n"
            "          ^\n");
}

}  // namespace
}  // namespace nianbao::importer
