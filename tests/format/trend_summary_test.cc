#include "format/trend_summary.h"

#include <gtest/gtest.h>

namespace nianbao::format {
namespace {

constexpr Quantity kHu{IndicatorKind::kCount, 0, "户"};
constexpr Quantity kEntities{IndicatorKind::kCount, 0, "entities"};
constexpr Quantity kRate{IndicatorKind::kRate, 1, "%"};
constexpr Quantity kWanYuan{IndicatorKind::kAmount, 2, "万元"};

TEST(SummarizeTrendTest, ZhIncreaseWithAnnualGrowth) {
  EXPECT_EQ(SummarizeTrend("2019", 183000, "2022", 231000, 3, kHu, "zh"),
            "2019–2022年由18.30万户增至23.10万户，年均增长8.1%");
}

TEST(SummarizeTrendTest, EnIncreaseWithAnnualGrowth) {
  EXPECT_EQ(SummarizeTrend("2019", 183000, "2022", 231000, 3, kEntities, "en"),
            "From 183,000 entities in 2019 to 231,000 entities in 2022, an average annual "
            "increase of 8.1%.");
}

TEST(SummarizeTrendTest, Decrease) {
  EXPECT_EQ(SummarizeTrend("2019", 231000, "2022", 183000, 3, kHu, "zh"),
            "2019–2022年由23.10万户降至18.30万户，年均下降7.5%");
  EXPECT_EQ(SummarizeTrend("2019", 231000, "2022", 183000, 3, kEntities, "en"),
            "From 231,000 entities in 2019 to 183,000 entities in 2022, an average annual "
            "decrease of 7.5%.");
}

TEST(SummarizeTrendTest, Unchanged) {
  EXPECT_EQ(SummarizeTrend("2019", 183000, "2022", 183000, 3, kHu, "zh"),
            "2019–2022年保持在18.30万户");
  EXPECT_EQ(SummarizeTrend("2019", 183000, "2022", 183000.4, 3, kEntities, "en"),
            "Unchanged at 183,000 entities from 2019 to 2022.");
}

TEST(SummarizeTrendTest, OneStepIsPlainGrowth) {
  EXPECT_EQ(SummarizeTrend("2021", 183000, "2022", 231000, 1, kHu, "zh"),
            "2021–2022年由18.30万户增至23.10万户，增长26.2%");
  EXPECT_EQ(SummarizeTrend("2021", 231000, "2022", 183000, 1, kEntities, "en"),
            "From 231,000 entities in 2021 to 183,000 entities in 2022, a decrease of 20.8%.");
}

TEST(SummarizeTrendTest, ZeroBaseOmitsGrowth) {
  EXPECT_EQ(SummarizeTrend("2019", 0, "2022", 500, 3, kHu, "zh"), "2019–2022年由0户增至500户");
  EXPECT_EQ(SummarizeTrend("2019", 0, "2022", 500, 3, kEntities, "en"),
            "From 0 entities in 2019 to 500 entities in 2022.");
  EXPECT_EQ(SummarizeTrend("2019", -5, "2022", 10, 3, kHu, "zh"), "2019–2022年由-5户增至10户");
}

TEST(SummarizeTrendTest, NoStepsOmitsGrowth) {
  EXPECT_EQ(SummarizeTrend("2022", 100, "2022", 120, 0, kEntities, "en"),
            "From 100 entities in 2022 to 120 entities in 2022.");
}

TEST(SummarizeTrendTest, DropToZeroIsMinusHundredPercent) {
  EXPECT_EQ(SummarizeTrend("2020", 100, "2022", 0, 2, kHu, "zh"),
            "2020–2022年由100户降至0户，年均下降100.0%");
}

TEST(SummarizeTrendTest, GrowthRoundingToZeroIsLeftOut) {
  EXPECT_EQ(SummarizeTrend("2019", 1000000, "2022", 1000100, 3, kHu, "zh"),
            "2019–2022年由100.00万户增至100.01万户");
}

TEST(SummarizeTrendTest, AmountInWanYuanReadsInYi) {
  EXPECT_EQ(SummarizeTrend("2019", 23456, "2022", 34567, 3, kWanYuan, "zh"),
            "2019–2022年由2.35亿元增至3.46亿元，年均增长13.8%");
}

TEST(SummarizeTrendTest, ZhRates) {
  EXPECT_EQ(SummarizeTrend("2019", 96.5, "2022", 98.7, 3, kRate, "zh"),
            "2019–2022年由96.5%提高至98.7%，提高2.2个百分点");
  EXPECT_EQ(SummarizeTrend("2019", 98.7, "2022", 96.5, 3, kRate, "zh"),
            "2019–2022年由98.7%降至96.5%，下降2.2个百分点");
  EXPECT_EQ(SummarizeTrend("2019", 98.7, "2022", 98.7, 3, kRate, "zh"), "2019–2022年保持在98.7%");
}

TEST(SummarizeTrendTest, EnRates) {
  EXPECT_EQ(SummarizeTrend("2019", 96.5, "2022", 98.7, 3, kRate, "en"),
            "From 96.5% in 2019 to 98.7% in 2022, up 2.2 pp.");
  EXPECT_EQ(SummarizeTrend("2019", 98.7, "2022", 96.5, 3, kRate, "en"),
            "From 98.7% in 2019 to 96.5% in 2022, down 2.2 pp.");
  EXPECT_EQ(SummarizeTrend("2019", 98.7, "2022", 98.74, 3, kRate, "en"),
            "Unchanged at 98.7% from 2019 to 2022.");
}

// The points come from the shown values, so the sentence adds up: 98.8 − 96.5 = 2.3.
TEST(SummarizeTrendTest, RatePointsAgreeWithShownValues) {
  EXPECT_EQ(SummarizeTrend("2019", 96.54, "2022", 98.76, 3, kRate, "zh"),
            "2019–2022年由96.5%提高至98.8%，提高2.3个百分点");
}

TEST(SummarizeTrendTest, ZhNonYearLabels) {
  EXPECT_EQ(SummarizeTrend("2021年上半年", 183000, "2022年上半年", 231000, 1, kHu, "zh"),
            "由2021年上半年的18.30万户增至2022年上半年的23.10万户，增长26.2%");
  EXPECT_EQ(SummarizeTrend("2021年上半年", 96.5, "2022年上半年", 95.1, 1, kRate, "zh"),
            "由2021年上半年的96.5%降至2022年上半年的95.1%，下降1.4个百分点");
  EXPECT_EQ(SummarizeTrend("2021年上半年", 183000, "2022年上半年", 183000, 1, kHu, "zh"),
            "2021年上半年至2022年上半年保持在18.30万户");
}

TEST(SummarizeTrendTest, EnNonYearLabels) {
  EXPECT_EQ(SummarizeTrend("2021 H1", 183000, "2022 H1", 231000, 1, kEntities, "en"),
            "From 183,000 entities in 2021 H1 to 231,000 entities in 2022 H1, an increase of "
            "26.2%.");
}

}  // namespace
}  // namespace nianbao::format
