#include "config/site_config.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

std::optional<SiteConfig> Load(const std::string& yaml, Diagnostics& diags) {
  MemoryFileSystem fs(std::map<std::string, std::string>{{"content/site.yaml", yaml}});
  return LoadSiteConfig(fs, diags);
}

TEST(SiteConfig, ReadsEveryKey) {
  Diagnostics diags;
  auto config = Load(
      "title: {zh: 年报, en: Reports}\nlanguages: [zh, en]\nbase_url: https://x.gov.cn/nb\n"
      "theme: default\ndescription: {zh: 描述, en: About}\nfooter: {zh: 脚注, en: Foot}\n"
      "unsafe_html: true\n",
      diags);
  ASSERT_TRUE(config) << diags.FormatAll();
  EXPECT_EQ(config->default_language(), "zh");
  EXPECT_EQ(config->title.Get("en", "zh"), "Reports");
  EXPECT_EQ(config->base_url, "https://x.gov.cn/nb/");
  EXPECT_TRUE(config->unsafe_html);
  EXPECT_TRUE(diags.empty());
}

TEST(SiteConfig, LanguagesAreCheckedAndOrdered) {
  Diagnostics diags;
  EXPECT_FALSE(Load("title: x\nlanguages: [zh, zh_CN, zh]\n", diags));
  EXPECT_EQ(diags.FormatAll(),
            "content/site.yaml:2:17: error: 'zh_CN' is not a language code (like zh, en or "
            "zh-Hant)\n  languages: [zh, zh_CN, zh]\n                  ^\n"
            "content/site.yaml:2:24: error: language 'zh' is listed twice\n"
            "  languages: [zh, zh_CN, zh]\n                         ^\n");
}

TEST(SiteConfig, UnsafeHtmlIsABooleanNotYes) {
  Diagnostics diags;
  EXPECT_FALSE(Load("title: x\nlanguages: [en]\nunsafe_html: yes\n", diags));
  EXPECT_NE(diags.FormatAll().find("unsafe_html must be true or false"), std::string::npos);
}

TEST(SiteConfig, MissingFileSaysWhatToDo) {
  Diagnostics diags;
  MemoryFileSystem fs;
  EXPECT_FALSE(LoadSiteConfig(fs, diags));
  EXPECT_EQ(diags.FormatAll(),
            "content/site.yaml: error: no site.yaml: is this a nianbao site folder? (use --site "
            "DIR)\n");
}

}  // namespace
}  // namespace nianbao
