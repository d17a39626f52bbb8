#include "core/text.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("市场主体"), "市场主体");
}

TEST(Utf8, CountsCodePointsAndWidths) {
  EXPECT_EQ(Utf8Length("ab市场"), 4);
  EXPECT_EQ(Utf8Prefix("市场监管", 2), "市场");
  EXPECT_EQ(DisplayWidth("ab市场，"), 8);
  EXPECT_TRUE(IsValidUtf8("年报"));
  EXPECT_FALSE(IsValidUtf8("\xC4\xEA\xB1\xA8"));  // GBK bytes of 年报
}

TEST(DidYouMean, SuggestsCloseNamesOnly) {
  std::vector<std::string> keys = {"title", "languages", "base_url"};
  EXPECT_EQ(DidYouMean("langauges", keys), " (did you mean 'languages'?)");
  EXPECT_EQ(DidYouMean("titel", keys), " (did you mean 'title'?)");
  EXPECT_EQ(DidYouMean("footer", keys), "");
  EXPECT_EQ(EditDistance("valeu", "value"), 1);  // a swap is one edit
}

TEST(Lines, SplitsAndFindsLines) {
  EXPECT_EQ(LineOf("a\r\nb\nc", 2), "b");
  EXPECT_EQ(LineOf("a\nb", 3), "");
  EXPECT_EQ(SplitLines("a\nb\n").size(), 3u);
  EXPECT_EQ(ReplaceAll("a-b-c", "-", "--"), "a--b--c");
  EXPECT_EQ(Trim("  x \n"), "x");
}

}  // namespace
}  // namespace nianbao
