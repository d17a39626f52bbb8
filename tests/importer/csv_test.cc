// CSV as Excel writes it, in UTF-8 (with or without a BOM) or GBK, with every cell's position.
#include "importer/csv.h"

#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::importer {
namespace {

const std::string kFixtures = NIANBAO_SOURCE_DIR "/tests/importer/fixtures/";

std::string Describe(const Table& t) {
  std::string out;
  for (const auto& row : t.rows) {
    for (const Cell& c : row) {
      out += CellName(c) + "@" + std::to_string(c.pos.line) + ":" + std::to_string(c.pos.col) +
             "=" + c.text + "|";
    }
    out += "\n";
  }
  return out;
}

TEST(Csv, CellsKnowTheirSheetPlaceAndTheirPositionInTheFile) {
  Diagnostics diags;
  auto t = SplitCsv("a.csv", "指标,数值\n市场主体,\"1,300\",备注\r\n\n,,\nx,\"say \"\"hi\"\"\"\n",
                    diags);
  ASSERT_TRUE(t) << diags.FormatAll();
  // Empty cells and rows are dropped; rows keep their sheet numbers (row 4 is empty).
  EXPECT_EQ(Describe(*t),
            "A1@1:1=指标|B1@1:4=数值|\n"
            "A2@2:1=市场主体|B2@2:6=1,300|C2@2:14=备注|\n"
            "A5@5:1=x|B5@5:3=say \"hi\"|\n");
  EXPECT_TRUE(diags.empty());
}

TEST(Csv, AQuotedCellMaySpanLines) {
  Diagnostics diags;
  auto t = SplitCsv("a.csv", "a,\"line one\nline two\",c\nd,e", diags);
  ASSERT_TRUE(t);
  EXPECT_EQ(Describe(*t), "A1@1:1=a|B1@1:3=line one\nline two|C1@2:11=c|\nA2@3:1=d|B2@3:3=e|\n");
}

TEST(Csv, AnOpenQuoteIsAnErrorAtTheQuote) {
  Diagnostics diags;
  EXPECT_FALSE(SplitCsv("a.csv", "企业,540\n市场主体,\"1,300\n企业,540\n", diags));
  EXPECT_EQ(diags.FormatAll(),
            "a.csv:2:6: error: this cell's quote is never closed\n"
            "  市场主体,\"1,300\n"
            "           ^\n");
}

TEST(Encoding, Utf8WithAndWithoutBom) {
  Diagnostics diags;
  auto plain = Decode("a.csv", "指标", Encoding::kAuto, diags);
  auto bom = Decode("a.csv", "\xEF\xBB\xBF指标", Encoding::kAuto, diags);
  ASSERT_TRUE(plain && bom);
  EXPECT_EQ(plain->text, "指标");
  EXPECT_EQ(bom->text, "指标");
  EXPECT_EQ(bom->encoding, Encoding::kUtf8);
}

TEST(Encoding, TheGbkFixtureIsGbkAndReadsAsTheUtf8One) {
  const std::string gbk = testing::ReadFile(kFixtures + "alpha-2023-gbk.csv");
  // 甲市 in GBK (independent of iconv): BC D7 CA D0.
  ASSERT_EQ(gbk.substr(0, 4), "\xBC\xD7\xCA\xD0");
  Diagnostics diags;
  auto decoded = Decode("g.csv", gbk, Encoding::kAuto, diags);
  ASSERT_TRUE(decoded) << diags.FormatAll();
  EXPECT_EQ(decoded->encoding, Encoding::kGb18030);
  EXPECT_EQ(decoded->text, testing::ReadFile(kFixtures + "alpha-2023.csv"));
  auto forced = Decode("g.csv", gbk, Encoding::kGbk, diags);
  ASSERT_TRUE(forced);
  EXPECT_EQ(forced->text, decoded->text);
}

TEST(Encoding, BytesThatAreNotGbkNameTheirLine) {
  Diagnostics diags;
  // Line 2 ends in a GBK lead byte with no trail byte after it.
  EXPECT_FALSE(Decode("g.csv", "\xBC\xD7,1\n\xCA\xD0,\x81\n", Encoding::kAuto, diags));
  EXPECT_EQ(diags.FormatAll(),
            "g.csv:2: error: the file is not valid GB18030 text (byte 9): save it from Excel as "
            "\"CSV UTF-8\", or give --encoding\n");
}

TEST(Encoding, ForcedUtf8RefusesOtherBytes) {
  Diagnostics diags;
  EXPECT_FALSE(Decode("g.csv", "a,1\n\xBC\xD7,2\n", Encoding::kUtf8, diags));
  EXPECT_EQ(diags.FormatAll(),
            "g.csv:2: error: not valid UTF-8: save the file as \"CSV UTF-8\", or give "
            "--encoding gbk\n");
}

TEST(Encoding, Utf16IsRefused) {
  Diagnostics diags;
  EXPECT_FALSE(Decode("u.csv",
                      std::string("\xFF\xFE"
                                  "a\0,\0",
                                  6),
                      Encoding::kAuto, diags));
  EXPECT_EQ(diags.FormatAll(),
            "u.csv: error: the file is UTF-16 (Excel's \"Unicode text\"): save it as \"CSV "
            "UTF-8\" instead\n");
}

TEST(Encoding, Names) {
  EXPECT_EQ(ParseEncoding("UTF-8"), Encoding::kUtf8);
  EXPECT_EQ(ParseEncoding("gbk"), Encoding::kGbk);
  EXPECT_EQ(ParseEncoding("CP936"), Encoding::kGbk);
  EXPECT_EQ(ParseEncoding("GB18030"), Encoding::kGb18030);
  EXPECT_EQ(ParseEncoding("latin1"), std::nullopt);
}

}  // namespace
}  // namespace nianbao::importer
