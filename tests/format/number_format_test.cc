#include "format/number_format.h"

#include <charconv>
#include <clocale>
#include <cmath>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace nianbao::format {
namespace {

constexpr Quantity kHu{IndicatorKind::kCount, 0, "户"};
constexpr Quantity kEntities{IndicatorKind::kCount, 0, "entities"};
constexpr Quantity kRate{IndicatorKind::kRate, 1, "%"};
constexpr Quantity kWanYuan{IndicatorKind::kAmount, 2, "万元"};
constexpr Quantity kYiYuan{IndicatorKind::kAmount, 2, "亿元"};

std::string ZhProse(double v, const Quantity& q) { return FormatValue(v, q, "zh", Style::kProse); }
std::string ZhTable(double v, const Quantity& q) { return FormatValue(v, q, "zh", Style::kTable); }

TEST(IsChineseTest, ZhAndSubtags) {
  EXPECT_TRUE(IsChinese("zh"));
  EXPECT_TRUE(IsChinese("zh-Hant"));
  EXPECT_TRUE(IsChinese("zh-CN"));
  EXPECT_FALSE(IsChinese("en"));
  EXPECT_FALSE(IsChinese("zha"));
  EXPECT_FALSE(IsChinese(""));
}

TEST(FormatNumberTest, GroupsThousands) {
  EXPECT_EQ(FormatNumber(0, 0), "0");
  EXPECT_EQ(FormatNumber(999, 0), "999");
  EXPECT_EQ(FormatNumber(1000, 0), "1,000");
  EXPECT_EQ(FormatNumber(100000, 0), "100,000");
  EXPECT_EQ(FormatNumber(1234567, 0), "1,234,567");
  EXPECT_EQ(FormatNumber(1234.5, 2), "1,234.50");
}

// Whole numbers take a shortcut; it must agree with the decimal path on both sides.
TEST(FormatNumberTest, WholeNumbersEitherSideOfTheShortcut) {
  EXPECT_EQ(FormatNumber(-1234567, 0), "-1,234,567");
  EXPECT_EQ(FormatNumber(-0.0, 0), "0");
  EXPECT_EQ(FormatNumber(999999999999999, 0), "999,999,999,999,999");
  EXPECT_EQ(FormatNumber(1e15, 0), "1,000,000,000,000,000");
  EXPECT_EQ(FormatNumber(-1e15, 0), "-1,000,000,000,000,000");
  EXPECT_EQ(FormatNumber(42, 1), "42.0");
  EXPECT_EQ(FormatNumber(-0.0, 2), "0.00");
  EXPECT_EQ(FormatNumber(999999999999999, 3), "999,999,999,999,999.000");
  EXPECT_EQ(FormatNumber(1e15, 2), "1,000,000,000,000,000.00");
  EXPECT_EQ(FormatPlain(-1234567, 2), "-1234567.00");
}

// Rounds the shortest decimal form (to_chars) half away from zero on its digits, then
// groups: the rule, written out independently of number_format.cc's shortcuts.
std::string ReferenceFormat(double value, int decimals) {
  char buf[512];
  std::string text(buf, std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed).ptr);
  const bool negative = text[0] == '-';
  if (negative) text.erase(0, 1);
  const size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  const bool up = frac.size() > static_cast<size_t>(decimals) && frac[decimals] >= '5';
  frac.resize(decimals, '0');
  std::string all = whole + frac;
  if (up) {
    int i = static_cast<int>(all.size()) - 1;
    while (i >= 0 && all[i] == '9') all[i--] = '0';
    if (i < 0) {
      all.insert(0, "1");
    } else {
      ++all[i];
    }
  }
  whole = all.substr(0, all.size() - decimals);
  frac = all.substr(all.size() - decimals);
  std::string grouped;
  for (size_t k = 0; k < whole.size(); ++k) {
    if (k > 0 && (whole.size() - k) % 3 == 0) grouped += ',';
    grouped += whole[k];
  }
  const bool zero = all.find_first_not_of('0') == std::string::npos;
  return (negative && !zero ? "-" : "") + grouped + (decimals ? "." + frac : "");
}

