#include "core/text.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("市场主体"), "市场主体");
}

TEST(HasAnyOf, FindsAnyOfTheBytes) {
  EXPECT_TRUE(HasAnyOf("食品*抽检", "*_~"));
  EXPECT_TRUE(HasAnyOf("a~", "*_~"));
  EXPECT_FALSE(HasAnyOf("食品抽检", "*_~"));
  EXPECT_FALSE(HasAnyOf("", "*_~"));
  EXPECT_FALSE(HasAnyOf("abc", ""));
  EXPECT_TRUE(HasAnyOf(std::string_view("a\0b", 3), std::string_view("\0", 1)));
  // Every place in texts longer than a block, with one to five bytes looked for.
  for (size_t len = 0; len <= 40; ++len) {
    for (std::string_view bytes : {"\"", ",\"", "*_~", ",\"\r\n", "abcde"}) {
      std::string text(len, 'x');
      EXPECT_EQ(HasAnyOf(text, bytes), false) << len << " " << bytes;
      for (size_t at = 0; at < len; ++at) {
        text.assign(len, 'x');
        text[at] = bytes.back();
        ASSERT_TRUE(HasAnyOf(text, bytes)) << len << " " << at << " " << bytes;
      }
    }
  }
}

TEST(Utf8, CountsCodePointsAndWidths) {
  EXPECT_EQ(Utf8Length("ab市场"), 4);
  EXPECT_EQ(Utf8Prefix("市场监管", 2), "市场");
  EXPECT_EQ(DisplayWidth("ab市场，"), 8);
  EXPECT_TRUE(IsValidUtf8("年报"));
  EXPECT_FALSE(IsValidUtf8("\xC4\xEA\xB1\xA8"));  // GBK bytes of 年报
}

// nlohmann-json throws (and the build aborted) on what a loose check let through.
TEST(Utf8, ValidationIsExact) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xBC"));          // overlong '<'
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xBC"));      // overlong, three bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xBC"));  // overlong, four bytes
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // surrogate U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xE5\xB9"));         // cut short
  EXPECT_TRUE(IsValidUtf8("\xC2\x80"));          // U+0080
  EXPECT_TRUE(IsValidUtf8("\xE0\xA0\x80"));      // U+0800
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000
  EXPECT_TRUE(IsValidUtf8("\xF0\x90\x80\x80"));  // U+10000
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_EQ(FirstInvalidUtf8("年报\xC0\xBC"), 6u);
  EXPECT_EQ(FirstInvalidUtf8("年报"), std::string_view::npos);
  int n = 0;
  EXPECT_EQ(DecodeUtf8At("\xF4\x8F\xBF\xBD", 0, &n), 0x10FFFDu);
  EXPECT_EQ(n, 4);
  EXPECT_EQ(DecodeUtf8At("\xED\xA0\x80", 0, &n), kInvalidCodePoint);
  EXPECT_EQ(n, 1);
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

namespace nianbao {
namespace {

// Against std::string_view::find on texts over a small alphabet (many near-matches),
// every needle length up to 20, every start, matches at the very start and end.
TEST(FindBytes, FindsWhatFindFinds) {
  uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1103515245u + 12345u; };
  for (int round = 0; round < 300; ++round) {
    std::string hay(next() % 90, ' ');
    for (char& c : hay) c = "abd=<"[next() % 5];
    for (size_t n = 0; n <= 20; ++n) {
      std::string needle(n, ' ');
      if (n > 0 && n <= hay.size() && next() % 2) {
        needle = hay.substr(next() % (hay.size() - n + 1), n);  // one that occurs
      } else {
        for (char& c : needle) c = "abd=<"[next() % 5];
      }
      for (size_t from = 0; from <= hay.size() + 1; ++from) {
        ASSERT_EQ(FindBytes(hay, needle, from), std::string_view(hay).find(needle, from))
            << "hay '" << hay << "' needle '" << needle << "' from " << from;
      }
    }
  }
  EXPECT_EQ(FindBytes(std::string(40, 'x') + "data-chart=", "data-chart="), 40u);
  EXPECT_EQ(FindBytes("data-chart=" + std::string(40, 'x'), "data-chart="), 0u);
  EXPECT_EQ(FindBytes(std::string(40, 'x') + "data-chart", "data-chart="), std::string::npos);
}

}  // namespace
}  // namespace nianbao
