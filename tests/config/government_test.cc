// site.yaml's government block (docs/government.md): every key read, every malformed
// value refused at its position.
#include "config/government.h"

#include <gtest/gtest.h>

#include "config/site_config.h"

namespace nianbao {
namespace {

const char kHead[] = "title: {zh: 年报, en: Reports}\nlanguages: [zh, en]\ngovernment:\n";

std::optional<SiteConfig> Load(const std::string& block, Diagnostics& diags,
                               std::map<std::string, std::string> more = {}) {
  more["content/site.yaml"] = kHead + block;
  MemoryFileSystem fs(std::move(more));
  return LoadSiteConfig(fs, diags);
}

TEST(Government, ReadsEveryKey) {
  Diagnostics diags;
  auto config = Load(
      "  sponsor: {zh: 甲市市场监督管理局, en: Alpha AMR}\n"
      "  operator: {zh: 甲市信息中心, en: Alpha Information Centre}\n"
      "  site_code: \"1300000029\"\n"
      "  icp: 冀ICP备12345678号-2\n"
      "  police_record: 冀公网安备 13010202000123号\n"
      "  address: {zh: 甲市一路1号, en: 1 First Road}\n"
      "  phone: (0311) 1234-5678\n"
      "  email: office@amr.example.gov.cn\n"
      "  badge:\n    image: content/static/badge.png\n    link: https://bszs.conac.cn/x?id=1\n"
      "  publish_snippet: <script src=\"https://a.example.com/a.js\"></script>\n",
      diags, {{"content/static/badge.png", "\x89PNG bytes"}});
  ASSERT_TRUE(config) << diags.FormatAll();
  EXPECT_TRUE(diags.empty()) << diags.FormatAll();
  const GovernmentConfig& g = config->government;
  EXPECT_TRUE(g.given);
  EXPECT_EQ(g.sponsor.Get("en", "zh"), "Alpha AMR");
  EXPECT_EQ(g.operator_.Get("zh", "zh"), "甲市信息中心");
  EXPECT_EQ(g.site_code, "1300000029");
  EXPECT_EQ(g.icp, "冀ICP备12345678号-2");
  EXPECT_EQ(g.police, "冀公网安备 13010202000123号");
  EXPECT_EQ(g.police_code, "13010202000123");
  EXPECT_EQ(g.address.Get("en", "zh"), "1 First Road");
  EXPECT_EQ(g.phone, "(0311) 1234-5678");
  EXPECT_EQ(g.email, "office@amr.example.gov.cn");
  EXPECT_EQ(g.badge_image, "content/static/badge.png");
  EXPECT_EQ(g.badge_bytes, "\x89PNG bytes");
  EXPECT_EQ(g.badge_link, "https://bszs.conac.cn/x?id=1");
  EXPECT_EQ(g.BadgeOutputPath(), "assets/government/badge.png");
  EXPECT_EQ(g.publish_snippet, "<script src=\"https://a.example.com/a.js\"></script>");
}

TEST(Government, AbsentBlockIsEmpty) {
  Diagnostics diags;
  MemoryFileSystem fs(
      std::map<std::string, std::string>{{"content/site.yaml", "title: x\nlanguages: [zh]\n"}});
  auto config = LoadSiteConfig(fs, diags);
  ASSERT_TRUE(config);
  EXPECT_FALSE(config->government.given);
  EXPECT_EQ(config->government.BadgeOutputPath(), "");
}

TEST(Government, UnknownKeysSayWhatWasMeant) {
  Diagnostics diags;
  EXPECT_FALSE(Load("  site_cde: \"1300000029\"\n  badge: {image: b.png, lnk: x}\n", diags,
                    {{"b.png", "png"}}));
  EXPECT_EQ(diags.FormatAll(),
            "content/site.yaml:4:3: error: unknown key 'site_cde' (did you mean 'site_code'?); "
            "allowed keys: sponsor, operator, site_code, icp, police_record, address, phone, "
            "email, badge, publish_snippet\n"
            "    site_cde: \"1300000029\"\n    ^\n"
            "content/site.yaml:5:25: error: unknown key 'lnk' (did you mean 'link'?); allowed "
            "keys: image, link\n"
            "    badge: {image: b.png, lnk: x}\n                          ^\n");
}

TEST(Government, MalformedCodesAreErrorsAtTheValue) {
  Diagnostics diags;
  EXPECT_FALSE(
      Load("  site_code: \"13000000X9\"\n"
           "  icp: ICP备12345678号\n"
           "  police_record: 京公网安备1101050203014号\n"
           "  phone: call us\n"
           "  email: office@localhost\n",
           diags));
  EXPECT_EQ(diags.FormatAll(),
            "content/site.yaml:4:14: error: government.site_code '13000000X9' is not a "
            "网站标识码: ten digits starting with a province's region code (like 1300000029), or "
            "bm and eight digits for a State Council department (like bm07000001)\n"
            "    site_code: \"13000000X9\"\n               ^\n"
            "content/site.yaml:5:8: error: government.icp 'ICP备12345678号' is not an ICP 备案号: "
            "the province's short name, ICP备, the number and 号, like 京ICP备12345678号 or "
            "京ICP备12345678号-1\n"
            "    icp: ICP备12345678号\n         ^\n"
            "content/site.yaml:6:18: error: government.police_record '京公网安备1101050203014号' "
            "is not a 公安机关备案号: the province's short name, 公网安备, 14 digits and 号, like "
            "京公网安备11010502030143号\n"
            "    police_record: 京公网安备1101050203014号\n                   ^\n"
            "content/site.yaml:7:10: error: government.phone 'call us' is not a telephone "
            "number: digits, spaces and - + ( ) , only, like 0311-12345678\n"
            "    phone: call us\n           ^\n"
            "content/site.yaml:8:10: error: government.email 'office@localhost' is not an e-mail "
            "address like office@example.gov.cn\n"
            "    email: office@localhost\n           ^\n");
}

TEST(Government, BadgeMustBeAnImageInsideTheSite) {
  for (const auto& [image, message] : std::vector<std::pair<std::string, std::string>>{
           {"../badge.png",
            "government.badge.image must be a path inside the site folder, like "
            "content/static/badge.png"},
           {"/etc/badge.png",
            "government.badge.image must be a path inside the site folder, "
            "like content/static/badge.png"},
           {"content/site.yaml",
            "government.badge.image must be an image (png, jpg, jpeg, gif, "
            "svg or webp), not 'content/site.yaml'"},
           {"content/static/missing.png",
            "government.badge.image: there is no file 'content/static/missing.png' in the site "
            "folder"},
       }) {
    Diagnostics diags;
    EXPECT_FALSE(Load("  badge:\n    image: " + image + "\n", diags));
    EXPECT_EQ(diags.FormatAll().rfind("content/site.yaml:5:12: error: " + message + "\n", 0), 0u)
        << diags.FormatAll();
  }
  Diagnostics diags;
  EXPECT_FALSE(Load("  badge: {link: https://x.cn/}\n", diags));
  EXPECT_NE(diags.FormatAll().find("content/site.yaml:4:10: error: missing 'image'"),
            std::string::npos)
      << diags.FormatAll();
  Diagnostics link;
  EXPECT_FALSE(Load("  badge: {image: b.svg, link: bszs.conac.cn}\n", link, {{"b.svg", "<svg/>"}}));
  EXPECT_NE(link.FormatAll().find("government.badge.link must start with https:// or http://"),
            std::string::npos);
}

TEST(Government, SiteCodeFormat) {
  EXPECT_TRUE(IsValidSiteCode("1300000029"));  // a province's portal
  EXPECT_TRUE(IsValidSiteCode("1101070001"));  // a district's
  EXPECT_TRUE(IsValidSiteCode("6500000001"));
  EXPECT_TRUE(IsValidSiteCode("bm07000001"));  // a State Council department
  EXPECT_FALSE(IsValidSiteCode("130000002"));  // nine characters
  EXPECT_FALSE(IsValidSiteCode("13000000290"));
  EXPECT_FALSE(IsValidSiteCode("1000000029"));  // 10 is no province
  EXPECT_FALSE(IsValidSiteCode("7100000001"));  // nor is 71
  EXPECT_FALSE(IsValidSiteCode("BM07000001"));
  EXPECT_FALSE(IsValidSiteCode("bm0700000a"));
  EXPECT_FALSE(IsValidSiteCode("13000 0029"));
}

TEST(Government, RecordNumberFormats) {
  EXPECT_TRUE(IsValidIcpNumber("京ICP备05070602号"));
  EXPECT_TRUE(IsValidIcpNumber("蜀ICP备12345678号-12"));
  EXPECT_FALSE(IsValidIcpNumber("京ICP备05070602"));
  EXPECT_FALSE(IsValidIcpNumber("京ICP备05070602号-0"));
  EXPECT_FALSE(IsValidIcpNumber("京ICP证050706号"));
  EXPECT_FALSE(IsValidIcpNumber("X京ICP备05070602号"));
  EXPECT_EQ(PoliceRecordCode("京公网安备11010502030143号"), "11010502030143");
  EXPECT_EQ(PoliceRecordCode("川公网安备 51010402000001号"), "51010402000001");
  EXPECT_EQ(PoliceRecordCode("京公网安备110105020301430号"), "");
  EXPECT_EQ(PoliceRecordCode("京公网安备99010502030143号"), "");
  EXPECT_EQ(PoliceRecordCode("京公网安备11010502030143"), "");
}

}  // namespace
}  // namespace nianbao
