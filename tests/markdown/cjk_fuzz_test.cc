// Differential fuzz test of the Chinese fixes: random fragments of government reports with
// * _ ~, brackets, links, code and punctuation. nianbao must render each as plain cmark-gfm
// does or as the CJK-friendly rule does (inline_reference*.h, with CJK soft breaks joined
// in both), and never let a marker out. Deterministic: a fixed seed, std::mt19937 (its
// sequence is fixed by the standard) and no std distributions (theirs are not).
#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/baseline.h"
#include "markdown/emphasis.h"
#include "markdown/inline_reference_html.h"
#include "markdown/markdown.h"

namespace nianbao::markdown {
namespace {

using reference::RenderParagraph;
using reference::Rule;
using Pieces = std::vector<std::string_view>;

const Pieces kWords = {"全市",     "市场主体", "达到",   "加强", "领导",    "放管服", "改革",
                       "营商环境", "持续优化", "食品",   "抽检", "合格率",  "完成",   "年度目标",
                       "新增指标", "双随机",   "一公开", "条例", "通知",    "全文",   "命令",
                       "是关键",   "加快发展", "推荐",   "框架", "学习",    "教程",   "了解更多",
                       "政策信息", "监管",     "万户",   "𠮟",   "葛󠄀", "羽︀", "です",
                       "カタカナ", "한국어"};
const Pieces kLatin = {"React", "Vue", "Python", "GitHub", "Go",    "NET",   "HTML", "make test",
                       "OK",    "A",   "x",      "2023",   "12315", "98.7%", "5G"};
const Pieces kFullWidth = {"，", "。", "、", "；", "：", "？", "！",     "“",      "”",
                           "‘",  "’",  "《", "》", "（", "）", "【",     "】",     "「",
                           "」", "——", "……", "·",  "～", "〰", "。︀", "“︁", "”︁"};
const Pieces kAscii = {".", ",", ";", "?", "\"", "'", "(", ")", "-", "/", "%", "+", "=", "#", "$"};
const Pieces kDelimiters = {"*", "**", "***", "_", "__", "~", "~~", "~~~"};
const Pieces kOther = {" ", "[", "]", "](/zhengce/1)", "](./a \"题\")", "`", "`make test`", "``"};

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  // Lines always start with a Chinese word, so no line opens a block; no space touches a
  // newline (that would make hard breaks and trailing-space trimming, not tested here).
  std::string Fragment() {
    std::string out(Pick(kWords));
    for (size_t n = 1 + Below(24); n > 0; --n) {
      uint32_t roll = Below(100);
      if (roll < 30) {
        out += Pick(kDelimiters);
      } else if (roll < 54) {
        out += Pick(kWords);
      } else if (roll < 69) {
        out += Pick(kFullWidth);
      } else if (roll < 79) {
        out += Pick(kAscii);
      } else if (roll < 87) {
        out += Pick(kLatin);
      } else if (roll < 97) {
        out += Pick(kOther);
      } else if (out.back() != ' ' && out.back() != '\n') {
        out += '\n';
        out += Pick(kWords);
      }
    }
    while (out.back() == ' ') out.pop_back();
    return out;
  }

 private:
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(rng_() % n); }
  std::string_view Pick(const Pieces& pieces) { return pieces[Below(pieces.size())]; }

  std::mt19937 rng_;
};

bool HasMarker(std::string_view html) {
  return html.find(kOtherMarker) != std::string_view::npos ||
         html.find(kPunctMarker) != std::string_view::npos;
}

TEST(CjkFuzzTest, OutputIsPlainCmarkGfmOrTheCjkFriendlyRule) {
  constexpr int kIterations = 20000;
  Generator generator(20250612);
  int differ = 0, friendly = 0, plain = 0, failures = 0;
  for (int i = 0; i < kIterations && failures < 10; ++i) {
    std::string text = generator.Fragment();
    std::string cmark = RenderWithCmarkOnly(text, Options{});
    // The oracle reads Markdown as cmark-gfm does, or it proves nothing.
    ASSERT_EQ(RenderParagraph(text, Rule::kCommonMark, false), cmark) << "input: " << text;
    std::string ours = RenderBlocks(text, Options{});
    std::string want_plain = RenderParagraph(text, Rule::kCommonMark, true);
    std::string want_friendly = RenderParagraph(text, Rule::kCjkFriendly, true);
    differ += want_plain != want_friendly;
    if (HasMarker(ours)) {
      ++failures;
      ADD_FAILURE() << "a marker leaked\ninput: " << text << "\nnianbao: " << ours;
    } else if (ours == want_friendly) {
      friendly += want_plain != want_friendly;
    } else if (ours == want_plain) {
      ++plain;
    } else {
      ++failures;
      ADD_FAILURE() << "neither rule\ninput: " << text << "\nnianbao:   " << ours
                    << "cmark-gfm: " << want_plain << "friendly:  " << want_friendly;
    }
  }
  // The generator must exercise the rule, and the fixes must apply: nianbao falls back to
  // cmark-gfm only where it cannot reach the rule (clusters of five or more adjacent runs).
  EXPECT_GT(differ, kIterations / 10);
  EXPECT_LE(plain * 50, differ);
  std::cout << kIterations << " fragments, " << differ
            << " read differently by the two rules: " << friendly
            << " rendered by the CJK-friendly rule, " << plain << " left to cmark-gfm\n";
}

}  // namespace
}  // namespace nianbao::markdown
