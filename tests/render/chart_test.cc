// Chart data: series building across bureaus, gaps, the template data and the CSV, and the
// grouping of a bureau's trend charts.
#include "render/chart.h"

#include <gtest/gtest.h>

#include "render/bureau_trends.h"
#include "render/indicator_page.h"

namespace nianbao {
namespace {

Value Num(double n) { return {ValueStatus::kNumber, n}; }
const Value kWithheld{ValueStatus::kWithheld, 0};
const Value kNull{ValueStatus::kNull, 0};

Translated Tr(const std::string& zh, const std::string& en) { return {{{"zh", zh}, {"en", en}}}; }

Indicator MakeIndicator(const std::string& id, IndicatorKind kind, int decimals,
                        const std::string& unit_zh, const std::string& unit_en) {
  Indicator ind;
  ind.id = id;
  ind.category = "c";
  ind.name = Tr(id + "名", id + " name");
  ind.unit = Tr(unit_zh, unit_en);
  ind.kind = kind;
  ind.decimals = decimals;
  return ind;
}

Edition MakeEdition(const std::string& bureau, const std::string& name,
                    std::map<std::string, Value> values, const Catalog& catalog) {
  Edition e;
  e.bureau = bureau;
  e.name = name;
  e.period = *ParseEditionName(name);
  e.values.resize(catalog.indicators.size());
  for (auto& [id, v] : values) {
    e.values[catalog.FindIndicator(id)->index] = v;
    e.values[catalog.FindIndicator(id)->index].listed = true;
  }
  return e;
}

class ChartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    model_.config.languages = {"zh", "en"};
    model_.config.title = Tr("站", "Site");
    model_.catalog.categories.push_back({"c", Tr("类", "Cat")});
    model_.catalog.indicators.push_back(
        MakeIndicator("n", IndicatorKind::kCount, 0, "户", "entities"));
    model_.catalog.indicators.push_back(MakeIndicator("r", IndicatorKind::kRate, 1, "%", "%"));
    for (const char* id : {"a", "b", "c"}) {
      Bureau b;
      b.id = id;
      b.name = Tr(std::string(id) + "局全称", std::string("Bureau ") + id);
      b.short_name = Tr(std::string(id) + "局", std::string("B-") + id);
      model_.catalog.bureaus.push_back(b);
    }
    model_.catalog.BuildIndexes();
    const Catalog& cat = model_.catalog;
    auto& eds = model_.content.editions;
    eds.push_back(MakeEdition("a", "2019", {{"n", kNull}}, cat));
    eds.push_back(MakeEdition("a", "2020", {{"n", Num(100)}, {"r", Num(97.5)}}, cat));
    eds.push_back(MakeEdition("a", "2021", {{"n", Num(120)}, {"r", Num(98)}}, cat));
    eds.push_back(MakeEdition("a", "2022", {{"n", kWithheld}}, cat));
    eds.push_back(MakeEdition("a", "2021-h1", {{"n", Num(50)}}, cat));
    eds.push_back(MakeEdition("b", "2021", {{"n", Num(40)}}, cat));
    eds.push_back(MakeEdition("b", "2023", {{"n", kNull}}, cat));
    eds.push_back(MakeEdition("c", "2021", {{"r", Num(90)}}, cat));  // never lists "n"
    model_.BuildIndexes();
    Diagnostics diags;
    theme_ = *LoadTheme(MemoryFileSystem{}, model_.config, diags);
    in_ = std::make_unique<RenderInputs>(model_, theme_, "");
  }
  PageContext Ctx(const std::string& lang) const {
    return PageContext(*in_, lang, lang + "/indicators/n/index.html");
  }
  const Indicator& N() const { return model_.catalog.indicators[0]; }
  const Indicator& R() const { return model_.catalog.indicators[1]; }

  SiteModel model_;
  Theme theme_;
  std::unique_ptr<RenderInputs> in_;
};

