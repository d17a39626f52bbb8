// Soft line breaks inside Chinese sentences: JoinCjkLines in src/markdown/ast.cc, with the
// characters of JoinsWithoutSpace (src/markdown/cjk.cc).
#include <gtest/gtest.h>

#include <string>

#include "markdown/cjk.h"
#include "markdown/markdown.h"

namespace nianbao::markdown {
namespace {

std::string Safe(std::string_view text) { return RenderBlocks(text, Options{}); }

TEST(LineBreakTest, DroppedBetweenChineseCharacters) {
  EXPECT_EQ(Safe("全市市场主体\n达到31.52万户"), "<p>全市市场主体达到31.52万户</p>\n");
  EXPECT_EQ(Safe("全市市场主体，\n比上年增长"), "<p>全市市场主体，比上年增长</p>\n");
  EXPECT_EQ(Safe("です\nます"), "<p>ですます</p>\n");
  EXPECT_EQ(Safe("葛󠄀\n城"), "<p>葛󠄀城</p>\n");  // an ideographic variation sequence
  // Curly quotes, … and —— are Chinese punctuation next to Chinese text.
  EXPECT_EQ(Safe("“放管服”\n改革"), "<p>“放管服”改革</p>\n");
  EXPECT_EQ(Safe("说明。\n“引用”"), "<p>说明。“引用”</p>\n");
  // Across emphasis, links and list items.
  EXPECT_EQ(Safe("**重点**\n内容"), "<p><strong>重点</strong>内容</p>\n");
  EXPECT_EQ(Safe("见[通知\n全文](/a)"), "<p>见<a href=\"/a\">通知全文</a></p>\n");
  EXPECT_EQ(Safe("- 第一\n  第二"), "<ul>\n<li>第一第二</li>\n</ul>\n");
}

TEST(LineBreakTest, KeptWhereAWordSpaceBelongs) {
  EXPECT_EQ(Safe("the quick\nbrown fox"), "<p>the quick\nbrown fox</p>\n");
  EXPECT_EQ(Safe("中文\nEnglish"), "<p>中文\nEnglish</p>\n");
  EXPECT_EQ(Safe("2021年\n2022年"), "<p>2021年\n2022年</p>\n");
  EXPECT_EQ(Safe("한국어\n문장"), "<p>한국어\n문장</p>\n");  // Korean spaces its words
  EXPECT_EQ(Safe("“a”\n“b”"), "<p>“a”\n“b”</p>\n");          // no CJK on either side
  EXPECT_EQ(Safe("`code`\n中"), "<p><code>code</code>\n中</p>\n");
  EXPECT_EQ(Safe("中文  \n硬换行"), "<p>中文<br />\n硬换行</p>\n");  // a hard break stays
}

TEST(LineBreakTest, WhichCharactersJoin) {
  EXPECT_TRUE(JoinsWithoutSpace(U'市', U'达'));
  EXPECT_TRUE(JoinsWithoutSpace(U'。', U'“'));
  EXPECT_TRUE(JoinsWithoutSpace(U'…', U'中'));
  EXPECT_TRUE(JoinsWithoutSpace(U'ア', U'ー'));
  EXPECT_TRUE(JoinsWithoutSpace(U'，', U'Ａ'));  // full-width letters are CJK
  EXPECT_FALSE(JoinsWithoutSpace(U'”', U'“'));
  EXPECT_FALSE(JoinsWithoutSpace(U'中', U'a'));
  EXPECT_FALSE(JoinsWithoutSpace(U'中', U'1'));
  EXPECT_FALSE(JoinsWithoutSpace(U'한', U'국'));
  EXPECT_FALSE(JoinsWithoutSpace(U'中', 0));
}

}  // namespace
}  // namespace nianbao::markdown
