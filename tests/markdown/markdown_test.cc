#include "markdown/markdown.h"
#include "markdown/baseline.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace nianbao::markdown {
namespace {

std::string Safe(std::string_view text) { return RenderBlocks(text, Options{}); }
std::string Unsafe(std::string_view text) { return RenderBlocks(text, Options{true}); }

TEST(MarkdownTest, GfmTable) {
  EXPECT_EQ(Safe("| 指标 | 数值 |\n|:---|---:|\n| 抽检 | 12 |\n"),
            "<table>\n<thead>\n<tr>\n<th align=\"left\">指标</th>\n"
            "<th align=\"right\">数值</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n"
            "<td align=\"left\">抽检</td>\n<td align=\"right\">12</td>\n</tr>\n</tbody>\n"
            "</table>\n");
}

TEST(MarkdownTest, Strikethrough) {
  EXPECT_EQ(Safe("~~删除~~ 保留"), "<p><del>删除</del> 保留</p>\n");
}

TEST(MarkdownTest, TaskListCheckboxesAreLabelledByTheirItem) {
  // axe "label": a checkbox needs an accessible name; the item's text is it.
  EXPECT_EQ(Safe("- [x] 完成年度目标\n- [ ] 待办 **事项**\n"),
            "<ul>\n<li><label><input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
            "完成年度目标</label></li>\n"
            "<li><label><input type=\"checkbox\" disabled=\"\" /> 待办 <strong>事项</strong>"
            "</label></li>\n</ul>\n");
  // Loose items: the label goes inside the paragraph; a nested list stays outside it.
  EXPECT_EQ(Safe("- [x] 完成\n\n- [ ] 待办\n  - 子项\n"),
            "<ul>\n<li>\n<p><label><input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
            "完成</label></p>\n</li>\n<li>\n<p><label><input type=\"checkbox\" disabled=\"\" /> "
            "待办</label></p>\n<ul>\n<li>子项</li>\n</ul>\n</li>\n</ul>\n");
  // Nothing to label with: the box is named by what the author typed.
  EXPECT_EQ(Safe("- [x]  \n"),
            "<ul>\n<li>\n<input type=\"checkbox\" checked=\"\" disabled=\"\" "
            "aria-label=\"[x]\" />\n</li>\n</ul>\n");
  EXPECT_EQ(Safe("- [@] 不是任务\n"), "<ul>\n<li>[@] 不是任务</li>\n</ul>\n");
}

TEST(MarkdownTest, Footnote) {
  EXPECT_EQ(Safe("正文[^1]\n\n[^1]: 注释\n"),
            "<p>正文<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" "
            "data-footnote-ref>1</a></sup></p>\n"
            "<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">\n"
            "<p>注释 <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
            "aria-label=\"Back to content\">↩</a></p>\n</li>\n</ol>\n</section>\n");
}

TEST(MarkdownTest, FootnoteLabelsThatCmarkCutsWrongStayText) {
  // cmark-gfm cuts a label by column arithmetic: across a line ending it renders `a [^] b`
  // or half a character (fuzzer: `e[^\n\uFFFD1]`, `[^\n[\uFFFD]]`), an escaped caret
  // repeats a byte, a caret entity reads past its buffer.
  EXPECT_EQ(RenderWithCmarkOnly("a [^\nx1] b", Options{}), "<p>a [^] b</p>\n");
  EXPECT_EQ(RenderWithCmarkOnly("a [\\^x] b", Options{}), "<p>a [^x]] b</p>\n");
  EXPECT_EQ(Safe("a [^\nx1] b"), "<p>a [^\nx1] b</p>\n");
  EXPECT_EQ(Safe("e[^\n\xEF\xBF\xBD1]"), "<p>e[^\n\xEF\xBF\xBD1]</p>\n");
  EXPECT_EQ(Safe("[^\n[\xEF\xBF\xBD]]"), "<p>[^\n[\xEF\xBF\xBD]]</p>\n");
  EXPECT_EQ(Safe("a [^x `]` y\nz] b"), "<p>a [^x <code>]</code> y\nz] b</p>\n");
  EXPECT_EQ(Unsafe("a [^<b\ttitle=\"]\">\nz] b"), "<p>a [^<b\ttitle=\"]\">\nz] b</p>\n");
  EXPECT_EQ(Unsafe("a [^<i>x\nz</i>] b"), "<p>a [^<i>x\nz</i>] b</p>\n");
  EXPECT_EQ(Safe("a [\\^x] b"), "<p>a [^x] b</p>\n");
  EXPECT_EQ(Safe("a [&#94;xy] b [&#x5e;z] [&Hat;w] [&#00094;v]"),
            "<p>a [^xy] b [^z] [^w] [^v]</p>\n");
  // A caret entity beside emphasis that asks for markers: the first, structure-only parse
  // read the label unguarded (the fuzzer: a use after free inside cmark).
  EXPECT_EQ(RenderInline("[&Hat;\t]*内", Options{}), "[^\t]*内");
  EXPECT_EQ(Safe("[&#94;x]**内**容"), "<p>[^x]<strong>内</strong>容</p>\n");
  EXPECT_EQ(Safe("见[\\^注\n释]。"), "<p>见[^注释]。</p>\n");      // CJK lines join
  EXPECT_EQ(Safe("a [^x\\\ny] b"), "<p>a [^x<br />\ny] b</p>\n");  // a hard break inside
  // The marker is taken out of code again: a code span's line ending is a space.
  EXPECT_EQ(Safe("`[^a\nb]`"), "<p><code>[^a b]</code></p>\n");
  EXPECT_EQ(Safe("```\n[^a\nb]\n```\n"), "<pre><code>[^a\nb]\n</code></pre>\n");
  EXPECT_EQ(Unsafe("<div title=\"[^a\nb]\">\n"), "<div title=\"[^a\nb]\">\n");
  // Plain labels are footnotes as before, beside a broken one; an escaped bracket opens
  // nothing; a link whose text starts with a caret stays a link.
  for (const char* label : {"1", "注1", "note-2_b.c", "a*b*"}) {
    const std::string md = std::string("x[^") + label + "] [^a\nb]\n\n[^" + label + "]: n\n";
    const std::string html = Safe(md);
    EXPECT_NE(html.find("data-footnote-ref>1</a></sup> [^a\nb]</p>"), std::string::npos) << html;
  }
  EXPECT_EQ(Safe("\\[^a\nb]"), RenderWithCmarkOnly("\\[^a\nb]", Options{}));
  EXPECT_EQ(Safe("[^a b](/u) [&#94;](/v)"),
            "<p><a href=\"/u\">^a b</a> <a href=\"/v\">^</a></p>\n");
}

TEST(MarkdownTest, Autolink) {
  EXPECT_EQ(Safe("see https://example.com and www.example.org."),
            "<p>see <a href=\"https://example.com\">https://example.com</a> and "
            "<a href=\"http://www.example.org\">www.example.org</a>.</p>\n");
}

TEST(MarkdownTest, NoSourcePositions) {
  EXPECT_EQ(Safe("# 标题\n\n正文"), "<h1>标题</h1>\n<p>正文</p>\n");
}

TEST(MarkdownTest, SafeModeOmitsRawHtml) {
  EXPECT_EQ(Safe("<script>alert(1)</script>\n\n<div>x</div>\n"),
            "<!-- raw HTML omitted -->\n<!-- raw HTML omitted -->\n");
  EXPECT_EQ(Safe("x <span>y</span>"),
            "<p>x <!-- raw HTML omitted -->y<!-- raw HTML omitted --></p>\n");
}

TEST(MarkdownTest, SafeModeBlanksJavascriptLinks) {
  EXPECT_EQ(Safe("[a](javascript:alert(1))"), "<p><a href=\"\">a</a></p>\n");
}

TEST(MarkdownTest, UnsafeModePassesDivButTagfilterStillStopsScript) {
  EXPECT_EQ(Unsafe("<div>x</div>\n"), "<div>x</div>\n");
  EXPECT_EQ(Unsafe("<script>alert(1)</script>\n"), "&lt;script>alert(1)&lt;/script>\n");
  EXPECT_EQ(Unsafe("[a](javascript:alert(1))"), "<p><a href=\"javascript:alert(1)\">a</a></p>\n");
}

std::optional<std::string> ChartHook(const CodeBlock& block) {
  if (block.info != "chart") return std::nullopt;
  return "<div class=\"chart\" data-line=\"" + std::to_string(block.line) + "\">" +
         std::string(block.literal) + "</div>";
}

TEST(MarkdownTest, HookReplacesChartBlockEvenInSafeMode) {
  EXPECT_EQ(RenderBlocks("# 图\n\n说明\n\n```chart\ntype: bar\n```\n", Options{}, ChartHook),
            "<h1>图</h1>\n<p>说明</p>\n<div class=\"chart\" data-line=\"5\">type: bar\n</div>\n");
}

TEST(MarkdownTest, HookKeepsOtherBlocksAndSkipsIndentedCode) {
  std::vector<std::string> seen;
  auto hook = [&](const CodeBlock& block) -> std::optional<std::string> {
    seen.push_back(std::string(block.info) + "@" + std::to_string(block.line));
    return std::nullopt;
  };
  EXPECT_EQ(RenderBlocks("```yaml\na: 1\n```\n\n    indented\n\n~~~\nplain\n~~~\n", {}, hook),
            "<pre><code class=\"language-yaml\">a: 1\n</code></pre>\n"
            "<pre><code>indented\n</code></pre>\n<pre><code>plain\n</code></pre>\n");
  EXPECT_EQ(seen, (std::vector<std::string>{"yaml@1", "@7"}));
}

TEST(MarkdownTest, HookLineInsideListAndAfterChineseEmphasis) {
  EXPECT_EQ(RenderBlocks("这是**“重要”**内容\n\n- 项目\n\n  ```chart\n  x\n  ```\n", {}, ChartHook),
            "<p>这是<strong>“重要”</strong>内容</p>\n<ul>\n<li>\n<p>项目</p>\n"
            "<div class=\"chart\" data-line=\"5\">x\n</div>\n</li>\n</ul>\n");
}

TEST(MarkdownTest, HookMayRenderMarkdownItself) {
  // The hook runs outside the parse lock, so rendering a caption inside it cannot deadlock.
  auto hook = [](const CodeBlock& block) -> std::optional<std::string> {
    return "<figure>" + RenderInline(block.literal, Options{}) + "</figure>";
  };
  EXPECT_EQ(RenderBlocks("```chart\n**图1**\n```\n", {}, hook),
            "<figure><strong>图1</strong></figure>\n");
}

// Regression: with a lock-free wrapper that let cmark-gfm toggle its special-character
// table per parse, parallel parses lost autolinks and strikethrough (PR #176 upstream).
TEST(MarkdownTest, ParallelParsesGiveTheSingleThreadedResult) {
  std::string text;
  for (int i = 0; i < 20; ++i) {
    text += "第" + std::to_string(i) + "段 访问 https://example.com/" + std::to_string(i) +
            "，或 www.samr.gov.cn 与 ~~旧~~ 这是**“重要”**内容。\n\n";
  }
  // The Chinese fixes run outside the lock: markers (both kinds), line joins, task labels.
  text += "“︁Git”︁__Hub__ ~~“旧表述”~~新表述\n全市\n达到\n\n- [x] 完成\n";
  const std::string expected = Safe(text);
  ASSERT_NE(expected.find("<a href=\"https://example.com/19\">"), std::string::npos);
  ASSERT_NE(expected.find("<del>旧</del>"), std::string::npos);
  ASSERT_NE(expected.find("<strong>Hub</strong> <del>“旧表述”</del>新表述全市达到"),
            std::string::npos);
  ASSERT_NE(expected.find("<label><input"), std::string::npos);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) mismatches[t] += Safe(text) != expected;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, (std::vector<int>{0, 0, 0, 0}));
}

