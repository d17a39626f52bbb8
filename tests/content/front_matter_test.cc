#include "content/front_matter.h"

#include <gtest/gtest.h>

namespace nianbao {
namespace {

TEST(SplitFrontMatter, FindsYamlAndBodyWithLineNumbers) {
  Diagnostics diags;
  std::string text = "---\ntitle: T\ndate: 2022-01-20\n---\nbody\n";
  auto split = SplitFrontMatter(text, "r.md", diags);
  ASSERT_TRUE(split);
  EXPECT_EQ(split->yaml, "title: T\ndate: 2022-01-20\n");
  EXPECT_EQ(split->yaml_first_line, 2);
  EXPECT_EQ(split->body, "body\n");
  EXPECT_EQ(split->body_first_line, 5);
  auto fm = ReadFrontMatter(*split, {"r.md", text, 2}, diags);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->title, "T");
  EXPECT_EQ(fm->date, "2022-01-20");
}

TEST(SplitFrontMatter, NoFrontMatterIsAllBody) {
  Diagnostics diags;
  auto split = SplitFrontMatter("# Title\n", "r.md", diags);
  EXPECT_EQ(split->body, "# Title\n");
  EXPECT_EQ(split->body_first_line, 1);
}

TEST(SplitFrontMatter, ToleratesBomAndCrlf) {
  Diagnostics diags;
  auto split = SplitFrontMatter("\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\nx", "r.md", diags);
  ASSERT_TRUE(split);
  EXPECT_EQ(split->body, "x");
  EXPECT_EQ(split->body_first_line, 4);
}

TEST(ReadFrontMatter, RejectsUnknownKeysAndBadDates) {
  Diagnostics diags;
  std::string text = "---\ntitle: T\ndate: 2021-02-29\nauthor: x\n---\n";
  auto split = SplitFrontMatter(text, "r.md", diags);
  EXPECT_FALSE(ReadFrontMatter(*split, {"r.md", text, 2}, diags));
  EXPECT_EQ(
      diags.FormatAll(),
      "r.md:3:7: error: date must be a real date written YYYY-MM-DD, like 2022-01-20\n"
      "  date: 2021-02-29\n        ^\n"
      "r.md:4:1: error: unknown key 'author'; allowed keys: title, date, summary, index_number\n"
      "  author: x\n  ^\n");
}

TEST(ReadFrontMatter, ReadsTheIndexNumberOfOneLine) {
  Diagnostics diags;
  std::string text = "---\ntitle: T\nindex_number: 11130100MB0000000X/2022-00001\n---\n";
  auto split = SplitFrontMatter(text, "r.md", diags);
  auto fm = ReadFrontMatter(*split, {"r.md", text, 2}, diags);
  ASSERT_TRUE(fm) << diags.FormatAll();
  EXPECT_EQ(fm->index_number, "11130100MB0000000X/2022-00001");

  std::string long_one = "---\nindex_number: " + std::string(65, 'A') + "\n---\n";
  split = SplitFrontMatter(long_one, "r.md", diags);
  EXPECT_FALSE(ReadFrontMatter(*split, {"r.md", long_one, 2}, diags));
  EXPECT_EQ(diags.FormatAll().rfind("r.md:2:15: error: index_number must be one line of at most "
                                    "64 characters, like 11130100MB0000000X/2022-00001\n",
                                    0),
            0u)
      << diags.FormatAll();
}

TEST(IsValidDate, KnowsTheCalendar) {
  EXPECT_TRUE(IsValidDate("2024-02-29"));
  EXPECT_FALSE(IsValidDate("2023-02-29"));
  EXPECT_FALSE(IsValidDate("2023-13-01"));
  EXPECT_FALSE(IsValidDate("2023-1-01"));
}

}  // namespace
}  // namespace nianbao