// Figures of one to five decimals (up to four take a shortcut), rounded to 0–3 places.
TEST(FormatNumberTest, FiguresOfFewDecimalsRoundAsTheirDecimalForm) {
  std::mt19937_64 random(13);
  for (int places = 1; places <= 5; ++places) {
    for (int digits = 1; digits <= 15; ++digits) {
      for (int i = 0; i < 100; ++i) {
        const double m =
            static_cast<double>(random() % static_cast<unsigned long long>(std::pow(10.0, digits)));
        const double value = (i % 2 ? -m : m) / std::pow(10.0, places);
        const int decimals = i % 4;
        EXPECT_EQ(FormatNumber(value, decimals), ReferenceFormat(value, decimals)) << value;
      }
    }
  }
  for (double value : {0.5, -0.5, 0.05, -0.0004, 2.675, 1.005, 99.995, 0.0001, 123456.7895}) {
    for (int decimals = 0; decimals <= 3; ++decimals) {
      EXPECT_EQ(FormatNumber(value, decimals), ReferenceFormat(value, decimals)) << value;
    }
  }
}

// Any figure, of any magnitude, and figures a hair either side of a tie (x.5 at the place
// rounded to): rounded as their shortest decimal form is.
TEST(FormatNumberTest, AnyFigureRoundsAsItsDecimalForm) {
  std::mt19937_64 random(17);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int exponent = -6; exponent <= 16; ++exponent) {
    for (int i = 0; i < 300; ++i) {
      const double value = (i % 2 ? -1 : 1) * unit(random) * std::pow(10.0, exponent);
      const int decimals = i % 7;
      EXPECT_EQ(FormatNumber(value, decimals), ReferenceFormat(value, decimals)) << value;
    }
  }
  for (int decimals = 0; decimals <= 4; ++decimals) {
    for (int i = 0; i < 300; ++i) {
      const double tie = (std::floor(unit(random) * 1e6) + 0.5) / std::pow(10.0, decimals);
      for (double value : {tie, std::nextafter(tie, 0.0), std::nextafter(tie, 1e300), -tie}) {
        EXPECT_EQ(FormatNumber(value, decimals), ReferenceFormat(value, decimals)) << value;
      }
    }
  }
}

// Random whole numbers of every length, with and without decimals: the digits of the
// integer, grouped, and a fraction of zeros.
TEST(FormatNumberTest, WholeNumbersOfEveryLength) {
  std::mt19937_64 random(11);
  for (int digits = 1; digits <= 15; ++digits) {  // exact in a double
    for (int i = 0; i < 200; ++i) {
      long long n = static_cast<long long>(random() %
                                           static_cast<unsigned long long>(std::pow(10.0, digits)));
      if (i % 2) n = -n;
      const int decimals = i % 4;
      std::string plain = std::to_string(n < 0 ? -n : n), grouped;
      for (size_t k = 0; k < plain.size(); ++k) {
        if (k > 0 && (plain.size() - k) % 3 == 0) grouped += ',';
        grouped += plain[k];
      }
      const std::string sign = n < 0 ? "-" : "";
      const std::string fraction = decimals ? "." + std::string(decimals, '0') : "";
      EXPECT_EQ(FormatNumber(static_cast<double>(n), decimals), sign + grouped + fraction) << n;
      EXPECT_EQ(FormatPlain(static_cast<double>(n), decimals), sign + plain + fraction) << n;
    }
  }
}

TEST(FormatNumberTest, Decimals0To3) {
  EXPECT_EQ(FormatNumber(1.2345, 0), "1");
  EXPECT_EQ(FormatNumber(1.2345, 1), "1.2");
  EXPECT_EQ(FormatNumber(1.2345, 2), "1.23");
  EXPECT_EQ(FormatNumber(1.2345, 3), "1.235");
  EXPECT_EQ(FormatNumber(7, 3), "7.000");
  EXPECT_EQ(FormatNumber(0, 2), "0.00");
}

