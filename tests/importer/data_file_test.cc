// data.yaml as import writes it: deterministic, in catalogue order, other content kept.
#include "importer/data_file.h"

#include <gtest/gtest.h>

#include "yaml/simple_parse.h"

namespace nianbao::importer {
namespace {

class DataFileTest : public ::testing::Test {
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
             "  - id: rate\n    category: c\n    name: {zh: 合格率, en: Rate}\n"
             "    unit: {zh: \"%\", en: \"%\"}\n    kind: rate\n    range: [50, 100]\n");
    config_.languages = {"zh", "en"};
    Diagnostics diags;
    catalog_ = LoadCatalog(site, config_, diags);
    ASSERT_FALSE(diags.HasErrors()) << diags.FormatAll();
  }
  SiteConfig config_;
  Catalog catalog_;
};

TEST_F(DataFileTest, WritesInCatalogueOrderWithNamesAsComments) {
  DataFile data = EmptyDataFile(catalog_);
  data.values[2] = "98.1";
  data.values[0] = "315230";
  data.notes[0] =
      NoteText{false, {{"en", "Incl. \"individual\" businesses"}, {"zh", "含个体工商户"}}};
  EXPECT_EQ(FormatDataFile(data, catalog_, config_),
            "values:\n"
            "  # 市场主体（户）\n"
            "  entities: 315230\n"
            "  # 合格率（%）\n"
            "  rate: 98.1\n"
            "notes:\n"
            "  entities: {zh: \"含个体工商户\", en: \"Incl. \\\"individual\\\" businesses\"}\n");
}

TEST_F(DataFileTest, TheValuesPartStaysOnTheFastParsePath) {
  // yaml/simple_parse.h reads generated data.yaml without yaml-cpp (a 2k-report build
  // reads thousands); the comments must not push it off that path.
  DataFile data = EmptyDataFile(catalog_);
  data.header = {"# 甲市 2023"};
  data.values = {"1", "withheld", "null"};
  const std::string text = FormatDataFile(data, catalog_, config_);
  EXPECT_TRUE(yaml::ParseSimple(text, {"d.yaml", text, 1}).has_value()) << text;
}

TEST_F(DataFileTest, ReadingAndWritingKeepsEverything) {
  const std::string text =
      "# Figures from the 2023 yearbook.\n"
      "# Checked by the office.\n"
      "values:\n"
      "  rate: 98.10\n"
      "  capital: withheld\n"
      "  entities: null\n"
      "notes:\n"
      "  rate: 抽检口径\n"
      "  capital: {en: \"Not published\", zh: 不公开}\n";
  Diagnostics diags;
  auto data = ReadDataFile("d.yaml", text, config_, catalog_, diags);
  ASSERT_TRUE(data) << diags.FormatAll();
  EXPECT_EQ(FormatDataFile(*data, catalog_, config_),
            "# Figures from the 2023 yearbook.\n"
            "# Checked by the office.\n"
            "values:\n"
            "  # 市场主体（户）\n"
            "  entities: null\n"
            "  # 注册资本（万元）\n"
            "  capital: withheld\n"
            "  # 合格率（%）\n"
            "  rate: 98.10\n"
            "notes:\n"
            "  capital: {zh: \"不公开\", en: \"Not published\"}\n"
            "  rate: \"抽检口径\"\n");
  // Positions are kept for indicators with data checks only (here: rate).
  ASSERT_EQ(data->positions.size(), 3u);
  EXPECT_EQ(data->positions[2].line, 4);
  EXPECT_EQ(data->positions[2].col, 9);
  EXPECT_EQ(data->positions[0].line, 0);
}

TEST_F(DataFileTest, AnExistingFileWithErrorsIsRefused) {
  Diagnostics diags;
  EXPECT_FALSE(ReadDataFile("d.yaml", "values:\n  entitys: 5\n", config_, catalog_, diags));
  EXPECT_EQ(diags.FormatAll(),
            "d.yaml:2:3: error: unknown indicator 'entitys' (did you mean 'entities'?)\n"
            "    entitys: 5\n"
            "    ^\n");
}

TEST(QuoteYaml, EscapesWhatDoubleQuotesNeed) {
  EXPECT_EQ(QuoteYaml("a\"b\\c\nd\te"), "\"a\\\"b\\\\c\\nd\\te\"");
  EXPECT_EQ(QuoteYaml(std::string("\x01", 1)), "\"\\x01\"");
  EXPECT_EQ(QuoteYaml("含: #"), "\"含: #\"");
}

}  // namespace
}  // namespace nianbao::importer
