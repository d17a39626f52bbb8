#include "model/comparisons.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>

namespace nianbao {
namespace {

// Editions with stable addresses, made from their names ("2021", "2022-h1").
class Editions {
 public:
  const Edition* Add(const std::string& name, bool figures = true) {
    Edition e;
    e.bureau = "city";
    e.name = name;
    e.period = *ParseEditionName(name);
    if (figures) e.values = {Value{ValueStatus::kNumber, 1, true}};
    store_.push_back(std::move(e));
    return &store_.back();
  }

 private:
  std::deque<Edition> store_;
};

std::string Describe(const std::vector<EditionPair>& pairs) {
  std::string out;
  for (const EditionPair& p : pairs) {
    if (!out.empty()) out += " ";
    out += p.a->name + "-vs-" + p.b->name + (p.first_vs_latest ? "*" : p.from_first ? "+" : "");
  }
  return out;
}

TEST(PairEditionsTest, NoEditionsNoPairs) { EXPECT_EQ(Describe(PairEditions({})), ""); }

TEST(PairEditionsTest, OneEditionHasNothingToCompare) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2021")})), "");
}

TEST(PairEditionsTest, TwoEditionsMakeOnePairWithoutADuplicateFirstVsLatest) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2020"), e.Add("2021")})), "2020-vs-2021");
}

// First against every later edition, so that a first-vs-latest URL outlives its latest.
TEST(PairEditionsTest, ConsecutivePairsThenFirstVsEachLaterOne) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2019"), e.Add("2020"), e.Add("2021"), e.Add("2022")})),
            "2019-vs-2020 2020-vs-2021 2021-vs-2022 2019-vs-2021+ 2019-vs-2022*");
}

// Regression: an edition with a narrative and no figures was compared, every cell 未报送.
TEST(PairEditionsTest, EditionsWithoutFiguresAreNotCompared) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2019", false), e.Add("2020"), e.Add("2021"),
                                   e.Add("2022", false), e.Add("2023")})),
            "2020-vs-2021 2021-vs-2023 2020-vs-2023*");
}

// Every pair a series ever had is still made once later editions exist.
TEST(PairEditionsTest, AddingAnEditionKeepsEveryPair) {
  Editions e;
  std::vector<const Edition*> before = {e.Add("2019"), e.Add("2020"), e.Add("2021")};
  std::vector<const Edition*> after = before;
  after.push_back(e.Add("2022"));
  std::vector<EditionPair> kept = PairEditions(after);
  for (const EditionPair& p : PairEditions(before)) {
    EXPECT_TRUE(std::any_of(kept.begin(), kept.end(),
                            [&](const EditionPair& q) { return q.a == p.a && q.b == p.b; }))
        << p.a->name << "-vs-" << p.b->name;
  }
}

TEST(PairEditionsTest, InputOrderDoesNotMatter) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2022"), e.Add("2019"), e.Add("2021")})),
            "2019-vs-2021 2021-vs-2022 2019-vs-2022*");
}

TEST(PairEditionsTest, NeverAcrossPeriodKinds) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2021"), e.Add("2021-h1"), e.Add("2022"), e.Add("2022-h1"),
                                   e.Add("2023-h1"), e.Add("2023-q3")})),
            "2021-vs-2022 2021-h1-vs-2022-h1 2022-h1-vs-2023-h1 2021-h1-vs-2023-h1*");
}

TEST(PairEditionsTest, AGapYearPairsTheNeighboursThatExist) {
  Editions e;
  EXPECT_EQ(Describe(PairEditions({e.Add("2018"), e.Add("2021")})), "2018-vs-2021");
}

TEST(PairEditionsTest, EveryPairIsOneBureauOneKindEarlierFirst) {
  Editions e;
  std::vector<const Edition*> all = {e.Add("2023-q1"), e.Add("2021-q1"), e.Add("2022-q1"),
                                     e.Add("2020"),    e.Add("2022"),    e.Add("2021")};
  for (const EditionPair& p : PairEditions(all)) {
    EXPECT_EQ(p.a->period.kind, p.b->period.kind);
    EXPECT_LT(p.a->period.year, p.b->period.year);
  }
  EXPECT_EQ(PairEditions(all).size(), 6u);
}

}  // namespace
}  // namespace nianbao
