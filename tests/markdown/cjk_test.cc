// Chinese emphasis and autolinks: the fixes in src/markdown/cjk.cc and ast.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "markdown/emphasis.h"
#include "markdown/markdown.h"

namespace nianbao::markdown {
namespace {

std::string Safe(std::string_view text) { return RenderBlocks(text, Options{}); }

TEST(ChineseEmphasisTest, BoldAroundQuotes) {
  EXPECT_EQ(Safe("这是**“重要”**内容"), "<p>这是<strong>“重要”</strong>内容</p>\n");
}

TEST(ChineseEmphasisTest, BoldEndingInFullStop) {
  EXPECT_EQ(Safe("这是**重要。**内容"), "<p>这是<strong>重要。</strong>内容</p>\n");
}

TEST(ChineseEmphasisTest, BoldParenthesesAtLineStart) {
  EXPECT_EQ(Safe("**（注）**说明"), "<p><strong>（注）</strong>说明</p>\n");
}

TEST(ChineseEmphasisTest, BoldBookTitle) {
  EXPECT_EQ(Safe("**《条例》**"), "<p><strong>《条例》</strong></p>\n");
  EXPECT_EQ(Safe("根据**《条例》**规定"), "<p>根据<strong>《条例》</strong>规定</p>\n");
}

TEST(ChineseEmphasisTest, SingleStarAndTripleStar) {
  EXPECT_EQ(Safe("这是*“重要”*内容"), "<p>这是<em>“重要”</em>内容</p>\n");
  EXPECT_EQ(Safe("这是***【重点】***内容"), "<p>这是<em><strong>【重点】</strong></em>内容</p>\n");
}

TEST(ChineseEmphasisTest, InListItemsHeadingsAndTables) {
  EXPECT_EQ(Safe("* **（一）**抽检\n* 项目"),
            "<ul>\n<li><strong>（一）</strong>抽检</li>\n<li>项目</li>\n</ul>\n");
  EXPECT_EQ(Safe("## **“双随机”**监管"), "<h2><strong>“双随机”</strong>监管</h2>\n");
  EXPECT_EQ(Safe("| a |\n|---|\n| 共**12。**件 |"),
            "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td>共<strong>12。</strong>件</td>\n</tr>\n</tbody>\n</table>\n");
}

TEST(ChineseEmphasisTest, EnglishUnchanged) {
  EXPECT_EQ(Safe("2*3*4"), "<p>2<em>3</em>4</p>\n");
  EXPECT_EQ(Safe("a * b"), "<p>a * b</p>\n");
  EXPECT_EQ(Safe("**bold** and *em* and _em_"),
            "<p><strong>bold</strong> and <em>em</em> and <em>em</em></p>\n");
  EXPECT_EQ(Safe("snake_case_name"), "<p>snake_case_name</p>\n");
  EXPECT_EQ(Safe("* item\n* other"), "<ul>\n<li>item</li>\n<li>other</li>\n</ul>\n");
  EXPECT_EQ(Safe("***\n"), "<hr />\n");
  // CommonMark: not emphasis between letters and punctuation; curly quotes alone change nothing.
  EXPECT_EQ(Safe("foo**“bar”**baz"), "<p>foo**“bar”**baz</p>\n");
}

std::optional<std::string> Marks(std::string_view text, const LineKinds& lines = {}) {
  std::optional<Marked> marked = AddEmphasisMarkers(text, lines);
  if (!marked) return std::nullopt;
  return marked->text;
}

TEST(ChineseEmphasisTest, PrePassTouchesOnlyRunsTheRuleReadsDifferently) {
  const std::string m(kOtherMarker);
  EXPECT_EQ(Marks("2*3*4 a * b **bold** snake_case_name *“q”* 这是**重要** ~~删~~"), std::nullopt);
  EXPECT_EQ(Marks("这是**“重要”**内容"), "这是**" + m + "“重要”" + m + "**内容");
  // Line 1 is skipped (cmark reported a code block there); line 2 is a code span.
  EXPECT_EQ(Marks("这是**“x”**内容\n`这是*“y”*内容`", {0, kCodeLine}), std::nullopt);
}

TEST(ChineseEmphasisTest, UnderscoreKeepsCommonMarkRule) {
  // `_` between letters is intraword in CommonMark; a marker cannot change that.
  EXPECT_EQ(Safe("这是__“重要”__内容"), "<p>这是__“重要”__内容</p>\n");
}

TEST(ChineseEmphasisTest, CodeSpansAndBlocksUnchanged) {
  EXPECT_EQ(Safe("见`**“x”**内容`和``a ` **“x”**内容``"),
            "<p>见<code>**“x”**内容</code>和<code>a ` **“x”**内容</code></p>\n");
  EXPECT_EQ(Safe("这是**“重要”**内容\n\n```\n这是**“x”**内容\n```\n"),
            "<p>这是<strong>“重要”</strong>内容</p>\n<pre><code>这是**“x”**内容\n</code></pre>\n");
  EXPECT_EQ(Safe("这是**“重要”**内容\n\n    这是**“x”**内容\n"),
            "<p>这是<strong>“重要”</strong>内容</p>\n<pre><code>这是**“x”**内容\n</code></pre>\n");
  EXPECT_EQ(Safe("> ~~~\n> 这是**“x”**内容\n> ~~~\n\n这是**“重要”**内容"),
            "<blockquote>\n<pre><code>这是**“x”**内容\n</code></pre>\n</blockquote>\n"
            "<p>这是<strong>“重要”</strong>内容</p>\n");
}

TEST(ChineseEmphasisTest, UnclosedBacktickDoesNotHideEmphasis) {
  EXPECT_EQ(Safe("一个`反引号 这是**“重要”**内容"),
            "<p>一个`反引号 这是<strong>“重要”</strong>内容</p>\n");
}

TEST(ChineseEmphasisTest, CodeSpanStopsAtBlankLine) {
  EXPECT_EQ(Safe("a `b\n\n这是**“重要”**内容`"),
            "<p>a `b</p>\n<p>这是<strong>“重要”</strong>内容`</p>\n");
}

TEST(ChineseEmphasisTest, EscapedStarsStayLiteral) {
  EXPECT_EQ(Safe("这是\\*\\*“重要”\\*\\*内容"), "<p>这是**“重要”**内容</p>\n");
  EXPECT_EQ(Safe("这是\\*“重要”\\*内容"), "<p>这是*“重要”*内容</p>\n");
}

TEST(ChineseEmphasisTest, RawHtmlBlockUnchangedInUnsafeMode) {
  EXPECT_EQ(RenderBlocks("<div>这是**“x”**内容</div>\n", Options{true}),
            "<div>这是**“x”**内容</div>\n");
}

TEST(ChineseEmphasisTest, NoMarkerSurvivesAnywhere) {
  const std::string marker(kOtherMarker);
  const std::vector<std::string> inputs = {
      "这是**“重要”**内容",
      "[这是**“重要”**内容](https://a.com/x“**y**” \"题**“x”**目\")",
      "![图**“x”**内容](/a.png)",
      "正文[^注**“x”**内容]\n\n[^注**“x”**内容]: 注释",
      "<span title=\"这是**“x”**内容\">a</span>",
      "已有标记" + marker + "字符",
      "https://a.com/这是**“x”**内容",
  };
  for (const std::string& input : inputs) {
    for (bool unsafe : {false, true}) {
      std::string html = RenderBlocks(input, Options{unsafe});
      EXPECT_EQ(html.find(marker), std::string::npos) << input;
      EXPECT_EQ(html.find("%F4%8F%BF%BD"), std::string::npos) << input;
      EXPECT_EQ(RenderInline(input, Options{unsafe}).find(marker), std::string::npos) << input;
    }
  }
  EXPECT_EQ(Safe("[这是**“重要”**内容](https://a.com)"),
            "<p><a href=\"https://a.com\">这是<strong>“重要”</strong>内容</a></p>\n");
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
