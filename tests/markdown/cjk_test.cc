// Chinese emphasis: the CJK-friendly rule (src/markdown/flanking.cc) and the markers that
// make cmark-gfm follow it (src/markdown/emphasis.cc).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "markdown/baseline.h"
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

TEST(ChineseEmphasisTest, AsciiPunctuationInsideTheRunWithChineseOutside) {
  EXPECT_EQ(Safe("**[《通知》](url)**全文"),
            "<p><strong><a href=\"url\">《通知》</a></strong>全文</p>\n");
  EXPECT_EQ(Safe("**`make test`**命令"), "<p><strong><code>make test</code></strong>命令</p>\n");
  EXPECT_EQ(Safe("他说**\"加快发展\"**是关键"),
            "<p>他说<strong>&quot;加快发展&quot;</strong>是关键</p>\n");
  EXPECT_EQ(Safe("**(一)**加强领导。"), "<p><strong>(一)</strong>加强领导。</p>\n");
  EXPECT_EQ(Safe("**真-**她"), "<p><strong>真-</strong>她</p>\n");
}

TEST(ChineseEmphasisTest, LatinTextBeyondFullWidthPunctuation) {
  EXPECT_EQ(Safe("Python**《教程》**学习"), "<p>Python<strong>《教程》</strong>学习</p>\n");
  EXPECT_EQ(Safe("**推荐几个框架：**React、Vue"),
            "<p><strong>推荐几个框架：</strong>React、Vue</p>\n");
  EXPECT_EQ(Safe("Git**（注：不是GitHub）**"), "<p>Git<strong>（注：不是GitHub）</strong></p>\n");
}

TEST(ChineseEmphasisTest, StrikethroughNextToFullWidthPunctuation) {
  EXPECT_EQ(Safe("~~“旧表述”~~新表述"), "<p><del>“旧表述”</del>新表述</p>\n");
  EXPECT_EQ(Safe("删去~~（第三项）~~一项"), "<p>删去<del>（第三项）</del>一项</p>\n");
  EXPECT_EQ(Safe("**~~“旧”~~**新"), "<p><strong><del>“旧”</del></strong>新</p>\n");
}

TEST(ChineseEmphasisTest, VariationSequencesCountAsTheirBaseCharacter) {
  // These need cmark to see punctuation before the run: the punctuation marker.
  EXPECT_EQ(Safe("“︁Git”︁__Hub__"), "<p>“︁Git”︁<strong>Hub</strong></p>\n");
  EXPECT_EQ(Safe("正體字。︁_Traditional._"), "<p>正體字。︁<em>Traditional.</em></p>\n");
  EXPECT_EQ(Safe("葛󠄀**(こちらが正式表記)**城市"),
            "<p>葛󠄀<strong>(こちらが正式表記)</strong>城市</p>\n");
}

TEST(ChineseEmphasisTest, UnbalancedRunsPairAsTheRuleSays) {
  // By the CJK-friendly rule ***： and “** can both open and close (markdown-it-cjk-friendly
  // pairs them the same way); cmark-gfm alone makes two bold runs and a literal *.
  EXPECT_EQ(Safe("**新增指标***：“**放管服**”改革"),
            "<p><strong>新增指标</strong><em>：“</em><em>放管服</em>*”改革</p>\n");
  EXPECT_EQ(RenderWithCmarkOnly("**新增指标***：“**放管服**”改革", Options{}),
            "<p><strong>新增指标</strong>*：“<strong>放管服</strong>”改革</p>\n");
}

TEST(ChineseEmphasisTest, NeverHalfFixed) {
  // Five adjacent runs are beyond the solver: rather than fix only the other runs (which
  // could pair delimiters as neither rule does), the document renders as cmark-gfm has it.
  const std::string text = "加快发展~~**~~*~~~》～ 这是**“重要”**内容";
  EXPECT_EQ(Safe(text), RenderWithCmarkOnly(text, Options{}));
  EXPECT_EQ(AddEmphasisMarkers(text, {}), std::nullopt);
}

TEST(ChineseEmphasisTest, InputHoldingAMarkerCharacter) {
  // U+1BC9F is then user text: it stays, and the fixes that need it give way.
  const std::string duployan(kPunctMarker);
  const std::string text = "“︁Git”︁__Hub__" + duployan;
  EXPECT_EQ(Safe(text), RenderWithCmarkOnly(text, Options{}));
  EXPECT_NE(Safe(text).find(duployan), std::string::npos);
  EXPECT_EQ(Safe("这是**“重要”**内容" + duployan),
            "<p>这是<strong>“重要”</strong>内容" + duployan + "</p>\n");
  // U+10FFFD is dropped before parsing, so it cannot change how a run reads.
  EXPECT_EQ(Safe("这是**" + std::string(kOtherMarker) + "“重要”**内容"),
            "<p>这是<strong>“重要”</strong>内容</p>\n");
}

TEST(ChineseEmphasisTest, CodeSpansAsCmarkFindsThem) {
  // cmark's backtick cache: after `` found no closer, the last ` it recorded is the one
  // closing `a`, so the later ` opens nothing and the emphasis between is real.
  EXPECT_EQ(Safe("说明``。`a`，`**“重点”**内容`"),
            "<p>说明``。<code>a</code>，`<strong>“重点”</strong>内容`</p>\n");
  // A code span does not reach into the next paragraph, list item or heading.
  EXPECT_EQ(Safe("- 甲`\n- **“乙”**内容`"),
            "<ul>\n<li>甲`</li>\n<li><strong>“乙”</strong>内容`</li>\n</ul>\n");
}

TEST(ChineseEmphasisTest, QuoteMarkersAndTableCellEdgesAreLineStarts) {
  EXPECT_EQ(Safe("> 第一行\n>**（二）**第二行"),
            "<blockquote>\n<p>第一行<strong>（二）</strong>第二行</p>\n</blockquote>\n");
  EXPECT_EQ(Safe("| a |\n|---|\n|**“x”**说明|"),
            "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td><strong>“x”</strong>说明</td>\n</tr>\n</tbody>\n</table>\n");
  // Read as text, > and | are punctuation and 中 would need a marker; at a line start not.
  EXPECT_NE(Marks(">**中**"), std::nullopt);
  EXPECT_EQ(Marks(">**中**", {0, kQuoteLine}), std::nullopt);
  EXPECT_NE(Marks("|**中**|"), std::nullopt);
  EXPECT_EQ(Marks("|**中**|", {0, kTableLine}), std::nullopt);
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

}  // namespace
}  // namespace nianbao::markdown