TEST(FormatNumberTest, RoundsHalfAwayFromZero) {
  EXPECT_EQ(FormatNumber(0.5, 0), "1");
  EXPECT_EQ(FormatNumber(2.5, 0), "3");
  EXPECT_EQ(FormatNumber(-2.5, 0), "-3");
  EXPECT_EQ(FormatNumber(12.345, 2), "12.35");
  EXPECT_EQ(FormatNumber(0.125, 2), "0.13");
  EXPECT_EQ(FormatNumber(-0.125, 2), "-0.13");
  EXPECT_EQ(FormatNumber(1.45, 1), "1.5");
  EXPECT_EQ(FormatNumber(1.0005, 3), "1.001");
  EXPECT_EQ(FormatNumber(1.0049, 2), "1.00");
}

TEST(FormatNumberTest, IgnoresBinaryNoise) {
  EXPECT_EQ(FormatNumber(1.005, 2), "1.01");  // stored as 1.00499999999999989…
  EXPECT_EQ(FormatNumber(2.675, 2), "2.68");  // stored as 2.67499999999999982…
  EXPECT_EQ(FormatNumber(0.1 + 0.2, 3), "0.300");
  EXPECT_EQ(FormatNumber(98.7 - 96.5, 1), "2.2");
}

TEST(FormatNumberTest, CarriesThroughNines) {
  EXPECT_EQ(FormatNumber(9.995, 2), "10.00");
  EXPECT_EQ(FormatNumber(999.5, 0), "1,000");
  EXPECT_EQ(FormatNumber(999999.95, 1), "1,000,000.0");
  EXPECT_EQ(FormatNumber(-99.96, 1), "-100.0");
}

TEST(FormatNumberTest, NegativeValues) {
  EXPECT_EQ(FormatNumber(-1, 0), "-1");
  EXPECT_EQ(FormatNumber(-1234.5, 2), "-1,234.50");
  EXPECT_EQ(FormatNumber(-1234567.891, 1), "-1,234,567.9");
}

TEST(FormatNumberTest, NeverNegativeZero) {
  EXPECT_EQ(FormatNumber(-0.0, 0), "0");
  EXPECT_EQ(FormatNumber(-0.0, 1), "0.0");
  EXPECT_EQ(FormatNumber(-0.04, 1), "0.0");
  EXPECT_EQ(FormatNumber(-0.4, 0), "0");
  EXPECT_EQ(FormatNumber(-1e-10, 2), "0.00");
  EXPECT_EQ(FormatNumber(-0.05, 1), "-0.1");
}

TEST(FormatNumberTest, LargeAndTinyValues) {
  EXPECT_EQ(FormatNumber(1e15, 0), "1,000,000,000,000,000");
  EXPECT_EQ(FormatNumber(1e20, 0), "100,000,000,000,000,000,000");
  EXPECT_EQ(FormatNumber(123456789012.5, 1), "123,456,789,012.5");
  EXPECT_EQ(FormatNumber(1e-10, 2), "0.00");
  EXPECT_EQ(FormatNumber(5e-324, 1), "0.0");
}

// The longest fixed forms a double has, at the most decimals: the digit buffer's bounds.
TEST(FormatNumberTest, LongestFixedForms) {
  const std::string max = FormatNumber(1.7976931348623157e308, 20);
  EXPECT_EQ(max.substr(0, 10), "179,769,31");
  EXPECT_EQ(max.size(), 309 + 102 + 1 + 20);  // digits, commas, point, decimals
  EXPECT_EQ(FormatNumber(-1.7976931348623157e308, 0)[0], '-');
  EXPECT_EQ(FormatNumber(4.9e-324, 20), "0.00000000000000000000");
  EXPECT_EQ(FormatNumber(999999999999999.9, 0), "1,000,000,000,000,000");
}

TEST(FormatPlainTest, SameFigureWithoutGrouping) {
  EXPECT_EQ(FormatPlain(-1234567.891, 1), "-1234567.9");
  EXPECT_EQ(FormatPlain(999.5, 0), "1000");
  EXPECT_EQ(FormatPlain(-0.04, 1), "0.0");
  EXPECT_EQ(FormatPlain(12, 2), "12.00");
  EXPECT_EQ(FormatPlain(NAN, 1), "nan");
}

