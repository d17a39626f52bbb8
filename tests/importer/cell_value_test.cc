// A cell read as an indicator's value: what people type in Excel is understood or refused.
#include "importer/cell_value.h"

#include <gtest/gtest.h>

#include "importer/decimal.h"

namespace nianbao::importer {
namespace {

Indicator Make(IndicatorKind kind, const std::string& zh_unit, const std::string& en_unit) {
  Indicator ind;
  ind.id = kind == IndicatorKind::kRate ? "pass_rate" : "entities";
  ind.kind = kind;
  ind.unit.text = {{"zh", zh_unit}, {"en", en_unit}};
  return ind;
}

const Indicator kCount = Make(IndicatorKind::kCount, "户", "entities");
const Indicator kAmount = Make(IndicatorKind::kAmount, "万元", "CNY 10k");
const Indicator kRate = Make(IndicatorKind::kRate, "%", "%");

std::string Number(std::string_view text, const Indicator& ind = kCount) {
  CellReading r = ReadCellValue(text, ind, "zh");
  if (!r.value) return "error: " + r.error;
  switch (r.value->status) {
    case ValueStatus::kNumber:
      return r.value->number;
    case ValueStatus::kWithheld:
      return "withheld";
    case ValueStatus::kNull:
      return "null";
  }
  return "?";
}

TEST(CellValue, PlainDecimalsAsInDataYaml) {
  EXPECT_EQ(Number("315230"), "315230");
  EXPECT_EQ(Number("-3"), "-3");
  EXPECT_EQ(Number("98.10", kRate), "98.1");
  EXPECT_EQ(Number("  42 "), "42");
  EXPECT_EQ(Number("0"), "0");
  EXPECT_EQ(Number("-0.0"), "0");
}

TEST(CellValue, ThousandsSeparatorsGroupThreeDigits) {
  EXPECT_EQ(Number("1,234,567"), "1234567");
  EXPECT_EQ(Number("１，２３４"), "1234");  // full-width comma and digits
  EXPECT_EQ(Number("-12,345.5"), "-12345.5");
  EXPECT_EQ(Number("1,23,456"),
            "error: the value of entities must be a number, 不公开 (withheld) or an empty cell, "
            "not '1,23,456' (thousands separators group three digits: 1,234,567)");
  EXPECT_EQ(Number(",123").substr(0, 6), "error:");
  EXPECT_EQ(Number("1234,567").substr(0, 6), "error:");
  EXPECT_EQ(Number("1,234.5,6").substr(0, 6), "error:");
}

TEST(CellValue, FullWidthDigitsAndSigns) {
  EXPECT_EQ(Number("１２３４５６"), "123456");
  EXPECT_EQ(Number("９８．７％", kRate), "98.7");
  EXPECT_EQ(Number("－５"), "-5");
  EXPECT_EQ(Number("\xE2\x88\x92"
                   "5"),
            "-5");  // U+2212 minus sign
  EXPECT_EQ(Number("\xE3\x80\x80"
                   "12\xC2\xA0"),
            "12");  // ideographic and no-break spaces
}

TEST(CellValue, PercentOnlyForRates) {
  EXPECT_EQ(Number("98.7%", kRate), "98.7");
  EXPECT_EQ(Number("98.7 %", kRate), "98.7");
  EXPECT_EQ(Number("100%", kRate), "100");
  EXPECT_EQ(Number("12%"),
            "error: the value of entities must be a number, 不公开 (withheld) or an empty cell, "
            "not '12%' ('entities' is not a rate: write the figure in 户, without '%')");
  EXPECT_EQ(Number("101", kRate),
            "error: 'pass_rate' is a rate: its value must be from 0 to 100, not 101");
  EXPECT_EQ(Number("100.01%", kRate),
            "error: 'pass_rate' is a rate: its value must be from 0 to 100, not 100.01%");
  EXPECT_EQ(Number("-0.5", kRate).substr(0, 26), "error: 'pass_rate' is a ra");
}

TEST(CellValue, WanAndYiMoveTheDecimalPoint) {
  EXPECT_EQ(Number("31.52万"), "315200");
  EXPECT_EQ(Number("31.52万户"), "315200");
  EXPECT_EQ(Number("1.2345678亿"), "123456780");
  EXPECT_EQ(Number("0.076万"), "760");
  EXPECT_EQ(Number("3万"), "30000");
  EXPECT_EQ(Number("3.5万", kAmount),
            "error: the value of entities must be a number, 不公开 (withheld) or an empty cell, "
            "not '3.5万' (the unit is already 万元: write the figure in 万元, without 万 or 亿)");
  EXPECT_EQ(Number("3万", kRate).substr(0, 6), "error:");
}

TEST(CellValue, TheUnitAfterTheFigure) {
  EXPECT_EQ(Number("123456户"), "123456");
  EXPECT_EQ(Number("123,456 entities"), "123456");
  EXPECT_EQ(Number("35000.5万元", kAmount), "35000.5");
  EXPECT_EQ(Number("3.5亿元", kAmount),
            "error: the value of entities must be a number, 不公开 (withheld) or an empty cell, "
            "not '3.5亿元' (write the figure in 万元)");
}

TEST(CellValue, StatusWords) {
  EXPECT_EQ(Number("不公开"), "withheld");
  EXPECT_EQ(Number("未公开"), "withheld");
  EXPECT_EQ(Number("withheld"), "withheld");
  EXPECT_EQ(Number("Withheld"), "withheld");
  EXPECT_EQ(Number(""), "null");
  EXPECT_EQ(Number(" \xE3\x80\x80"), "null");
  EXPECT_EQ(Number("null"), "null");
}

TEST(CellValue, RefusedWithAHint) {
  const std::string prefix =
      "error: the value of entities must be a number, 不公开 (withheld) or an empty cell, not ";
  EXPECT_EQ(Number("0123"), prefix + "'0123' (remove the leading zero)");
  EXPECT_EQ(Number("+5"), prefix + "'+5' (remove the '+')");
  EXPECT_EQ(Number("#DIV/0!"),
            prefix + "'#DIV/0!' (the spreadsheet shows an error: correct the formula)");
  EXPECT_EQ(Number("**"), prefix +
                              "'**' (leave the cell empty if the figure is not reported, or write "
                              "不公开 if it is withheld)");
  EXPECT_EQ(Number("1.2e5"), prefix + "'1.2e5' (write the figure in 户)");
  EXPECT_EQ(Number("12 345"), prefix + "'12 345' (write the figure in 户)");
  EXPECT_EQ(Number("0x10"), prefix + "'0x10' (write the figure in 户)");
  EXPECT_EQ(Number("."), prefix + "'.' (write the figure in 户)");
  EXPECT_EQ(Number("-"), prefix +
                             "'-' (leave the cell empty if the figure is not reported, or write "
                             "不公开 if it is withheld)");
}

TEST(Decimal, CanonicalAndShifted) {
  EXPECT_EQ(CanonicalDecimal("-012.50"), "-12.5");
  EXPECT_EQ(CanonicalDecimal("0.0"), "0");
  EXPECT_EQ(CanonicalDecimal("-0"), "0");
  EXPECT_EQ(ShiftDecimal("31.52", 4), "315200");
  EXPECT_EQ(ShiftDecimal("0.981", 2), "98.1");
  EXPECT_EQ(ShiftDecimal("-1.23456789", 4), "-12345.6789");
  EXPECT_EQ(ShiftDecimal("7", 8), "700000000");
  EXPECT_EQ(ShiftDecimal("0.00001", 4), "0.1");
}

TEST(Decimal, ExcelNumbersAtFifteenDigits) {
  EXPECT_EQ(ExcelNumber("98.099999999999994"), "98.1");
  EXPECT_EQ(ExcelNumber("0.30000000000000004"), "0.3");
  EXPECT_EQ(ExcelNumber("1E-3"), "0.001");
  EXPECT_EQ(ExcelNumber("315230"), "315230");
  EXPECT_EQ(ExcelNumber("-2.5"), "-2.5");
  EXPECT_EQ(ExcelNumber("1.5E+20"), "150000000000000000000");
  EXPECT_EQ(ExcelNumber("abc"), std::nullopt);
  EXPECT_EQ(ExcelNumber("1e999"), std::nullopt);
  EXPECT_EQ(ExcelNumber(""), std::nullopt);
}

}  // namespace
}  // namespace nianbao::importer