TEST_F(ChartTest, IndicatorChartHasASeriesPerBureauThatListsTheIndicator) {
  ChartData chart = IndicatorChart(Ctx("zh"), N(), PeriodKind::kAnnual);
  ASSERT_EQ(chart.series.size(), 2u);  // bureau c never lists it
  EXPECT_EQ(chart.series[0].name, "a局");
  EXPECT_EQ(chart.series[1].name, "b局");
  // 2019 (only null) and 2023 (only null) are trimmed; 2022 has a withheld figure and stays.
  ASSERT_EQ(chart.periods.size(), 3u);
  EXPECT_EQ(chart.periods.front().year, 2020);
  EXPECT_EQ(chart.periods.back().year, 2022);
  EXPECT_EQ(chart.series[0].values[2]->status, ValueStatus::kWithheld);
  // Bureau b has no edition in 2020 and 2022: nullptr, not a value.
  EXPECT_EQ(chart.series[1].values[0], nullptr);
  EXPECT_EQ(chart.series[1].values[1]->number, 40);
  EXPECT_EQ(chart.series[1].values[2], nullptr);
}

TEST_F(ChartTest, IndicatorChartNeverMixesPeriodKinds) {
  ChartData h1 = IndicatorChart(Ctx("en"), N(), PeriodKind::kH1);
  ASSERT_EQ(h1.series.size(), 1u);
  ASSERT_EQ(h1.periods.size(), 1u);
  EXPECT_EQ(h1.periods[0].kind, PeriodKind::kH1);
  EXPECT_TRUE(IndicatorChart(Ctx("en"), N(), PeriodKind::kQ1).series.empty());
}

TEST_F(ChartTest, GapsAreNullInTheChartAndWordsInTheTable) {
  PageContext ctx = Ctx("zh");
  ChartData chart = IndicatorChart(ctx, N(), PeriodKind::kAnnual);
  chart.id = "chart-annual";
  chart.title = "标题";
  TemplateData d = ChartTemplateData(ctx, chart);
  EXPECT_EQ(*d.Find("json")->AsString(),
            "{\"type\":\"line\",\"unit\":\"户\",\"labels\":[\"2020年\",\"2021年\",\"2022年\"],"
            "\"datasets\":[{\"label\":\"a局\",\"data\":[100.0,120.0,null]},"
            "{\"label\":\"b局\",\"data\":[null,40.0,null]}]}");
  // Every series is named, even one with a single figure (no sentence for it).
  EXPECT_EQ(*d.Find("summary")->AsString(), "a局：2020–2021年由100户增至120户，增长20.0%。");
  std::vector<std::string> cells;
  for (const TemplateData& row : *d.Find("rows")->AsList()) {
    for (const TemplateData& cell : *row.Find("cells")->AsList()) {
      cells.push_back(*cell.Find("text")->AsString());
    }
  }
  EXPECT_EQ(cells,
            (std::vector<std::string>{"100", "无该期报告", "120", "40", "未公开", "无该期报告"}));
}

TEST_F(ChartTest, SummaryInEnglish) {
  PageContext ctx = Ctx("en");
  ChartData chart = IndicatorChart(ctx, R(), PeriodKind::kAnnual);
  TemplateData d = ChartTemplateData(ctx, chart);
  EXPECT_EQ(*d.Find("summary")->AsString(), "B-a: From 97.5% in 2020 to 98.0% in 2021, up 0.5 pp.");
}

TEST_F(ChartTest, CsvHasABomWithheldAsAWordAndGapsEmpty) {
  PageContext ctx = Ctx("en");
  ChartData chart = IndicatorChart(ctx, N(), PeriodKind::kAnnual);
  EXPECT_EQ(ChartCsv(ctx, chart),
            "\xEF\xBB\xBFPeriod,B-a (entities),B-b (entities)\r\n"
            "2020,100,\r\n"
            "2021,120,40\r\n"
            "2022,withheld,\r\n");
}

TEST_F(ChartTest, BureauChartIsOneBureauOverItsEditionsOfOneKind) {
  PageContext ctx = Ctx("zh");
  ChartData chart = BureauChart(ctx, "a", PeriodKind::kAnnual, {"n", "r"});
  ASSERT_EQ(chart.periods.size(), 4u);  // 2019–2022: a bureau's own editions are not trimmed
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[1].values[0]->status, ValueStatus::kNull);  // not listed: null
  EXPECT_EQ(ChartCsv(ctx, chart),
            "\xEF\xBB\xBF期间,n名 (户),r名 (%)\r\n"
            "2019年,,\r\n"
            "2020年,100,97.5\r\n"
            "2021年,120,98.0\r\n"
            "2022年,withheld,\r\n");
}

