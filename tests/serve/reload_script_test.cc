#include "serve/reload_script.h"

#include <gtest/gtest.h>

#include "core/file_system.h"
#include "pipeline/build.h"

namespace nianbao {
namespace {

TEST(ReloadScriptTest, ListensToTheEventStreamAndShowsAnAccessibleOverlay) {
  std::string script = ReloadScript();
  EXPECT_EQ(script.rfind("<script>", 0), 0u);
  EXPECT_NE(script.find("</script>"), std::string::npos);
  EXPECT_NE(script.find("new EventSource(\"/__nianbao/events\")"), std::string::npos);
  EXPECT_NE(script.find(std::string(kVersionToken)), std::string::npos);
  EXPECT_NE(script.find("\"reload\""), std::string::npos);
  EXPECT_NE(script.find("\"build-error\""), std::string::npos);
  EXPECT_NE(script.find("setAttribute(\"role\", \"alert\")"), std::string::npos);
  EXPECT_NE(script.find("monospace"), std::string::npos);
  // Diagnostics go in as text, never as HTML.
  EXPECT_NE(script.find("pre.textContent = d.text"), std::string::npos);
  EXPECT_EQ(script.find("innerHTML"), std::string::npos);
}

TEST(ReloadScriptTest, StampVersionReplacesTheLastToken) {
  std::string page = "<p>__NIANBAO_SITE_VERSION__</p>" + ReloadScript() + "</body>";
  std::string stamped = StampVersion(page, "abc-3");
  EXPECT_NE(stamped.find("var served = \"abc-3\""), std::string::npos);
  EXPECT_EQ(stamped.rfind("<p>__NIANBAO_SITE_VERSION__</p>", 0), 0u);
  EXPECT_EQ(StampVersion("<p>no script</p>", "abc-3"), "<p>no script</p>");
}

TEST(EventsTest, WireFormat) {
  EXPECT_EQ(HelloEvent("v-1"), "event: hello\ndata: {\"version\":\"v-1\"}\n\n");
  EXPECT_EQ(ReloadEvent("v-2", {"data/indicators.csv", "en/index.html", "zh/index.html"}),
            "event: reload\ndata: {\"all\":false,\"paths\":[\"en/index.html\",\"zh/index.html\"],"
            "\"version\":\"v-2\"}\n\n");
  EXPECT_EQ(ReloadEvent("v-3", {}),
            "event: reload\ndata: {\"all\":false,\"paths\":[],\"version\":\"v-3\"}\n\n");
  EXPECT_EQ(ReloadAllEvent("v-4"),
            "event: reload\ndata: {\"all\":true,\"paths\":[],\"version\":\"v-4\"}\n\n");
}

TEST(EventsTest, TheSearchIndexReloadsOnlySearchPages) {
  EXPECT_EQ(ReloadEvent("v", {"assets/search/en-3.js", "assets/search/en.js",
                              "assets/search/zh-t0.js", "en/reports/a/2021/index.html"}),
            "event: reload\ndata: {\"all\":false,\"paths\":[\"en/search/index.html\","
            "\"zh/search/index.html\",\"en/reports/a/2021/index.html\"],\"version\":\"v\"}\n\n");
}

TEST(EventsTest, AnAssetOrALongListReloadsEverything) {
  EXPECT_NE(ReloadEvent("v", {"assets/style.css", "en/index.html"}).find("\"all\":true"),
            std::string::npos);
  std::vector<std::string> many;
  for (int i = 0; i < 301; ++i) many.push_back("en/p" + std::to_string(i) + "/index.html");
  EXPECT_EQ(ReloadEvent("v", many),
            "event: reload\ndata: {\"all\":true,\"paths\":[],\"version\":\"v\"}\n\n");
}

TEST(EventsTest, BuildErrorKeepsNewlinesInsideOneDataLine) {
  std::string e = BuildErrorEvent("1 error", "a.md:1:2: error: x\n  <b>\"y\"</b>\n   ^\n");
  EXPECT_EQ(e,
            "event: build-error\ndata: {\"summary\":\"1 error\",\"text\":\"a.md:1:2: error: "
            "x\\n  <b>\\\"y\\\"</b>\\n   ^\\n\"}\n\n");
}

TEST(EventsTest, InvalidUtf8InADiagnosticIsReplacedNotThrown) {
  std::string e = BuildErrorEvent("s", "bad \xff byte");
  EXPECT_NE(e.find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

TEST(PagesTest, NotFoundEscapesThePath) {
  std::string page = NotFoundPage("<script>alert(1)</script>", "<script>S</script>");
  EXPECT_NE(page.find("/&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("<script>S</script>\n</body>"), std::string::npos);
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
}

TEST(PagesTest, NoSitePageCarriesTheScript) {
  std::string page = NoSitePage("<script>S</script>");
  EXPECT_NE(page.find("The site has errors"), std::string::npos);
  EXPECT_NE(page.find("<script>S</script>\n</body>"), std::string::npos);
}

// `nianbao build` output never carries the serve script.
TEST(ReloadScriptTest, NotInBuildOutput) {
  DiskFileSystem site(NIANBAO_SOURCE_DIR);
  Diagnostics diags;
  std::optional<OutputFiles> files = BuildToMemory(site, BuildOptions{}, diags);
  ASSERT_TRUE(files) << diags.FormatAll();
  for (const OutputFile& f : *files) {
    EXPECT_EQ(f.bytes.find("__nianbao"), std::string::npos) << f.path;
    EXPECT_EQ(f.bytes.find(std::string(kVersionToken)), std::string::npos) << f.path;
  }
}

// In serve mode every page has it, just before </body>.
TEST(ReloadScriptTest, InEveryServedPage) {
  DiskFileSystem site(NIANBAO_SOURCE_DIR);
  Diagnostics diags;
  BuildOptions options;
  options.reload_script = ReloadScript();
  std::optional<OutputFiles> files = BuildToMemory(site, options, diags);
  ASSERT_TRUE(files) << diags.FormatAll();
  int pages = 0;
  for (const OutputFile& f : *files) {
    if (f.path.size() < 5 || f.path.substr(f.path.size() - 5) != ".html") continue;
    ++pages;
    EXPECT_NE(f.bytes.find(ReloadScript() + "\n</body>"), std::string::npos) << f.path;
  }
  EXPECT_GT(pages, 20);
}

}  // namespace
}  // namespace nianbao
