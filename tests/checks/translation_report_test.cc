// What each language lacks: narratives shown in another language, interface strings.
#include "checks/translation_report.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/build.h"

namespace nianbao {
namespace {

class TranslationReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_.Set("content/site.yaml", "title: T\nlanguages: [zh, en, fr]\n");
    site_.Set("content/indicators.yaml",
              "categories:\n  - id: c\n    name: {zh: 类, en: C, fr: C}\n"
              "indicators:\n  - id: n\n    category: c\n    name: {zh: 数, en: N, fr: N}\n"
              "    unit: {zh: 户, en: u, fr: u}\n    kind: count\n");
    site_.Set("content/bureaus/x.yaml", "name: {zh: 甲, en: X, fr: X}\nlevel: city\n");
    site_.Set("content/reports/x/2021/data.yaml", "values:\n  n: 1\n");  // no narrative
    site_.Set("content/reports/x/2022/report.zh.md", "---\ntitle: 甲\n---\n正文\n");
    site_.Set("content/reports/x/2022/report.fr.md", "---\ntitle: X\n---\nTexte\n");
    site_.Set("content/pages/about.en.md", "---\ntitle: About\n---\nText\n");
    site_.Set("content/i18n/fr.yaml", "home: Accueil\nwithheld: non publié\n");
  }

  std::vector<LanguageGaps> Report() {
    Diagnostics diags;
    std::optional<SiteModel> model = LoadSite(site_, diags);
    EXPECT_TRUE(model) << diags.FormatAll();
    return model ? TranslationReport(*model, site_) : std::vector<LanguageGaps>{};
  }

  MemoryFileSystem site_;
};

TEST_F(TranslationReportTest, NarrativesShownInAnotherLanguage) {
  std::vector<LanguageGaps> r = Report();
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].lang, "zh");
  EXPECT_TRUE(r[0].reports.empty());
  ASSERT_EQ(r[0].pages.size(), 1u);
  EXPECT_EQ(r[0].pages[0].missing, "content/pages/about.zh.md");
  EXPECT_EQ(r[0].pages[0].shown_lang, "en");
  EXPECT_TRUE(r[0].missing_strings.empty());
  ASSERT_EQ(r[1].reports.size(), 1u);  // the data-only 2021 edition is not a fallback
  EXPECT_EQ(r[1].reports[0].missing, "content/reports/x/2022/report.en.md");
  EXPECT_EQ(r[1].reports[0].shown_lang, "zh");  // the default language, not fr
  EXPECT_TRUE(r[1].pages.empty());
  EXPECT_TRUE(r[1].missing_strings.empty());
}

TEST_F(TranslationReportTest, InterfaceStringsALanguageLacks) {
  std::vector<LanguageGaps> r = Report();
  ASSERT_EQ(r.size(), 3u);
  const std::vector<std::string>& fr = r[2].missing_strings;
  // The default theme has no French strings: all but the two of content/i18n/fr.yaml.
  EXPECT_GT(fr.size(), 50u);
  EXPECT_TRUE(std::is_sorted(fr.begin(), fr.end()));
  EXPECT_EQ(std::count(fr.begin(), fr.end(), "home"), 0);
  EXPECT_EQ(std::count(fr.begin(), fr.end(), "withheld"), 0);
  EXPECT_EQ(std::count(fr.begin(), fr.end(), "choose_language"), 1);
  EXPECT_EQ(std::count(fr.begin(), fr.end(), "language_name"), 1);
}

TEST_F(TranslationReportTest, ASiteThemeFileReplacesTheDefaultOne) {
  site_ = MemoryFileSystem();
  site_.Set("content/site.yaml", "title: T\nlanguages: [zh, en]\n");
  site_.Set("content/indicators.yaml", "categories: []\nindicators: []\n");
  site_.Set("themes/default/i18n/zh.yaml", "home: 首页\n");
  site_.Set("content/i18n/zh.yaml", "withheld: 不公开\n");
  site_.Set("content/pages/about.zh.md", "---\ntitle: 关于\n---\n正文\n");
  site_.Set("content/pages/about.en.md", "---\ntitle: About\n---\nText\n");
  std::vector<LanguageGaps> r = Report();
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(std::count(r[0].missing_strings.begin(), r[0].missing_strings.end(), "home"), 0);
  EXPECT_EQ(std::count(r[0].missing_strings.begin(), r[0].missing_strings.end(), "withheld"), 0);
  EXPECT_EQ(std::count(r[0].missing_strings.begin(), r[0].missing_strings.end(), "main_nav"), 1);
  EXPECT_TRUE(r[1].complete());
}

TEST(FormatTranslationReport, OneBlockPerLanguage) {
  std::vector<LanguageGaps> r(2);
  r[0].lang = "zh";
  r[1].lang = "en";
  r[1].reports = {{"content/reports/x/2022/report.en.md", "zh"}};
  r[1].pages = {{"content/pages/about.en.md", "zh"}};
  r[1].missing_strings = {"home", "withheld"};
  EXPECT_EQ(FormatTranslationReport(r),
            "translations:\n"
            "  zh: complete\n"
            "  en: 1 report(s) and 1 page(s) shown in another language, 2 interface string(s) "
            "missing\n"
            "    content/reports/x/2022/report.en.md (shows zh)\n"
            "    content/pages/about.en.md (shows zh)\n"
            "    interface strings not translated (add them to content/i18n/en.yaml): home, "
            "withheld\n");
}

}  // namespace
}  // namespace nianbao
