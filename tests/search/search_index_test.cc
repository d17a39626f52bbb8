#include "search/search_index.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

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

// A snippet is the first kSnippetChars code points of the text, whatever their widths and
// wherever a 16-byte block ends inside one of them.
TEST(SearchIndex, SnippetIsTheTextsOpeningInCodePoints) {
  const std::string chars[] = {"a", "é", "检", "😀"};  // 1, 2, 3 and 4 bytes
  for (int shift = 0; shift < 7; ++shift) {
    std::string text(shift, 'x'), expected(shift, 'x');
    for (int i = 0; i < kSnippetChars + 50; ++i) {
      const std::string& c = chars[(i * 7 + i / 3) % 4];
      text += c;
      if (shift + i < kSnippetChars) expected += c;
    }
    SearchIndex index;
    index.Add({"zh", "zh/p/index.html", "page", "", "", 0, ""}, "<main><p>" + text + "</p></main>");
    const OutputFiles files = index.Files("zh", {});
    ASSERT_EQ(files.back().path, "assets/search/zh-t0.js");
    EXPECT_EQ(files.back().bytes, "nianbaoSearch.text(\"zh\",0,[\"" + expected + "\"]);\n")
        << "shift " << shift;
  }
}

// A build's index writes each snippet file as soon as its pages have come, and the files
// are the same bytes as an index that held every text until the end.
TEST(SearchIndex, StreamedSnippetsAreWrittenAsTheirPagesComeAndMatch) {
  std::vector<std::string> paths;
  for (int i = 0; i < 40; ++i) {  // three chunks: 16, 16 and 8 pages
    char path[64];
    std::snprintf(path, sizeof path, "zh/reports/b%02d/2021/index.html", i);
    paths.push_back(path);
  }
  auto html = [](int i) {
    return "<main><h1>报告" + std::to_string(i) + "</h1><p>抽检第" + std::to_string(i) +
           "批。</p></main>";
  };
  SearchIndex held;
  SearchIndex streamed;
  OutputFiles early;
  streamed.StreamSnippets("zh", paths, [&](OutputFile&& f) { early.push_back(std::move(f)); });
  // Added in an order other than the paths', as render threads do.
  for (int k = 0; k < 40; ++k) {
    const int i = (k * 7) % 40;
    DocInfo info{"zh", paths[i], "report", "", "2021年", 2021, ""};
    held.Add(info, html(i));
    streamed.Add(info, html(i));
    if (k == 0) {
      EXPECT_TRUE(early.empty());
    }
  }
  // Every page has come: all three snippet files are out before the index is written.
  ASSERT_EQ(early.size(), 3u);
  OutputFiles rest = streamed.Files("zh", {});
  OutputFiles expected = held.Files("zh", {});
  std::map<std::string, std::string> got, want;
  for (const OutputFile& f : early) got[f.path] = f.bytes;
  for (const OutputFile& f : rest) EXPECT_TRUE(got.emplace(f.path, f.bytes).second) << f.path;
  for (const OutputFile& f : expected) want[f.path] = f.bytes;
  EXPECT_EQ(got, want);
  EXPECT_EQ(
      got["assets/search/zh-t2.js"].rfind("nianbaoSearch.text(\"zh\",2,[\"抽检第32批。\",", 0), 0u);
}

// A page that never comes (its render failed) leaves its chunk to be written at the end,
// with an empty text in its place.
TEST(SearchIndex, AStreamedChunkMissingAPageIsWrittenAtTheEnd) {
  SearchIndex index;
  OutputFiles early;
  index.StreamSnippets("zh", {"zh/a/index.html", "zh/b/index.html"},
                       [&](OutputFile&& f) { early.push_back(std::move(f)); });
  index.Add({"zh", "zh/b/index.html", "page", "", "", 0, ""}, "<main><p>乙</p></main>");
  EXPECT_TRUE(early.empty());
  OutputFiles files = index.Files("zh", {});
  ASSERT_FALSE(files.empty());
  EXPECT_EQ(files.back().path, "assets/search/zh-t0.js");
  EXPECT_EQ(files.back().bytes, "nianbaoSearch.text(\"zh\",0,[\"\",\"乙\"]);\n");
}

// Postings are kept as varints of each part's token numbers: pages with tens of thousands of
// distinct tokens (numbers of three bytes and more) give the same lists as a small page.
TEST(SearchIndex, ManyDistinctTokensKeepTheirLists) {
  std::string many = "<main><h1>Ledger</h1><p>";
  for (int i = 0; i < 30000; ++i) many += "t" + std::to_string(i) + " ";
  many += "t7 t7 t7 t7 supercalifragilistic</p></main>";
  SearchIndex index;
  index.Add({"en", "en/b/index.html", "page", "", "", 0, ""},
            "<main><h1>Other</h1><p>t29999 t5 supercalifragilistic</p></main>");
  index.Add({"en", "en/a/index.html", "page", "", "", 0, ""}, many);
  std::string shards;
  for (const OutputFile& f : index.Files("en", {})) {
    if (f.path.find("/en-t") == std::string::npos && f.path != "assets/search/en.js") {
      shards += f.bytes;
    }
  }
  // Page 0 (en/a) once (flags 1), then page 1 once: deltas 0 << 3 | 1 and 1 << 3 | 1.
  EXPECT_NE(shards.find("\"t29999\":[1,9]"), std::string::npos);
  EXPECT_NE(shards.find("\"t5\":[1,9]"), std::string::npos);
  EXPECT_NE(shards.find("\"t0\":[1]"), std::string::npos);
  EXPECT_NE(shards.find("\"t7\":[3]"), std::string::npos);  // five times: capped at 3
  EXPECT_NE(shards.find("\"supercalifragilistic\":[1,9]"), std::string::npos);
  EXPECT_NE(shards.find("\"ledger\":[4]"), std::string::npos);
  EXPECT_NE(shards.find("\"other\":[12]"), std::string::npos);  // page 1 in its title
}

}  // namespace
}  // namespace nianbao::search
