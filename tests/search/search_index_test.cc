#include "search/search_index.h"

#include <gtest/gtest.h>

namespace nianbao::search {
namespace {

TEST(SearchIndex, WritesPagesShardsAndSnippetsInPathOrder) {
  SearchIndex index;
  // Added out of order, as render threads do: numbers follow the paths.
  index.Add({"zh", "zh/reports/b/2021/index.html", "report", "b", "2021年", 2021, "乙局"},
            "<main><h1>食品抽检</h1><p>抽检合格。</p></main>");
  index.Add({"zh", "zh/reports/a/2020/index.html", "report", "a", "2020年", 2020, ""},
            "<main><h1>年报</h1><p>食品抽检，抽检。</p></main>");
  index.Add({"en", "en/pages/about/index.html", "page", "", "", 0, ""},
            "<main><h1>About</h1></main>");
  OutputFiles files = index.Files("zh", {{"a", "甲局"}, {"b", "乙局"}});
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].path, "assets/search/zh.js");
  EXPECT_EQ(files[0].bytes,
            "nianbaoSearch.meta(\"zh\",{\"shards\":1,\"chunk\":16,\"bureaus\":[[\"a\",\"甲局\"],"
            "[\"b\",\"乙局\"]],\"docs\":[[\"zh/reports/a/2020/index.html\",\"年报\",\"report\",0,"
            "2020,\"2020年\"],[\"zh/reports/b/2021/index.html\",\"食品抽检\",\"report\",1,2021,"
            "\"2021年\"]],\"years\":[2021,2020]});\n");
  // Page 0 has 抽检 twice in its text; page 1 once in the title (4) and once in the text.
  // Lists are deltas of page << 3 | flags.
  EXPECT_EQ(files[1].path, "assets/search/zh-0.js");
  EXPECT_EQ(files[1].bytes,
            "nianbaoSearch.shard(\"zh\",0,{\"乙局\":[9],\"合格\":[9],\"品抽\":[1,12],"
            "\"年报\":[4],\"抽检\":[2,13],\"检合\":[9],\"食品\":[1,12]});\n");
  EXPECT_EQ(files[2].path, "assets/search/zh-t0.js");
  EXPECT_EQ(files[2].bytes,
            "nianbaoSearch.text(\"zh\",0,[\"食品抽检，抽检。\",\"抽检合格。\"]);\n");
}

}  // namespace
}  // namespace nianbao::search