TEST_F(ChartTest, CellChangeIsPercentForCountsAndPointsForRates) {
  Edition prev = MakeEdition("a", "2020", {}, model_.catalog);
  PageContext zh = Ctx("zh");
  PageContext en = Ctx("en");
  Change count = ComputeChange(Num(100), Num(120), &prev, IndicatorKind::kCount);
  EXPECT_EQ(CellChangeText(zh, count, N()), "+20.0%");
  EXPECT_EQ(CellChangeText(en, count, N()), "+20.0%");
  Change down = ComputeChange(Num(120), Num(100), &prev, IndicatorKind::kCount);
  EXPECT_EQ(CellChangeText(en, down, N()), "−16.7%");
  Change rate = ComputeChange(Num(98.5), Num(98.0), &prev, IndicatorKind::kRate);
  EXPECT_EQ(CellChangeText(zh, rate, R()), "−0.5个百分点");
  EXPECT_EQ(CellChangeText(en, rate, R()), "−0.5 pp");
  Change zero = ComputeChange(Num(0), Num(12), &prev, IndicatorKind::kCount);
  EXPECT_EQ(CellChangeText(en, zero, N()), "+12");  // no percent of zero
  EXPECT_EQ(CellChangeText(en, ComputeChange(kWithheld, Num(1), &prev, IndicatorKind::kCount), N()),
            "");
  EXPECT_EQ(CellChangeText(en, ComputeChange(Num(1), kNull, &prev, IndicatorKind::kCount), N()),
            "");
  EXPECT_EQ(CellChangeText(en, ComputeChange(kNull, Num(1), nullptr, IndicatorKind::kCount), N()),
            "");
}

// GroupForCharts: which indicators share a chart on a bureau page.

std::vector<std::vector<std::string>> Ids(const std::vector<std::vector<const Indicator*>>& g) {
  std::vector<std::vector<std::string>> out;
  for (const auto& group : g) {
    out.emplace_back();
    for (const Indicator* ind : group) out.back().push_back(ind->id);
  }
  return out;
}

TEST(GroupForChartsTest, SameKindSameUnitSimilarSizeShareAChart) {
  Indicator total = MakeIndicator("total", IndicatorKind::kCount, 0, "户", "entities");
  Indicator firms = MakeIndicator("firms", IndicatorKind::kCount, 0, "户", "enterprises");
  Indicator fresh = MakeIndicator("new", IndicatorKind::kCount, 0, "户", "entities");
  Indicator capital = MakeIndicator("capital", IndicatorKind::kAmount, 2, "亿元", "CNY 100m");
  Indicator rate1 = MakeIndicator("rate1", IndicatorKind::kRate, 1, "%", "%");
  Indicator rate2 = MakeIndicator("rate2", IndicatorKind::kRate, 1, "%", "%");
  // total 300,000 and firms 90,000 are within 5×; new (40,000) is 7.5× below total.
  EXPECT_EQ(Ids(GroupForCharts({&total, &capital, &firms, &rate1, &fresh, &rate2},
                               {300000, 400, 90000, 97, 40000, 20}, "zh")),
            (std::vector<std::vector<std::string>>{
                {"total", "firms"}, {"capital"}, {"rate1", "rate2"}, {"new"}}));
}

TEST(GroupForChartsTest, AtMostFourSeriesAndZeroNeverGroups) {
  std::vector<Indicator> inds;
  for (int i = 0; i < 6; ++i) {
    inds.push_back(MakeIndicator("i" + std::to_string(i), IndicatorKind::kCount, 0, "件", "cases"));
  }
  std::vector<const Indicator*> ptrs;
  for (const Indicator& ind : inds) ptrs.push_back(&ind);
  EXPECT_EQ(Ids(GroupForCharts(ptrs, {10, 11, 12, 13, 14, 0}, "zh")),
            (std::vector<std::vector<std::string>>{{"i0", "i1", "i2", "i3"}, {"i4"}, {"i5"}}));
}

}  // namespace
}  // namespace nianbao