TEST(FormatNumberTest, ClampsDecimalsAndSpellsNonFinite) {
  EXPECT_EQ(FormatNumber(12.5, -1), "13");
  EXPECT_EQ(FormatNumber(NAN, 1), "nan");
  EXPECT_EQ(FormatNumber(INFINITY, 1), "inf");
  EXPECT_EQ(FormatNumber(-INFINITY, 1), "-inf");
}

// Values already at their decimals come back as they are (the shortcut), others rounded.
TEST(RoundHalfAwayTest, ValuesAlreadyRoundedAreKept) {
  EXPECT_EQ(RoundHalfAway(97.5, 1), 97.5);
  EXPECT_EQ(RoundHalfAway(97.5, 2), 97.5);
  EXPECT_EQ(RoundHalfAway(0.1, 1), 0.1);
  EXPECT_EQ(RoundHalfAway(97.55, 1), 97.6);
  EXPECT_EQ(RoundHalfAway(1e-7, 2), 0);  // shortest form is 1e-07: the general path
  EXPECT_EQ(RoundHalfAway(123456.0, 0), 123456);
}

TEST(RoundHalfAwayTest, MatchesFormatNumber) {
  EXPECT_EQ(RoundHalfAway(2.675, 2), 2.68);
  EXPECT_EQ(RoundHalfAway(1234.5, 0), 1235);
  EXPECT_EQ(RoundHalfAway(-2.5, 0), -3);
  EXPECT_EQ(RoundHalfAway(-0.04, 1), 0);
  EXPECT_FALSE(std::signbit(RoundHalfAway(-0.04, 1)));
}

// The shortcut for figures of few decimals gives what the decimal way gives: the value
// itself when its shortest form has no more decimals than asked for, else the value of
// its rounded decimal text.
TEST(RoundHalfAwayTest, ShortFiguresMatchTheDecimalWay) {
  auto reference = [](double value, int decimals) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    const std::string_view shortest(buf, end - buf);
    if (shortest.find('e') == std::string_view::npos) {
      const size_t dot = shortest.find('.');
      const size_t frac = dot == std::string_view::npos ? 0 : shortest.size() - dot - 1;
      if (static_cast<int>(frac) <= decimals) return value;
    }
    const std::string text = FormatPlain(value, decimals);
    double out = 0;
    std::from_chars(text.data(), text.data() + text.size(), out);
    return out;
  };
  std::mt19937_64 rng(42);
  for (int i = 0; i < 50000; ++i) {
    const int places = static_cast<int>(rng() % 6);
    double value = static_cast<double>(rng() % 100000000) / std::pow(10.0, places);
    if (rng() % 4 == 0) value = -value;
    if (rng() % 8 == 0) value = std::ldexp(static_cast<double>(rng() % 1000000), -17);
    const int decimals = static_cast<int>(rng() % 5);
    const double got = RoundHalfAway(value, decimals), want = reference(value, decimals);
    ASSERT_EQ(got, want) << value << " to " << decimals;
    ASSERT_EQ(std::signbit(got), std::signbit(want)) << value << " to " << decimals;
  }
}

TEST(FormatValueTest, ZhTableNeverCompacts) {
  EXPECT_EQ(ZhTable(123456, kHu), "123,456户");
  EXPECT_EQ(ZhTable(123456789, kHu), "123,456,789户");
  EXPECT_EQ(ZhTable(98.7, kRate), "98.7%");
  EXPECT_EQ(ZhTable(3015.9, kYiYuan), "3,015.90亿元");
  EXPECT_EQ(ZhTable(23456, kWanYuan), "23,456.00万元");
}

