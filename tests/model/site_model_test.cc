#include "model/site_model.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

Value Num(double n) { return {ValueStatus::kNumber, n}; }
const Value kWithheld{ValueStatus::kWithheld, 0};
const Value kNull{ValueStatus::kNull, 0};

Edition MakeEdition(const std::string& bureau, const std::string& name,
                    std::map<std::string, Value> values = {}, const Catalog* catalog = nullptr) {
  Edition e;
  e.bureau = bureau;
  e.name = name;
  e.period = *ParseEditionName(name);
  if (catalog) e.values.resize(catalog->indicators.size());
  for (auto& [id, v] : values) {
    e.values[catalog->FindIndicator(id)->index] = v;
    e.values[catalog->FindIndicator(id)->index].listed = true;
  }
  return e;
}

// ComputeChange: the pure rule, one case per status.

TEST(ComputeChangeTest, CountChangeIsPercentOfThePreviousValue) {
  Edition prev = MakeEdition("a", "2020");
  Change c = ComputeChange(Num(200), Num(250), &prev, IndicatorKind::kCount);
  EXPECT_EQ(c.status, Change::Status::kOk);
  EXPECT_EQ(c.previous, &prev);
  EXPECT_DOUBLE_EQ(c.delta, 50);
  EXPECT_DOUBLE_EQ(c.percent, 25);
}

TEST(ComputeChangeTest, AmountDecreaseIsNegative) {
  Edition prev = MakeEdition("a", "2020");
  Change c = ComputeChange(Num(400), Num(300), &prev, IndicatorKind::kAmount);
  EXPECT_EQ(c.status, Change::Status::kOk);
  EXPECT_DOUBLE_EQ(c.delta, -100);
  EXPECT_DOUBLE_EQ(c.percent, -25);
}

TEST(ComputeChangeTest, NegativeBaseDividesByItsMagnitude) {
  Edition prev = MakeEdition("a", "2020");
  Change c = ComputeChange(Num(-50), Num(-25), &prev, IndicatorKind::kAmount);
  EXPECT_DOUBLE_EQ(c.delta, 25);
  EXPECT_DOUBLE_EQ(c.percent, 50);  // a rise, so a positive percent
}

TEST(ComputeChangeTest, RateChangeIsInPointsWithoutAPercent) {
  Edition prev = MakeEdition("a", "2020");
  Change c = ComputeChange(Num(97.6), Num(98.1), &prev, IndicatorKind::kRate);
  EXPECT_EQ(c.status, Change::Status::kOk);
  EXPECT_NEAR(c.delta, 0.5, 1e-9);
  EXPECT_EQ(c.percent, 0);
}

TEST(ComputeChangeTest, FirstEditionHasNoPrevious) {
  Change c = ComputeChange(kNull, Num(10), nullptr, IndicatorKind::kCount);
  EXPECT_EQ(c.status, Change::Status::kNoPrevious);
  EXPECT_EQ(c.previous, nullptr);
}

TEST(ComputeChangeTest, WithheldOrNullNowIsCurrentMissing) {
  Edition prev = MakeEdition("a", "2020");
  EXPECT_EQ(ComputeChange(Num(10), kWithheld, &prev, IndicatorKind::kCount).status,
            Change::Status::kCurrentMissing);
  EXPECT_EQ(ComputeChange(Num(10), kNull, &prev, IndicatorKind::kCount).status,
            Change::Status::kCurrentMissing);
  // Both missing: the current one is what the reader looks at.
  EXPECT_EQ(ComputeChange(kWithheld, kNull, &prev, IndicatorKind::kCount).status,
            Change::Status::kCurrentMissing);
}

TEST(ComputeChangeTest, WithheldOrNullBeforeIsPreviousMissingNeverZero) {
  Edition prev = MakeEdition("a", "2020");
  Change withheld = ComputeChange(kWithheld, Num(10), &prev, IndicatorKind::kAmount);
  EXPECT_EQ(withheld.status, Change::Status::kPreviousMissing);
  EXPECT_EQ(withheld.delta, 0);
  EXPECT_EQ(ComputeChange(kNull, Num(10), &prev, IndicatorKind::kRate).status,
            Change::Status::kPreviousMissing);
}

TEST(ComputeChangeTest, ZeroBaseKeepsTheDeltaButNoPercent) {
  Edition prev = MakeEdition("a", "2020");
  Change c = ComputeChange(Num(0), Num(12), &prev, IndicatorKind::kCount);
  EXPECT_EQ(c.status, Change::Status::kZeroBase);
  EXPECT_DOUBLE_EQ(c.delta, 12);
  EXPECT_EQ(c.percent, 0);
  // A rate from 0 is an ordinary change in points.
  EXPECT_EQ(ComputeChange(Num(0), Num(12), &prev, IndicatorKind::kRate).status,
            Change::Status::kOk);
}

// DirectionOf: better or worse by the indicator's `better`.

TEST(DirectionOfTest, HigherAndLowerIsBetter) {
  Edition prev = MakeEdition("a", "2020");
  Change up = ComputeChange(Num(1), Num(2), &prev, IndicatorKind::kCount);
  Change down = ComputeChange(Num(2), Num(1), &prev, IndicatorKind::kCount);
  EXPECT_EQ(DirectionOf(up, Better::kHigher), Direction::kBetter);
  EXPECT_EQ(DirectionOf(down, Better::kHigher), Direction::kWorse);
  EXPECT_EQ(DirectionOf(up, Better::kLower), Direction::kWorse);
  EXPECT_EQ(DirectionOf(down, Better::kLower), Direction::kBetter);
  EXPECT_EQ(DirectionOf(up, Better::kNeutral), Direction::kNeutral);
}

