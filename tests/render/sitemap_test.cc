#include "render/sitemap.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(Sitemap, OnlyWithBaseUrl) {
  SiteModel model;
  model.config.languages = {"zh", "en"};
  MemorySink sink;
  WriteSitemap(model, {"zh/index.html"}, sink);
  EXPECT_TRUE(sink.Take().empty());
}

TEST(Sitemap, ListsPagesWithAlternates) {
  SiteModel model;
  model.config.languages = {"zh", "en"};
  model.config.base_url = "https://www.example.gov.cn/nb/";
  MemorySink sink;
  WriteSitemap(model,
               {"assets/style.css", "index.html", "zh/reports/a/2021/chart-1.csv",
                "zh/reports/a/2021/index.html"},
               sink);
  OutputFiles files = sink.Take();
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, "sitemap.xml");
  EXPECT_EQ(files[0].bytes,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
            "  <url>\n    <loc>https://www.example.gov.cn/nb/zh/reports/a/2021/</loc>\n"
            "    <xhtml:link rel=\"alternate\" hreflang=\"zh\" "
            "href=\"https://www.example.gov.cn/nb/zh/reports/a/2021/\"/>\n"
            "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
            "href=\"https://www.example.gov.cn/nb/en/reports/a/2021/\"/>\n"
            "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" "
            "href=\"https://www.example.gov.cn/nb/zh/reports/a/2021/\"/>\n"
            "  </url>\n</urlset>\n");
}

}  // namespace
}  // namespace nianbao
