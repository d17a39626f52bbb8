// Autolinks in Chinese text: src/markdown/autolink.cc.
#include <gtest/gtest.h>

#include <string>

#include "markdown/markdown.h"

namespace nianbao::markdown {
namespace {

std::string Safe(std::string_view text) { return RenderBlocks(text, Options{}); }

TEST(AutolinkTest, HostNameEndsWhereChineseTextBegins) {
  EXPECT_EQ(
      Safe("请访问https://www.gov.cn了解更多政策信息。"),
      "<p>请访问<a href=\"https://www.gov.cn\">https://www.gov.cn</a>了解更多政策信息。</p>\n");
  EXPECT_EQ(Safe("访问www.gov.cn了解"),
            "<p>访问<a href=\"http://www.gov.cn\">www.gov.cn</a>了解</p>\n");
  // A path keeps Chinese text up to full-width punctuation.
  EXPECT_EQ(Safe("https://baike.example.cn/item/放管服"),
            "<p><a href=\"https://baike.example.cn/item/%E6%94%BE%E7%AE%A1%E6%9C%8D\">"
            "https://baike.example.cn/item/放管服</a></p>\n");
  EXPECT_EQ(Safe("https://www.gov.cn:8080/了解，谢"),
            "<p><a href=\"https://www.gov.cn:8080/%E4%BA%86%E8%A7%A3\">"
            "https://www.gov.cn:8080/了解</a>，谢</p>\n");
  // A host label in Chinese from its start is an internationalised name.
  EXPECT_EQ(Safe("见https://中国政府网.政务，谢谢"),
            "<p>见<a href=\"https://%E4%B8%AD%E5%9B%BD%E6%94%BF%E5%BA%9C%E7%BD%91."
            "%E6%94%BF%E5%8A%A1\">https://中国政府网.政务</a>，谢谢</p>\n");
}

TEST(AutolinkTest, UrlsAndEmailInOneSentence) {
  EXPECT_EQ(Safe("网址：https://a.gov.cn、https://b.gov.cn；邮箱：zhengce@gov.cn。"),
            "<p>网址：<a href=\"https://a.gov.cn\">https://a.gov.cn</a>、"
            "<a href=\"https://b.gov.cn\">https://b.gov.cn</a>；邮箱："
            "<a href=\"mailto:zhengce@gov.cn\">zhengce@gov.cn</a>。</p>\n");
  // GFM's e-mail rule: a dot in the domain, no - or _ at the end, a final . left out.
  EXPECT_EQ(Safe("见https://a.cn，a@b、x@y.cn_、x@a.b."),
            "<p>见<a href=\"https://a.cn\">https://a.cn</a>，a@b、x@y.cn_、"
            "<a href=\"mailto:x@a.b\">x@a.b</a>.</p>\n");
}

TEST(AutolinkTest, CutBeforeFullWidthComma) {
  EXPECT_EQ(Safe("访问 https://example.com/页面，谢谢"),
            "<p>访问 <a href=\"https://example.com/%E9%A1%B5%E9%9D%A2\">"
            "https://example.com/页面</a>，谢谢</p>\n");
}

TEST(AutolinkTest, CjkPathWithoutPunctuationKept) {
  EXPECT_EQ(Safe("访问 https://example.com/页面 谢谢"),
            "<p>访问 <a href=\"https://example.com/%E9%A1%B5%E9%9D%A2\">"
            "https://example.com/页面</a> 谢谢</p>\n");
  EXPECT_EQ(Safe("见https://zh.wikipedia.org/wiki/艾萨克·牛顿。"),
            "<p>见<a href=\"https://zh.wikipedia.org/wiki/%E8%89%BE%E8%90%A8%E5%85%8B%C2%B7"
            "%E7%89%9B%E9%A1%BF\">https://zh.wikipedia.org/wiki/艾萨克·牛顿</a>。</p>\n");
}

TEST(AutolinkTest, WwwFormAndOtherStops) {
  EXPECT_EQ(Safe("网址：www.samr.gov.cn）。"),
            "<p>网址：<a href=\"http://www.samr.gov.cn\">www.samr.gov.cn</a>）。</p>\n");
  EXPECT_EQ(Safe("见“https://a.cn”"), "<p>见“<a href=\"https://a.cn\">https://a.cn</a>”</p>\n");
  EXPECT_EQ(Safe("https://a.cn/x　下一句"),
            "<p><a href=\"https://a.cn/x\">https://a.cn/x</a>　下一句</p>\n");
}

TEST(AutolinkTest, WwwRightAfterChineseText) {
  // GFM links www. only after a space or *_~( ; Chinese text has none before it.
  EXPECT_EQ(
      Safe("网址www.samr.gov.cn，电话：12315。另见 www.a.cn、www.b.cn"),
      "<p>网址<a href=\"http://www.samr.gov.cn\">www.samr.gov.cn</a>，电话：12315。另见 "
      "<a href=\"http://www.a.cn\">www.a.cn</a>、<a href=\"http://www.b.cn\">www.b.cn</a></p>\n");
  EXPECT_EQ(Safe("不是网址：www.。abcwww.a.cn `网址：www.a.cn` [网址：www.a.cn](/x)"),
            "<p>不是网址：www.。abcwww.a.cn <code>网址：www.a.cn</code> "
            "<a href=\"/x\">网址：www.a.cn</a></p>\n");
}

TEST(AutolinkTest, TrailingAsciiPunctuationBeforeTheCutIsDropped) {
  EXPECT_EQ(Safe("(见 https://a.cn/x).，完"),
            "<p>(见 <a href=\"https://a.cn/x\">https://a.cn/x</a>).，完</p>\n");
}

TEST(AutolinkTest, ListOfUrlsSeparatedByEnumerationComma) {
  EXPECT_EQ(Safe("网站 https://a.gov.cn、https://b.gov.cn、www.c.gov.cn。"),
            "<p>网站 <a href=\"https://a.gov.cn\">https://a.gov.cn</a>、"
            "<a href=\"https://b.gov.cn\">https://b.gov.cn</a>、"
            "<a href=\"http://www.c.gov.cn\">www.c.gov.cn</a>。</p>\n");
  EXPECT_EQ(Safe("https://a.cn，详见https://b.cn。"),
            "<p><a href=\"https://a.cn\">https://a.cn</a>，详见"
            "<a href=\"https://b.cn\">https://b.cn</a>。</p>\n");
}

TEST(AutolinkTest, ExplicitLinksAndEmailUntouched) {
  EXPECT_EQ(
      Safe("<https://d.cn/页，谢>"),
      "<p><a href=\"https://d.cn/%E9%A1%B5%EF%BC%8C%E8%B0%A2\">https://d.cn/页，谢</a></p>\n");
  EXPECT_EQ(Safe("[https://e.cn/，](https://e.cn/，) [www.f.cn/，](http://www.f.cn/，)"),
            "<p><a href=\"https://e.cn/%EF%BC%8C\">https://e.cn/，</a> "
            "<a href=\"http://www.f.cn/%EF%BC%8C\">www.f.cn/，</a></p>\n");
  EXPECT_EQ(Safe("联系 ab@samr.gov.cn，谢谢"),
            "<p>联系 <a href=\"mailto:ab@samr.gov.cn\">ab@samr.gov.cn</a>，谢谢</p>\n");
}

}  // namespace
}  // namespace nianbao::markdown
