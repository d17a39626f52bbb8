// .xlsx fixtures written by tests/importer/fixtures/make_xlsx.py (standard library only).
#include "importer/xlsx.h"

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

std::optional<Table> Read(const std::string& name, const std::string& sheet, Diagnostics& diags) {
  return ReadXlsx(name, testing::ReadFile(kFixtures + name), sheet, diags);
}

TEST(Xlsx, ReadsTheFirstSheetAsExcelShowsIt) {
  Diagnostics diags;
  auto t = Read("alpha-2023.xlsx", "", diags);
  ASSERT_TRUE(t) << diags.FormatAll();
  EXPECT_TRUE(diags.empty());
  EXPECT_EQ(Describe(*t),
            "A1@1:1=甲市2023年主要指标|\n"
            "A2@2:1=指标名称|B2@2:2=单位|C2@2:3=2023年|D2@2:4=备注|E2@2:5=note_en|\n"
            // a rich-text string without its phonetic guide
            "A3@3:1=市场主体|B3@3:2=户|C3@3:3=1300|D3@3:4=含个体工商户|"
            "E3@3:5=Includes individual businesses|\n"
            // an inline string; a formula's stored value
            "A4@4:1=enterprises|B4@4:2=户|C4@4:3=540|\n"
            "A5@5:1=个体工商户|B5@5:2=户|C5@5:3=760户|\n"
            // 100.49999999999999 at Excel's 15 digits
            "A6@6:1=注册资本|B6@6:2=万元|C6@6:3=100.5|\n"
            "A7@7:1=内资注册资本|B7@7:2=万元|C7@7:3=60.5|\n"
            "A8@8:1=外资注册资本|B8@8:2=万元|C8@8:3=40|\n"
            // 0.985 styled "0.00%"
            "A9@9:1=食品抽检合格率|B9@9:2=%|C9@9:3=98.5%|\n"
            "A10@10:1=投诉举报|B10@10:2=件|C10@10:3=不公开|\n");
  EXPECT_EQ(t->SourceLine(t->rows[0][0]), "");
}

TEST(Xlsx, ReadsASheetByName) {
  Diagnostics diags;
  auto t = Read("alpha-2023.xlsx", "2022年", diags);
  ASSERT_TRUE(t) << diags.FormatAll();
  // 0.989 in a custom "0.0%" format.
  EXPECT_EQ(Describe(*t),
            "A1@1:1=指标名称|B1@1:2=2022年|\nA2@2:1=市场主体|B2@2:2=1200|\n"
            "A3@3:1=食品抽检合格率|B3@3:2=98.9%|\n"
            // "0.0\"%\"" shows a literal %, unscaled
            "A4@4:1=pass_rate|B4@4:2=97.5|\n");
}

TEST(Xlsx, AnUnknownSheetNamesTheSheets) {
  Diagnostics diags;
  EXPECT_FALSE(Read("alpha-2023.xlsx", "2022", diags));
  EXPECT_EQ(diags.FormatAll(),
            "alpha-2023.xlsx: error: the workbook has no sheet '2022' (did you mean '2022年'?); "
            "its sheets: '2023年', '2022年'\n");
}

TEST(Xlsx, ErrorValuesFormulasWithoutValuesAndDamage) {
  Diagnostics diags;
  EXPECT_FALSE(Read("broken.xlsx", "", diags));
  EXPECT_EQ(diags.FormatAll(),
            "broken.xlsx:1:2: error: cell B1: the spreadsheet shows the error #DIV/0!: correct "
            "the formula\n"
            "broken.xlsx:2:2: error: cell B2: the formula has no stored value: open the file in "
            "Excel or LibreOffice and save it again\n"
            "broken.xlsx:3:2: error: cell B3: the archive is damaged: no shared string 99\n");
}

TEST(Xlsx, NotAZipOrCutShort) {
  const std::string whole = testing::ReadFile(kFixtures + "alpha-2023.xlsx");
  for (const std::string& bytes : {std::string("指标,数值\n"), whole.substr(0, whole.size() / 2),
                                   whole.substr(whole.size() / 2)}) {
    Diagnostics diags;
    EXPECT_FALSE(ReadXlsx("x.xlsx", bytes, "", diags));
    ASSERT_EQ(diags.ErrorCount(), 1);
    EXPECT_EQ(diags.FormatAll().rfind("x.xlsx: error: not an .xlsx file: it is not a readable "
                                      "zip archive (",
                                      0),
              0u)
        << diags.FormatAll();
  }
}

TEST(Xlsx, AnEmptyFile) {
  Diagnostics diags;
  EXPECT_FALSE(ReadXlsx("x.xlsx", "", "", diags));
  EXPECT_EQ(diags.FormatAll(), "x.xlsx: error: the file is empty\n");
}

TEST(Xlsx, EveryByteFlippedNeverCrashes) {
  // Damage anywhere is an error (or, in data the zip does not check, different text).
  const std::string whole = testing::ReadFile(kFixtures + "alpha-2023.xlsx");
  for (size_t i = 0; i < whole.size(); i += 7) {
    std::string bytes = whole;
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    Diagnostics diags;
    auto t = ReadXlsx("x.xlsx", bytes, "", diags);
    EXPECT_EQ(t.has_value(), !diags.HasErrors()) << i;
  }
}

}  // namespace
}  // namespace nianbao::importer