TEST(FormatValueTest, ZhProseWanBoundary) {
  EXPECT_EQ(ZhProse(99999, kHu), "99,999户");
  EXPECT_EQ(ZhProse(100000, kHu), "10.00万户");
  EXPECT_EQ(ZhProse(123456, kHu), "12.35万户");
  EXPECT_EQ(ZhProse(123000, kHu), "12.30万户");
  EXPECT_EQ(ZhProse(99999.4, kHu), "99,999户");
  EXPECT_EQ(ZhProse(99999.5, kHu), "10.00万户");  // shows as 100,000 in the table
}

TEST(FormatValueTest, ZhProseYiBoundary) {
  EXPECT_EQ(ZhProse(99994999, kHu), "9,999.50万户");
  EXPECT_EQ(ZhProse(99999999, kHu), "1.00亿户");  // not "10,000.00万户"
  EXPECT_EQ(ZhProse(100000000, kHu), "1.00亿户");
  EXPECT_EQ(ZhProse(123456789, kHu), "1.23亿户");
  EXPECT_EQ(ZhProse(1.5e12, kHu), "15,000.00亿户");
}

TEST(FormatValueTest, ZhProseWanYuanBecomesYiYuan) {
  EXPECT_EQ(ZhProse(9999, kWanYuan), "9,999.00万元");
  EXPECT_EQ(ZhProse(10000, kWanYuan), "1.00亿元");
  EXPECT_EQ(ZhProse(23456, kWanYuan), "2.35亿元");
  EXPECT_EQ(ZhProse(9999.996, kWanYuan), "1.00亿元");
  EXPECT_EQ(ZhProse(123456.7, kYiYuan), "123,456.70亿元");
}

TEST(FormatValueTest, ZhProseOtherUnitsAndSigns) {
  Quantity yuan{IndicatorKind::kAmount, 2, "元"};
  EXPECT_EQ(ZhProse(123456789, yuan), "1.23亿元");
  EXPECT_EQ(ZhProse(-123456, kHu), "-12.35万户");
  EXPECT_EQ(ZhProse(0, kHu), "0户");
  EXPECT_EQ(ZhProse(123456, Quantity{IndicatorKind::kCount, 0, ""}), "12.35万");
  EXPECT_EQ(ZhProse(98.7, kRate), "98.7%");
  EXPECT_EQ(ZhProse(123456, Quantity{IndicatorKind::kRate, 0, "‰"}), "123,456‰");
  EXPECT_EQ(FormatValue(123456, kHu, "zh-Hant", Style::kProse), "12.35万户");
}

TEST(FormatValueTest, EnglishSpacesUnitsButNotPercent) {
  for (Style style : {Style::kTable, Style::kProse}) {
    EXPECT_EQ(FormatValue(123456, kEntities, "en", style), "123,456 entities");
    EXPECT_EQ(FormatValue(98.7, kRate, "en", style), "98.7%");
  }
  Quantity cny{IndicatorKind::kAmount, 2, "CNY 10,000"};
  EXPECT_EQ(FormatValue(23456, cny, "en", Style::kProse), "23,456.00 CNY 10,000");
  EXPECT_EQ(FormatValue(123456, Quantity{}, "en", Style::kProse), "123,456");
  EXPECT_EQ(FormatValue(-0.0, kRate, "fr", Style::kTable), "0.0%");
}

TEST(FormatPercentChangeTest, Zh) {
  EXPECT_EQ(FormatPercentChange(12.34, "zh"), "增长12.3%");
  EXPECT_EQ(FormatPercentChange(-0.4, "zh"), "下降0.4%");
  EXPECT_EQ(FormatPercentChange(0, "zh"), "持平");
  EXPECT_EQ(FormatPercentChange(0.04, "zh"), "持平");
  EXPECT_EQ(FormatPercentChange(-0.04, "zh"), "持平");
  EXPECT_EQ(FormatPercentChange(0.05, "zh"), "增长0.1%");
  EXPECT_EQ(FormatPercentChange(1234.56, "zh"), "增长1,234.6%");
}

TEST(FormatPercentChangeTest, En) {
  EXPECT_EQ(FormatPercentChange(12.34, "en"), "up 12.3%");
  EXPECT_EQ(FormatPercentChange(-0.4, "en"), "down 0.4%");
  EXPECT_EQ(FormatPercentChange(-0.0, "en"), "unchanged");
  EXPECT_EQ(FormatPercentChange(0.049, "en"), "unchanged");
}

