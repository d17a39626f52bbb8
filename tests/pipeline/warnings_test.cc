// Warnings: a missing translation builds (exit 0) with a warning, and fails with --strict.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

TEST(MissingTranslation, WarnsAndShowsTheDefaultLanguageMarked) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  fs::remove(site + "/content/reports/beta/2021/report.en.md");

  RunResult r = RunCommand(Binary() + " build --site " + site);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.substr(0, r.output.find('\n') + 1),
            "content/reports/beta/2021/report.en.md: warning: missing translation: the 'en' page "
            "shows the 'zh' text (content/reports/beta/2021/report.zh.md)\n");
  std::string page = ReadFile(site + "/public/en/reports/beta/2021/index.html");
  EXPECT_NE(page.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(page.find("<p class=\"notice\" role=\"note\">No English translation of this page "
                      "exists yet; the text below is the original in Chinese.</p>"),
            std::string::npos);
  // Lists name it as the report page does: in English, never the Chinese title.
  EXPECT_NE(ReadFile(site + "/public/en/bureaus/beta/index.html")
                .find("<li><a href=\"../../reports/beta/2021/index.html\">2021: Beta County "
                      "Administration for Market Regulation 2021 work report</a>"),
            std::string::npos);
  EXPECT_NE(page.find("<div class=\"narrative\" lang=\"zh\">\n<p>乙县市场主体<span "
                      "class=\"figure\">40,210户</span>。</p>"),
            std::string::npos);
}

TEST(MissingTranslation, StrictMakesTheWarningAnErrorAndKeepsTheOutput) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  fs::remove(site + "/content/reports/beta/2021/report.en.md");
  WriteFile(site + "/public/index.html", "old");
  WriteFile(site + "/public/.nianbao-output", "");  // an earlier build

  RunResult r = RunCommand(Binary() + " build --strict --site " + site);
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("(--strict makes warnings errors)"), std::string::npos);
  EXPECT_EQ(ReadFile(site + "/public/index.html"), "old");
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(RunCommand(Binary() + " build --no-such-flag").exit_code, 2);
  EXPECT_EQ(RunCommand(Binary()).exit_code, 2);
  RunResult help = RunCommand(Binary() + " --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("build"), std::string::npos);
  RunResult version = RunCommand(Binary() + " --version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.output.rfind("nianbao ", 0), 0u);
}

TEST(Cli, NotASiteFolder) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " build --site " + tmp.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.output.substr(0, r.output.find('\n') + 1),
      "content/site.yaml: error: no site.yaml: is this a nianbao site folder? (use --site DIR)\n");
}

// Regression: "比上年{{< change x >}}" in a first edition read "比上年无上期数据可比".
TEST(FirstEditionChange, TheSentenceIsWarnedOf) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  for (const char* lang : {"zh", "en"}) {
    WriteFile(site + "/content/reports/alpha/2020/report." + lang + ".md",
              "---\ntitle: t\n---\n市场主体比上年{{< change entities >}}。\n");
  }
  RunResult r = RunCommand(Binary() + " build --quiet --site " + site);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("content/reports/alpha/2020/report.zh.md:4:8: warning: '{{< change "
                          "entities >}}' in the first annual edition has no earlier figure: the "
                          "sentence says \"无上期数据可比\" there (leave the change out of this "
                          "edition)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("content/reports/alpha/2020/report.en.md:4:8: warning: "),
            std::string::npos);
  EXPECT_EQ(RunCommand(Binary() + " build --quiet --strict --site " + site).exit_code, 1);
}

// Withheld is not missing: the change says the earlier figure is not public.
TEST(WithheldWording, ChineseSaysNotPublic) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " build --quiet --site " + FixtureSite("good") + " --out " +
                           tmp.path() + "/p");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = ReadFile(tmp.path() + "/p/zh/reports/alpha/2021/index.html");
  EXPECT_NE(page.find("上期数据未公开"), std::string::npos);
  EXPECT_EQ(page.find("上期数据缺失"), std::string::npos);
}

}  // namespace
}  // namespace nianbao::testing
