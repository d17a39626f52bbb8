// The sitemap against the sitemaps.org XSD (from npm's `sitemap` package, pinned by
// package-lock.json) and the Atom feeds against a RELAX NG schema of RFC 4287, with xmllint.
#include <gtest/gtest.h>

#include "support/site_runner.h"

namespace nianbao::testing {
namespace {

class XmlValidation : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(RunCommand("command -v xmllint").exit_code, 0)
        << "xmllint is missing: scripts/setup.sh installs libxml2-utils";
    site_ = tmp_.path() + "/site";
    out_ = tmp_.path() + "/public";
    CopyTree(FixtureSite("good"), site_);
    WriteFile(site_ + "/content/site.yaml", ReadFile(site_ + "/content/site.yaml") +
                                                "base_url: https://www.example.gov.cn/nianbao/\n");
    RunResult r = RunCommand(Binary() + " build --quiet --site " + site_ + " --out " + out_);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  TempDir tmp_;
  std::string site_, out_;
  const std::string source_ = NIANBAO_SOURCE_DIR;
};

TEST_F(XmlValidation, SitemapMatchesTheSitemapsOrgSchema) {
  const std::string xsd = source_ + "/node_modules/sitemap/schema/sitemap.xsd";
  ASSERT_FALSE(ReadFile(xsd).empty()) << xsd << " is missing: run npm ci";
  WriteFile(tmp_.path() + "/both.xsd",
            "<?xml version=\"1.0\"?>\n<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\n"
            "<xsd:import namespace=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
            "schemaLocation=\"" +
                xsd +
                "\"/>\n"
                "<xsd:import namespace=\"http://www.w3.org/1999/xhtml\" schemaLocation=\"" +
                source_ + "/tests/xml/xhtml-link.xsd\"/>\n</xsd:schema>\n");
  RunResult r = RunCommand("xmllint --noout --nonet --schema " + tmp_.path() + "/both.xsd " + out_ +
                           "/sitemap.xml");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("sitemap.xml validates"), std::string::npos) << r.output;
  // Every page once, with its languages and x-default; the 404 pages are not pages.
  const std::string xml = ReadFile(out_ + "/sitemap.xml");
  EXPECT_NE(xml.find("<loc>https://www.example.gov.cn/nianbao/zh/</loc>"), std::string::npos);
  EXPECT_NE(xml.find("hreflang=\"x-default\" href=\"https://www.example.gov.cn/nianbao/zh/\""),
            std::string::npos);
  EXPECT_EQ(xml.find("404"), std::string::npos);
  // The canonical link names the same URL as <loc>.
  EXPECT_NE(ReadFile(out_ + "/zh/index.html")
                .find("<link rel=\"canonical\" href=\"https://www.example.gov.cn/nianbao/zh/\">"),
            std::string::npos);
  EXPECT_EQ(ReadFile(out_ + "/robots.txt"),
            "User-agent: *\nAllow: /\nSitemap: https://www.example.gov.cn/nianbao/sitemap.xml\n");
}

TEST_F(XmlValidation, FeedsMatchTheAtomSchema) {
  const std::string rng = source_ + "/tests/xml/atom.rng";
  for (const char* lang : {"zh", "en"}) {
    RunResult r = RunCommand("xmllint --noout --nonet --relaxng " + rng + " " + out_ + "/" + lang +
                             "/feed.xml");
    EXPECT_EQ(r.exit_code, 0) << r.output;
  }
  // The schema can fail: a feed without its id does not validate.
  std::string feed = ReadFile(out_ + "/zh/feed.xml");
  size_t id = feed.find("  <id>");
  feed.erase(id, feed.find('\n', id) + 1 - id);
  WriteFile(tmp_.path() + "/broken.xml", feed);
  EXPECT_NE(
      RunCommand("xmllint --noout --nonet --relaxng " + rng + " " + tmp_.path() + "/broken.xml")
          .exit_code,
      0);
}

TEST_F(XmlValidation, FeedIdsDoNotChangeWhenTheSiteIsRebuiltElsewhere) {
  const std::string before = ReadFile(out_ + "/en/feed.xml");
  // Another base URL and another copy of the site: links change, ids do not.
  WriteFile(site_ + "/content/site.yaml", ReadFile(FixtureSite("good") + "/content/site.yaml") +
                                              "base_url: https://other.example/\n");
  RunResult r = RunCommand(Binary() + " build --quiet --site " + site_ + " --out " + out_);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string after = ReadFile(out_ + "/en/feed.xml");
  auto ids = [](const std::string& xml) {
    std::string out;
    for (size_t at = xml.find("<id>"); at != std::string::npos; at = xml.find("<id>", at + 1)) {
      out += xml.substr(at, xml.find("</id>", at) - at) + "\n";
    }
    return out;
  };
  EXPECT_FALSE(ids(before).empty());
  EXPECT_EQ(ids(before), ids(after));
  EXPECT_NE(before, after);
}

}  // namespace
}  // namespace nianbao::testing