TEST(FormatPointChangeTest, Zh) {
  EXPECT_EQ(FormatPointChange(0.4, 1, "zh"), "提高0.4个百分点");
  EXPECT_EQ(FormatPointChange(-0.4, 1, "zh"), "下降0.4个百分点");
  EXPECT_EQ(FormatPointChange(0, 1, "zh"), "持平");
  EXPECT_EQ(FormatPointChange(98.7 - 96.5, 1, "zh"), "提高2.2个百分点");
}

TEST(FormatPointChangeTest, En) {
  EXPECT_EQ(FormatPointChange(0.4, 1, "en"), "up 0.4 pp");
  EXPECT_EQ(FormatPointChange(-0.4, 1, "en"), "down 0.4 pp");
  EXPECT_EQ(FormatPointChange(0.04, 1, "en"), "unchanged");
}

TEST(FormatPointChangeTest, AtLeastOneDecimal) {
  EXPECT_EQ(FormatPointChange(2, 0, "en"), "up 2.0 pp");
  EXPECT_EQ(FormatPointChange(0.125, 2, "en"), "up 0.13 pp");
  EXPECT_EQ(FormatPointChange(-0.004, 2, "zh"), "持平");
}

TEST(FormatSignedDeltaTest, CountsAndAmounts) {
  EXPECT_EQ(FormatSignedDelta(1234, kEntities, "en"), "+1,234");
  EXPECT_EQ(FormatSignedDelta(-56.7, Quantity{IndicatorKind::kAmount, 1, "万元"}, "zh"),
            "\u221256.7");
  EXPECT_EQ(FormatSignedDelta(0, kHu, "zh"), "0");
  EXPECT_EQ(FormatSignedDelta(-0.4, kHu, "zh"), "0");
  EXPECT_EQ(FormatSignedDelta(-0.005, kWanYuan, "zh"), "\u22120.01");
  EXPECT_EQ(FormatSignedDelta(1234567, kHu, "zh"), "+1,234,567");  // tables never compact
}

TEST(FormatSignedDeltaTest, RatesInPoints) {
  EXPECT_EQ(FormatSignedDelta(0.4, kRate, "zh"), "+0.4个百分点");
  EXPECT_EQ(FormatSignedDelta(-0.4, kRate, "en"), "\u22120.4 pp");
  EXPECT_EQ(FormatSignedDelta(0, kRate, "en"), "0.0 pp");
  EXPECT_EQ(FormatSignedDelta(2, Quantity{IndicatorKind::kRate, 0, "%"}, "en"), "+2.0 pp");
}

TEST(FormatSignedPercentTest, Signs) {
  EXPECT_EQ(FormatSignedPercent(12.34), "+12.3%");
  EXPECT_EQ(FormatSignedPercent(-0.4), "\u22120.4%");
  EXPECT_EQ(FormatSignedPercent(0), "0.0%");
  EXPECT_EQ(FormatSignedPercent(-0.04), "0.0%");
  EXPECT_EQ(FormatSignedPercent(2.25), "+2.3%");
  EXPECT_EQ(FormatSignedPercent(1234.5), "+1,234.5%");
}

// Old editions must rebuild to the same bytes on any machine: no locale may leak in.
TEST(LocaleTest, FormattingIgnoresProcessLocale) {
  std::string saved = std::setlocale(LC_ALL, nullptr);
  int tried = 0;
  for (const char* name : {"de_DE.UTF-8", "C.UTF-8"}) {
    if (std::setlocale(LC_ALL, name) == nullptr) continue;
    ++tried;
    EXPECT_EQ(FormatNumber(1234.5, 2), "1,234.50") << name;
    EXPECT_EQ(FormatNumber(2.675, 2), "2.68") << name;
    EXPECT_EQ(FormatValue(98.7, kRate, "en", Style::kTable), "98.7%") << name;
    EXPECT_EQ(RoundHalfAway(1.005, 2), 1.01) << name;
  }
  std::setlocale(LC_ALL, saved.c_str());
  if (tried == 0) GTEST_SKIP() << "neither de_DE.UTF-8 nor C.UTF-8 is installed";
}

}  // namespace
}  // namespace nianbao::format