TEST(RenderInlineTest, NoParagraphWrapper) {
  EXPECT_EQ(
      RenderInline("**（注）**说明，见 https://samr.gov.cn。", Options{}),
      "<strong>（注）</strong>说明，见 <a href=\"https://samr.gov.cn\">https://samr.gov.cn</a>"
      "。");
}

TEST(RenderInlineTest, SeveralParagraphsBecomeOneWithSoftBreaks) {
  EXPECT_EQ(RenderInline("first line\n\nsecond\nthird", Options{}), "first line\nsecond\nthird");
  // Between Chinese characters a soft break is dropped (JoinsWithoutSpace).
  EXPECT_EQ(RenderInline("第一行\n\n第二行\n第三行", Options{}), "第一行第二行第三行");
}

TEST(RenderInlineTest, BlockSyntaxStaysText) {
  EXPECT_EQ(RenderInline("2024. 年度报告", {}), "2024. 年度报告");
  EXPECT_EQ(RenderInline("# 注", {}), "# 注");
  EXPECT_EQ(RenderInline("- 项目\n> 引用", {}), "- 项目\n&gt; 引用");
  EXPECT_EQ(RenderInline("标题\n---", {}), "标题\n---");
  EXPECT_EQ(RenderInline("    缩进", {}), "缩进");
  EXPECT_EQ(RenderInline("[a]: /url", {}), "[a]: /url");
  EXPECT_EQ(RenderInline("[链接](/url) *强调*", {}), "<a href=\"/url\">链接</a> <em>强调</em>");
}

TEST(RenderInlineTest, EmptyAndRawHtml) {
  EXPECT_EQ(RenderInline("", {}), "");
  EXPECT_EQ(RenderInline("a <b>x</b>", {}),
            "a <!-- raw HTML omitted -->x<!-- raw HTML omitted -->");
  EXPECT_EQ(RenderInline("a <b>x</b>", Options{true}), "a <b>x</b>");
}

}  // namespace
}  // namespace nianbao::markdown
