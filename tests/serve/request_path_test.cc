#include "serve/request_path.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

SiteFiles Site() {
  OutputFiles files{{"index.html", "root"},
                    {"en/index.html", "en home"},
                    {"en/reports/city/2021/index.html", "report"},
                    {"en/reports/city/2021/chart-1.csv", "a,b"},
                    {"assets/style.css", "css"},
                    {"zh/pages/关于/index.html", "about"}};
  return ToSiteFiles(files);
}

Lookup::Kind KindOf(std::string_view target) { return LookUp(Site(), target).kind; }

TEST(DecodeRequestPathTest, DecodesEachSegmentOnce) {
  EXPECT_EQ(DecodeRequestPath("/"), "");
  EXPECT_EQ(DecodeRequestPath("/en/index.html"), "en/index.html");
  EXPECT_EQ(DecodeRequestPath("/en/?x=1"), "en/");
  EXPECT_EQ(DecodeRequestPath("/a%20b"), "a b");
  EXPECT_EQ(DecodeRequestPath("/zh/pages/%E5%85%B3%E4%BA%8E/"), "zh/pages/关于/");
  // Double encoding decodes once: "%2e" stays a literal name, not a traversal.
  EXPECT_EQ(DecodeRequestPath("/%252e%252e/x"), "%2e%2e/x");
}

TEST(DecodeRequestPathTest, RefusesTraversalAndBadEncoding) {
  for (const char* bad : {"/../etc/passwd",
                          "/en/../../etc/passwd",
                          "/.",
                          "/en/./index.html",
                          "/%2e%2e/etc/passwd",
                          "/%2E%2E/etc/passwd",
                          "/.%2e/x",
                          "/en/%2e",
                          "/..%2fetc%2fpasswd",
                          "/en%2f..%2f..%2fx",
                          "/..%5c..%5cx",
                          "/a\\b",
                          "/a%00b",
                          "/a%0ab",
                          "/%ff",
                          "/%",
                          "/%4",
                          "/%zz",
                          "",
                          "en/index.html",
                          "http://example.com/",
                          "*"}) {
    EXPECT_EQ(DecodeRequestPath(bad), std::nullopt) << bad;
  }
}

TEST(LookUpTest, FilesAndFolderIndexes) {
  EXPECT_EQ(LookUp(Site(), "/").path, "index.html");
  EXPECT_EQ(LookUp(Site(), "/en/").path, "en/index.html");
  EXPECT_EQ(LookUp(Site(), "/en/index.html").path, "en/index.html");
  EXPECT_EQ(LookUp(Site(), "/en/reports/city/2021/").path, "en/reports/city/2021/index.html");
  EXPECT_EQ(LookUp(Site(), "/en/reports/city/2021/chart-1.csv?v=2").path,
            "en/reports/city/2021/chart-1.csv");
  EXPECT_EQ(LookUp(Site(), "/zh/pages/%E5%85%B3%E4%BA%8E/").path, "zh/pages/关于/index.html");
  EXPECT_EQ(KindOf("/en/index.html"), Lookup::Kind::kFile);
}

TEST(LookUpTest, FolderWithoutSlashRedirects) {
  Lookup l = LookUp(Site(), "/en/reports/city/2021");
  EXPECT_EQ(l.kind, Lookup::Kind::kRedirect);
  EXPECT_EQ(l.path, "/en/reports/city/2021/");
  EXPECT_EQ(LookUp(Site(), "/en?lang=1").path, "/en/?lang=1");
  EXPECT_EQ(LookUp(Site(), "/zh/pages/%E5%85%B3%E4%BA%8E").path, "/zh/pages/%E5%85%B3%E4%BA%8E/");
}

TEST(LookUpTest, NotFound) {
  EXPECT_EQ(KindOf("/nothing"), Lookup::Kind::kNotFound);
  EXPECT_EQ(KindOf("/en/reports/"), Lookup::Kind::kNotFound);  // a folder without index.html
  EXPECT_EQ(KindOf("/en/index.html/"), Lookup::Kind::kNotFound);
  EXPECT_EQ(KindOf("//en/index.html"), Lookup::Kind::kNotFound);
  EXPECT_EQ(KindOf("/en//index.html"), Lookup::Kind::kNotFound);
  EXPECT_EQ(KindOf("/EN/index.html"), Lookup::Kind::kNotFound);
  EXPECT_EQ(KindOf("/%252e%252e/index.html"), Lookup::Kind::kNotFound);
}

TEST(LookUpTest, TraversalIsABadRequest) {
  EXPECT_EQ(KindOf("/../index.html"), Lookup::Kind::kBadRequest);
  EXPECT_EQ(KindOf("/en/%2e%2e/index.html"), Lookup::Kind::kBadRequest);
  EXPECT_EQ(KindOf("/en/..%2findex.html"), Lookup::Kind::kBadRequest);
}

TEST(MimeTypeOfTest, TextTypesSayUtf8) {
  EXPECT_EQ(MimeTypeOf("en/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("assets/style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("assets/chart.umd.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("data/indicators.json"), "application/json; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("data/indicators.csv"), "text/csv; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("sitemap.xml"), "application/xml; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("assets/logo.svg"), "image/svg+xml; charset=utf-8");
  EXPECT_EQ(MimeTypeOf("assets/LOGO.PNG"), "image/png");
  EXPECT_EQ(MimeTypeOf("assets/font.woff2"), "font/woff2");
  EXPECT_EQ(MimeTypeOf("assets/x.bin"), "application/octet-stream");
  EXPECT_EQ(MimeTypeOf("a.dir/README"), "application/octet-stream");
}

TEST(EncodePathTest, KeepsSafeCharacters) {
  EXPECT_EQ(EncodePath("en/reports/city-1/2021_h1.x~"), "en/reports/city-1/2021_h1.x~");
  EXPECT_EQ(EncodePath("a b/关"), "a%20b/%E5%85%B3");
  EXPECT_EQ(EncodePath("a?b#c%"), "a%3Fb%23c%25");
}

}  // namespace
}  // namespace nianbao