namespace nianbao::format {
namespace {

Quantity Scaled(int magnitude, std::string_view unit, std::string_view base, int decimals = 2) {
  Quantity q{IndicatorKind::kAmount, decimals, unit};
  q.magnitude = magnitude;
  q.base_unit = base;
  return q;
}

// Regression: English prose read "2,790.02 100 million yuan" and "452.37 10k yuan".
TEST(EnglishScaleTest, ChineseMagnitudesAreWrittenAtTheEnglishScale) {
  EXPECT_EQ(FormatValue(2790.02, Scaled(8, "100 million yuan", "yuan"), "en", Style::kProse),
            "279.00 billion yuan");
  EXPECT_EQ(FormatValue(452.37, Scaled(4, "10k yuan", "yuan"), "en", Style::kProse),
            "4.52 million yuan");
  EXPECT_EQ(FormatValue(455.63, Scaled(8, "CNY 100 million", "yuan"), "en", Style::kProse),
            "45.56 billion yuan");
  // Below a million: the whole number, grouped.
  EXPECT_EQ(FormatValue(2.5, Scaled(4, "10,000 entities", "entities", 1), "en", Style::kProse),
            "25,000 entities");
  EXPECT_EQ(FormatValue(99.99, Scaled(4, "10k yuan", "yuan"), "en", Style::kProse), "999,900 yuan");
  // 99,999.999万 is 999.99999 million: it rounds up to the next scale, not "1,000.00 million".
  EXPECT_EQ(FormatValue(99999.9999, Scaled(4, "10k yuan", "yuan", 4), "en", Style::kProse),
            "1.00 billion yuan");
  EXPECT_EQ(FormatValue(-123456, Scaled(4, "10k yuan", "yuan", 0), "en", Style::kProse),
            "-1.23 billion yuan");
  EXPECT_EQ(FormatValue(2.5e5, Scaled(8, "100m yuan", "yuan", 0), "en", Style::kProse),
            "25.00 trillion yuan");
  // Tables keep the catalogue's unit (one unit per column); Chinese is unchanged.
  EXPECT_EQ(FormatValue(2790.02, Scaled(8, "100 million yuan", "yuan"), "en", Style::kTable),
            "2,790.02 100 million yuan");
  EXPECT_EQ(FormatValue(2790.02, Scaled(8, "亿元", ""), "zh", Style::kProse), "2,790.02亿元");
}

TEST(EnglishScaleTest, MagnitudesAndBaseUnits) {
  EXPECT_EQ(ChineseMagnitude("万元"), 4);
  EXPECT_EQ(ChineseMagnitude("亿元"), 8);
  EXPECT_EQ(ChineseMagnitude("万亿元"), 12);
  EXPECT_EQ(ChineseMagnitude("万户"), 4);
  EXPECT_EQ(ChineseMagnitude("户"), 0);
  EXPECT_EQ(EnglishBaseUnit("100 million yuan", 8), "yuan");
  EXPECT_EQ(EnglishBaseUnit("CNY 100 million", 8), "yuan");
  EXPECT_EQ(EnglishBaseUnit("RMB 10,000", 4), "yuan");
  EXPECT_EQ(EnglishBaseUnit("10k yuan", 4), "yuan");
  EXPECT_EQ(EnglishBaseUnit("Ten Thousand households", 4), "households");
  EXPECT_EQ(EnglishBaseUnit("10k", 4), "");
  // A unit that does not state the magnitude is left alone.
  EXPECT_EQ(EnglishBaseUnit("yuan", 4), std::nullopt);
  EXPECT_EQ(EnglishBaseUnit("110k yuan", 4), std::nullopt);
  EXPECT_EQ(EnglishBaseUnit("10k yuan", 8), std::nullopt);
}

}  // namespace
}  // namespace nianbao::format