TEST(DirectionOfTest, NoChangeIsSameAndMissingIsNeutral) {
  Edition prev = MakeEdition("a", "2020");
  EXPECT_EQ(
      DirectionOf(ComputeChange(Num(5), Num(5), &prev, IndicatorKind::kCount), Better::kHigher),
      Direction::kSame);
  EXPECT_EQ(
      DirectionOf(ComputeChange(Num(0), Num(5), &prev, IndicatorKind::kCount), Better::kHigher),
      Direction::kBetter);  // zero base: the direction is still known
  EXPECT_EQ(
      DirectionOf(ComputeChange(kWithheld, Num(5), &prev, IndicatorKind::kCount), Better::kHigher),
      Direction::kNeutral);
  EXPECT_EQ(
      DirectionOf(ComputeChange(kNull, Num(5), nullptr, IndicatorKind::kCount), Better::kHigher),
      Direction::kNeutral);
}

// SiteModel lookups over a small model. Content keeps editions sorted by bureau, kind, year.

class SiteModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    model_.config.languages = {"zh", "en"};
    Indicator ind;
    ind.id = "n";
    ind.kind = IndicatorKind::kCount;
    model_.catalog.indicators.push_back(ind);
    model_.catalog.BuildIndexes();
    for (const char* id : {"city", "county"}) {
      Bureau b;
      b.id = id;
      model_.catalog.bureaus.push_back(b);
    }
    const Catalog* cat = &model_.catalog;
    auto& eds = model_.content.editions;
    eds.push_back(MakeEdition("city", "2019", {{"n", Num(100)}}, cat));
    eds.push_back(MakeEdition("city", "2020", {{"n", kWithheld}}, cat));
    eds.push_back(MakeEdition("city", "2022", {{"n", Num(150)}}, cat));
    eds.push_back(MakeEdition("city", "2022-h1", {{"n", Num(70)}}, cat));
    eds.push_back(MakeEdition("city", "2023-h1", {{"n", Num(0)}}, cat));
    eds.push_back(MakeEdition("county", "2021", {}, cat));
    model_.BuildIndexes();
  }
  const Edition& Ed(size_t i) const { return model_.content.editions[i]; }
  SiteModel model_;
};

TEST_F(SiteModelTest, SeriesOfIsOneBureauAndOneKindByYear) {
  std::vector<const Edition*> annual = model_.SeriesOf("city", PeriodKind::kAnnual);
  ASSERT_EQ(annual.size(), 3u);
  EXPECT_EQ(annual[0]->name, "2019");
  EXPECT_EQ(annual[2]->name, "2022");
  EXPECT_EQ(model_.SeriesOf("city", PeriodKind::kH1).size(), 2u);
  EXPECT_TRUE(model_.SeriesOf("city", PeriodKind::kQ1).empty());
  EXPECT_TRUE(model_.SeriesOf("nobody", PeriodKind::kAnnual).empty());
}

TEST_F(SiteModelTest, PreviousIsTheSameKindSkippingMissingYears) {
  EXPECT_EQ(model_.Previous(Ed(0)), nullptr);
  EXPECT_EQ(model_.Previous(Ed(1)), &Ed(0));
  EXPECT_EQ(model_.Previous(Ed(2)), &Ed(1));   // 2021 does not exist
  EXPECT_EQ(model_.Previous(Ed(3)), nullptr);  // the first h1, not the 2022 annual
  EXPECT_EQ(model_.Previous(Ed(4)), &Ed(3));
  EXPECT_EQ(model_.Previous(Ed(5)), nullptr);  // another bureau's editions do not count
}

TEST_F(SiteModelTest, LatestIsTheLatestPeriodEnd) {
  EXPECT_EQ(model_.Latest("city")->name, "2023-h1");
  EXPECT_EQ(model_.Latest("county")->name, "2021");
  EXPECT_EQ(model_.Latest("nobody"), nullptr);
}

TEST_F(SiteModelTest, LatestPrefersTheAnnualEditionOfTheSameYear) {
  model_.content.editions.erase(model_.content.editions.begin() + 4);
  model_.BuildIndexes();
  EXPECT_EQ(model_.Latest("city")->name, "2022");
}

TEST_F(SiteModelTest, KindsOfInOrder) {
  std::vector<PeriodKind> kinds = model_.KindsOf("city");
  ASSERT_EQ(kinds.size(), 2u);
  EXPECT_EQ(kinds[0], PeriodKind::kAnnual);
  EXPECT_EQ(kinds[1], PeriodKind::kH1);
}

TEST_F(SiteModelTest, ChangeOfUsesThePreviousEditionOfTheSameKind) {
  const Indicator& n = model_.catalog.indicators[0];
  EXPECT_EQ(model_.ChangeOf(Ed(0), n).status, Change::Status::kNoPrevious);
  EXPECT_EQ(model_.ChangeOf(Ed(1), n).status, Change::Status::kCurrentMissing);
  EXPECT_EQ(model_.ChangeOf(Ed(2), n).status, Change::Status::kPreviousMissing);
  Change h1 = model_.ChangeOf(Ed(4), n);
  EXPECT_EQ(h1.status, Change::Status::kOk);
  EXPECT_DOUBLE_EQ(h1.percent, -100);
  EXPECT_EQ(h1.previous, &Ed(3));
  // An indicator the edition does not list is "not reported".
  EXPECT_EQ(model_.ChangeOf(Ed(5), n).status, Change::Status::kNoPrevious);
}

}  // namespace
}  // namespace nianbao
