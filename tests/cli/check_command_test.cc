// `nianbao check`: what build checks, nothing written; text and JSON reports.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

namespace fs = std::filesystem;

TEST(CheckCommand, AGoodSitePassesAndNothingIsWritten) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  RunResult r = RunCommand(Binary() + " check --site " + site);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output,
            "translations:\n  zh: complete\n  en: complete\n"
            "nianbao: check: 0 error(s), 0 warning(s); nothing written\n");
  EXPECT_FALSE(fs::exists(site + "/public"));
  for (const auto& e : fs::directory_iterator(site)) {
    EXPECT_EQ(e.path().filename().string(), "content");
  }
}

TEST(CheckCommand, FindsErrorsInNarrativeBodiesLikeABuild) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  // A body is read only when its page renders: check must render to see this.
  WriteFile(site + "/content/reports/alpha/2021/report.en.md",
            "---\ntitle: A\n---\nEntities: {{< value entitys >}}.\n");
  RunResult check = RunCommand(Binary() + " check --site " + site);
  RunResult build = RunCommand(Binary() + " build --site " + site);
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(build.exit_code, 1);
  const std::string error =
      "content/reports/alpha/2021/report.en.md:4:11: error: unknown indicator 'entitys' in "
      "shortcode (did you mean 'entities'?)\n";
  EXPECT_EQ(check.output.substr(0, error.size()), error) << check.output;
  EXPECT_EQ(build.output.substr(0, error.size()), error) << build.output;
  EXPECT_FALSE(fs::exists(site + "/public"));
}

TEST(CheckCommand, ListsFallbacksAndStrictFailsOnWarnings) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  fs::remove(site + "/content/reports/beta/2021/report.en.md");
  fs::remove(site + "/content/pages/about.zh.md");
  RunResult r = RunCommand(Binary() + " check --site " + site);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output,
            "content/pages/about.zh.md: warning: missing translation: the 'zh' page shows the "
            "'en' text (content/pages/about.en.md)\n"
            "content/reports/beta/2021/report.en.md: warning: missing translation: the 'en' page "
            "shows the 'zh' text (content/reports/beta/2021/report.zh.md)\n"
            "translations:\n"
            "  zh: 0 report(s) and 1 page(s) shown in another language, 0 interface string(s) "
            "missing\n"
            "    content/pages/about.zh.md (shows en)\n"
            "  en: 1 report(s) and 0 page(s) shown in another language, 0 interface string(s) "
            "missing\n"
            "    content/reports/beta/2021/report.en.md (shows zh)\n"
            "nianbao: check: 0 error(s), 2 warning(s); nothing written\n");
  RunResult strict = RunCommand(Binary() + " check --strict --site " + site);
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.output.find("2 warning(s) (--strict makes warnings errors); nothing written"),
            std::string::npos)
      << strict.output;
}

TEST(CheckCommand, JsonIsOneDocumentWithEveryDiagnostic) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("checks/pass"), site);
  CopyTree(FixtureSite("checks/range/content"), site + "/content");
  WriteFile(site + "/content/bureaus/beta.yaml", "name: 乙\nlevel: county\n");
  RunResult r = RunCommand(Binary() + " check --format json --site " + site + " 2>/dev/null");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, R"json({
  "format": 1,
  "ok": true,
  "errors": 0,
  "warnings": 3,
  "diagnostics": [
    {
      "file": "content/bureaus/beta.yaml",
      "line": 0,
      "column": 0,
      "severity": "warning",
      "message": "bureau 'beta' has no editions yet",
      "source_line": ""
    },
    {
      "file": "content/reports/alpha/2022-h1/data.yaml",
      "line": 5,
      "column": 14,
      "severity": "warning",
      "message": "the value of pass_rate, 9.1, is outside its range in indicators.yaml (from 90 to 100)",
      "source_line": "  pass_rate: 9.1"
    },
    {
      "file": "content/reports/alpha/2022-h1/data.yaml",
      "line": 6,
      "column": 15,
      "severity": "warning",
      "message": "the value of complaints, -1, is outside its range in indicators.yaml (at least 0)",
      "source_line": "  complaints: -1"
    }
  ],
  "translations": [
    {
      "language": "zh",
      "reports": [],
      "pages": [],
      "missing_strings": []
    },
    {
      "language": "en",
      "reports": [],
      "pages": [],
      "missing_strings": []
    }
  ]
}
)json");
  RunResult strict =
      RunCommand(Binary() + " check --strict --format json --site " + site + " 2>/dev/null");
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.output.find("\"ok\": false,"), std::string::npos);
}

TEST(CheckCommand, JsonForASiteThatDoesNotLoad) {
  TempDir tmp;
  RunResult r = RunCommand(Binary() + " check --format json --site " + tmp.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output, R"json({
  "format": 1,
  "ok": false,
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "file": "content/site.yaml",
      "line": 0,
      "column": 0,
      "severity": "error",
      "message": "no site.yaml: is this a nianbao site folder? (use --site DIR)",
      "source_line": ""
    }
  ],
  "translations": []
}
)json");
}

TEST(CheckCommand, BadFormatIsAUsageError) {
  EXPECT_EQ(RunCommand(Binary() + " check --format xml").exit_code, 2);
}

}  // namespace
}  // namespace nianbao::testing
