// A site's templates/ and content/i18n/ override the built-in theme file by file.
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

TEST(ThemeOverride, SiteTemplateReplacesTheThemesFileOfTheSameName) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  WriteFile(site + "/templates/page.mustache",
            "<article class=\"custom\"><h1>{{heading}}</h1>{{{narrative_html}}}</article>\n");
  RunResult r = RunCommand(Binary() + " build --site " + site);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string page = ReadFile(site + "/public/en/pages/about/index.html");
  EXPECT_NE(page.find("<article class=\"custom\"><h1>About</h1>"), std::string::npos);
  // Other templates still come from the default theme.
  EXPECT_NE(ReadFile(site + "/public/en/index.html").find("<main id=\"main\""), std::string::npos);
}

TEST(ThemeOverride, UnknownInterfaceStringIsAnError) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  WriteFile(site + "/content/i18n/zh.yaml", "home: 首页\nwithheldd: 未公开\n");
  RunResult r = RunCommand(Binary() + " build --site " + site);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.output.substr(0, r.output.find('\n') + 1),
            "content/i18n/zh.yaml:2:1: error: unknown interface string 'withheldd' (did you mean "
            "'withheld'?)\n");
}

TEST(ThemeOverride, UnknownThemeIsAnError) {
  TempDir tmp;
  const std::string site = tmp.path() + "/site";
  CopyTree(FixtureSite("good"), site);
  std::string config = ReadFile(site + "/content/site.yaml");
  WriteFile(site + "/content/site.yaml", config + "theme: civic\n");
  RunResult r = RunCommand(Binary() + " build --site " + site);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(
      r.output.find(
          "content/site.yaml: error: theme 'civic' not found: there is no folder themes/civic"),
      std::string::npos);
}

}  // namespace
}  // namespace nianbao::testing
