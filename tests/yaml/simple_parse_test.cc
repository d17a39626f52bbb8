// The fast path must build exactly the tree yaml-cpp builds, or decline.
#include "yaml/simple_parse.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "support/site_runner.h"

namespace nianbao::yaml {
namespace {

void ExpectSameTree(const Node& a, const Node& b, const std::string& where) {
  ASSERT_EQ(a.kind, b.kind) << where;
  EXPECT_EQ(a.value, b.value) << where;
  EXPECT_EQ(a.plain, b.plain) << where;
  EXPECT_EQ(a.line, b.line) << where << " " << a.value;
  EXPECT_EQ(a.col, b.col) << where << " " << a.value;
  ASSERT_EQ(a.items.size(), b.items.size()) << where;
  ASSERT_EQ(a.entries.size(), b.entries.size()) << where;
  for (size_t i = 0; i < a.entries.size(); ++i) {
    ExpectSameTree(a.entries[i].key, b.entries[i].key, where + "/key");
    ExpectSameTree(a.entries[i].value, b.entries[i].value, where + "/" + a.entries[i].key.value);
  }
}

// Returns whether the fast path took the text.
bool Compare(const std::string& text, int first_line = 1) {
  Source source{"t.yaml", text, first_line};
  std::optional<Node> fast = ParseSimple(text, source);
  if (!fast) return false;
  Diagnostics diags;
  std::optional<Node> full = ParseFull(text, source, diags);
  EXPECT_TRUE(full && !diags.HasErrors()) << text;
  if (full) ExpectSameTree(*fast, *full, text);
  return true;
}

TEST(SimpleParseTest, TakesADataFileAndMatchesYamlCpp) {
  EXPECT_TRUE(Compare("values:\n  a: 1\n  b_2: -3.5\n  c: withheld\n  d: null\n  e: ~x\n") ==
              false);  // "~x" is outside the subset
  EXPECT_TRUE(
      Compare("# 注释 comment\nvalues:\n  a: 1\n\n  # inner\n  b: withheld\n  c: null\n"
              "notes_like: 5\n"));
  EXPECT_TRUE(Compare("a: 1\nb: NULL\n", 7));  // front-matter offsets too
  // A narrative's front matter and a bureau's names: CJK text and single spaces.
  EXPECT_TRUE(Compare("title: 2023年工作总结（上半年）\ndate: 2024-01-15\n", 2));
  EXPECT_TRUE(Compare("name:\n  zh: 测试0001市场监督管理局\n  en: Test Bureau 0001\n"));
}

TEST(SimpleParseTest, DeclinesWhatItDoesNotKnow) {
  for (const char* text : {"a: \"1\"\n",
                           "a: 'x'\n",
                           "a: [1, 2]\n",
                           "a:\n  - 1\n",
                           "a:\tb\n",
                           "a: 1 # c\n",
                           "a: 1\na: 2\n",
                           "a:\n",
                           "a: 1  \n",
                           "---\na: 1\n",
                           "a: 示例 \n",
                           "a:\n   b: 1\n",
                           " a: 1\n",
                           "a: b  c\n",
                           "a: b #c\n",
                           "a: \xC2\x85x\n",
                           "a: x\xE2\x80\xA8y\n",
                           "a: \xEF\xBB\xBFx\n",
                           "a: x, y\n",
                           "a: b: c\n",
                           "a: -\n",
                           "a: 1\r\n",
                           "values:\n  x: 1\n  x: 2\n",
                           "a: &x 1\n",
                           "a: *x\n"}) {
    EXPECT_FALSE(Compare(text)) << text;
  }
}

TEST(SimpleParseTest, RandomFilesMatchYamlCpp) {
  std::mt19937 rng(12345);
  const std::vector<std::string> keys = {"values", "notes", "a", "ind_001", "x-y", "null", "Z9"};
  const std::vector<std::string> values = {"1",
                                           "-2",
                                           "3.25",
                                           "-0.5",
                                           "010",
                                           "1e5",
                                           "true",
                                           "yes",
                                           "null",
                                           "Null",
                                           "NULL",
                                           "withheld",
                                           ".5",
                                           "+7",
                                           "a.b",
                                           "12-3",
                                           "-.5",
                                           "0x1F",
                                           "示例",
                                           "2023年工作总结",
                                           "（一）概况",
                                           "a：b",
                                           "ｘ２",
                                           "Annual report 2023",
                                           "食品 安全 抽检",
                                           "2024-01-15",
                                           "null 值",
                                           "- x",
                                           "a -b",
                                           "x # y",
                                           "x  y",
                                           "すし 寿司",
                                           "一、工作1",
                                           "测试0001市场监督管理局"};
  int taken = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int top = 1 + static_cast<int>(rng() % 3);
    for (int t = 0; t < top; ++t) {
      if (rng() % 5 == 0) text += "# comment 说明\n";
      const std::string& key = keys[rng() % keys.size()];
      if (rng() % 2) {
        text += key + ": " + values[rng() % values.size()] + "\n";
      } else {
        text += key + ":\n";
        int n = 1 + static_cast<int>(rng() % 4);
        for (int i = 0; i < n; ++i) {
          if (rng() % 7 == 0) text += "\n";
          text += "  " + keys[rng() % keys.size()] + std::to_string(i) + ": " +
                  values[rng() % values.size()] + "\n";
        }
      }
    }
    taken += Compare(text, 1 + static_cast<int>(rng() % 3));
  }
  EXPECT_GT(taken, 1000);  // most of these are inside the subset
}

TEST(SimpleParseTest, EveryDataFileOfTheFixturesMatches) {
  int taken = 0;
  for (const std::string root :
       {std::string(NIANBAO_SOURCE_DIR) + "/content", std::string(NIANBAO_TEST_SITES)}) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      if (e.path().extension() != ".yaml") continue;
      taken += Compare(testing::ReadFile(e.path().string()));
    }
  }
  EXPECT_GT(taken, 10);
}

}  // namespace
}  // namespace nianbao::yaml
