#include "catalog/catalog.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

SiteConfig TwoLanguages() {
  SiteConfig c;
  c.languages = {"zh", "en"};
  return c;
}

const char* kIndicators =
    "categories:\n  - id: b\n    name: {zh: 营商, en: Business}\n"
    "indicators:\n"
    "  - id: entities\n    category: b\n    name: {zh: 主体, en: Entities}\n"
    "    unit: {zh: 户, en: entities}\n    kind: count\n"
    "  - id: rate\n    category: b\n    name: {zh: 率, en: Rate}\n    unit: {zh: \"%\", en: "
    "\"%\"}\n"
    "    kind: rate\n    better: higher\n"
    "  - id: capital\n    category: b\n    name: {zh: 资本, en: Capital}\n"
    "    unit: {zh: 万元, en: CNY 10k}\n    kind: amount\n    decimals: 1\n";

TEST(Catalog, IndicatorsKeepFileOrderAndDefaults) {
  MemoryFileSystem fs(std::map<std::string, std::string>{{"content/indicators.yaml", kIndicators}});
  Diagnostics diags;
  Catalog catalog = LoadCatalog(fs, TwoLanguages(), diags);
  EXPECT_TRUE(diags.empty()) << diags.FormatAll();
  ASSERT_EQ(catalog.IndicatorIds(), (std::vector<std::string>{"entities", "rate", "capital"}));
  EXPECT_EQ(catalog.indicators[0].decimals, 0);
  EXPECT_EQ(catalog.indicators[1].decimals, 1);
  EXPECT_EQ(catalog.indicators[1].better, Better::kHigher);
  EXPECT_EQ(catalog.indicators[2].decimals, 1);
  EXPECT_EQ(catalog.indicators[2].better, Better::kNeutral);
}

TEST(Catalog, BureausSortByLevelOrderThenIdNeverByName) {
  MemoryFileSystem fs(std::map<std::string, std::string>{
      {"content/indicators.yaml", kIndicators},
      {"content/bureaus/zz.yaml", "name: {zh: 长沙, en: Z}\nlevel: city\n"},
      {"content/bureaus/aa.yaml", "name: {zh: 厦门, en: A}\nlevel: county\n"},
      {"content/bureaus/mm.yaml", "name: {zh: 省, en: P}\nlevel: province\n"},
      {"content/bureaus/bb.yaml",
       "name: {zh: 重庆, en: B}\nlevel: city\norder: -1\nparent: mm\n"}});
  Diagnostics diags;
  Catalog catalog = LoadCatalog(fs, TwoLanguages(), diags);
  EXPECT_TRUE(diags.empty()) << diags.FormatAll();
  EXPECT_EQ(catalog.BureauIds(), (std::vector<std::string>{"mm", "bb", "zz", "aa"}));
  EXPECT_EQ(catalog.FindBureau("zz")->short_name.Get("zh", "zh"), "长沙");
}

TEST(Catalog, DuplicateIdsAndBadIds) {
  MemoryFileSystem fs(std::map<std::string, std::string>{
      {"content/indicators.yaml",
       "categories:\n  - id: b\n    name: x\nindicators:\n"
       "  - id: a\n    category: b\n    name: x\n    unit: x\n    kind: count\n"
       "  - id: a\n    category: b\n    name: x\n    unit: x\n    kind: count\n"
       "  - id: A-1\n    category: b\n    name: x\n    unit: x\n    kind: count\n"}});
  Diagnostics diags;
  LoadCatalog(fs, TwoLanguages(), diags);
  std::vector<Diagnostic> d = diags.Sorted();
  ASSERT_EQ(d.size(), 2u) << diags.FormatAll();
  EXPECT_EQ(d[0].message, "indicator id 'a' is defined twice");
  EXPECT_EQ(d[0].pos.line, 10);
  EXPECT_EQ(d[1].pos.line, 15);
}

// Parents form a tree: a bureau naming itself is a cycle of one, a long cycle is reported
// at each of its members, a skipped level is fine, and a wrong parent is dropped.
TEST(Catalog, ParentsMustFormATreeWithHigherLevelsAbove) {
  MemoryFileSystem fs(std::map<std::string, std::string>{
      {"content/indicators.yaml", kIndicators},
      {"content/bureaus/self.yaml", "name: x\nlevel: city\nparent: self\n"},
      {"content/bureaus/p1.yaml", "name: x\nlevel: province\nparent: p3\n"},
      {"content/bureaus/p2.yaml", "name: x\nlevel: province\nparent: p1\n"},
      {"content/bureaus/p3.yaml", "name: x\nlevel: province\nparent: p2\n"},
      {"content/bureaus/top.yaml", "name: x\nlevel: province\n"},
      {"content/bureaus/county.yaml", "name: x\nlevel: county\nparent: top\n"},
      {"content/bureaus/district.yaml", "name: x\nlevel: district\nparent: county\n"}});
  Diagnostics diags;
  Catalog catalog = LoadCatalog(fs, TwoLanguages(), diags);
  std::vector<Diagnostic> d = diags.Sorted();
  ASSERT_EQ(d.size(), 5u) << diags.FormatAll();
  EXPECT_EQ(d[0].pos.path, "content/bureaus/district.yaml");
  EXPECT_EQ(d[0].message,
            "parent bureau 'county' is a county bureau: a district bureau's parent must be of "
            "a higher level (province above city above county and district)");
  EXPECT_EQ(d[1].message, "parent bureaus form a cycle: p1 → p3 → p2 → p1");
  EXPECT_EQ(d[2].message, "parent bureaus form a cycle: p2 → p1 → p3 → p2");
  EXPECT_EQ(d[3].message, "parent bureaus form a cycle: p3 → p2 → p1 → p3");
  EXPECT_EQ(d[4].message, "parent bureaus form a cycle: self → self");
  EXPECT_EQ(d[4].pos.line, 3);
  EXPECT_EQ(d[4].pos.col, 9);
  EXPECT_EQ(catalog.FindBureau("county")->parent, "top");  // a county directly under a province
  EXPECT_EQ(catalog.FindBureau("district")->parent, "");
  EXPECT_EQ(catalog.FindBureau("self")->parent, "");
}

}  // namespace
}  // namespace nianbao
