#include "search/tokenize.h"

#include <gtest/gtest.h>

namespace nianbao::search {
namespace {

using Tokens = std::vector<std::string>;

// The run of CJK Unified Ideographs read three bytes at a time ends where any other
// character starts: a three-byte one that is not Han (kana, U+4DFF), punctuation, ASCII,
// a four-byte Han character (the general case), or the end of the text.
TEST(Tokenize, HanRunsEndAtEveryOtherCharacter) {
  EXPECT_EQ(Tokenize("一丁かな七"), (Tokens{"一丁", "丁か", "かな", "な七"}));
  EXPECT_EQ(Tokenize("鿿一䷿一"), (Tokens{"鿿一", "一"}));  // U+9FFF, U+4DFF: not a word
  EXPECT_EQ(Tokenize("抽检𠀀样品ab抽"), (Tokens{"抽检", "检𠀀", "𠀀样", "样品", "ab", "抽"}));
  EXPECT_EQ(Tokenize("食\xE4\xB8品"), (Tokens{"食", "品"}));  // a cut character between
}

TEST(Tokenize, ChineseGivesOverlappingPairs) {
  EXPECT_EQ(Tokenize("食品抽检"), (Tokens{"食品", "品抽", "抽检"}));
  EXPECT_EQ(Tokenize("抽检"), (Tokens{"抽检"}));
  // A lone character is a token of its own; punctuation ends a run.
  EXPECT_EQ(Tokenize("年"), (Tokens{"年"}));
  EXPECT_EQ(Tokenize("食品安全，抽检合格率"),
            (Tokens{"食品", "品安", "安全", "抽检", "检合", "合格", "格率"}));
}

// Each side of the Han shortcut (U+4E00–U+9FFF): U+4DBF (CJK extension A) and U+4DC0 (a
// hexagram, not CJK) before it, U+A000 (a Yi syllable, not CJK) after it; a truncated
// sequence separates.
TEST(Tokenize, HanEitherSideOfTheShortcut) {
  EXPECT_EQ(Tokenize("\u4DBF\u4E00\u9FFF\uA000\u4E00\u4DC0\u4E01"),
            (Tokens{"\u4DBF\u4E00", "\u4E00\u9FFF", "\u4E00", "\u4E01"}));
  EXPECT_EQ(Tokenize("食品\xE9\xA3"), (Tokens{"食品"}));
  EXPECT_EQ(Tokenize("食\xE9\xA3品"), (Tokens{"食", "品"}));
}

TEST(Tokenize, MixedScriptsSplitWhereTheScriptChanges) {
  EXPECT_EQ(Tokenize("2021年食品抽检98.4%"),
            (Tokens{"2021", "年食", "食品", "品抽", "抽检", "98", "4"}));
  EXPECT_EQ(Tokenize("GB/T 37668标准"), (Tokens{"gb", "t", "37668", "标准"}));
}

TEST(Tokenize, EnglishWordsAreFoldedAndMadeSingular) {
  EXPECT_EQ(Tokenize("Special Equipment inspections"),
            (Tokens{"special", "equipment", "inspection"}));
  EXPECT_EQ(Tokenize("companies, classes, boxes, branches, status, analysis, gas, businesses"),
            (Tokens{"company", "class", "box", "branch", "status", "analysis", "gas", "business"}));
  EXPECT_EQ(Tokenize("The safety of food and drugs"), (Tokens{"safety", "food", "drug"}));
  EXPECT_EQ(Tokenize("Café RÉSUMÉ naïve Ærø"), (Tokens{"cafe", "resume", "naive", "ærø"}));
}

// ASCII words are read a whole run at a time and non-ASCII letters one by one: a word
// that switches between them, or that outgrows the buffer for whole runs, stays one word.
TEST(Tokenize, WordsAcrossTheAsciiShortcut) {
  EXPECT_EQ(Tokenize("CAFÉS naïves Ærøs x"), (Tokens{"cafe", "naive", "ærøs", "x"}));  // ø: no rule
  const std::string long_word(70, 'q');
  EXPECT_EQ(Tokenize(long_word + "S " + long_word + "é"), (Tokens{long_word, long_word + "e"}));
  EXPECT_EQ(Tokenize("The INSPECTIONS"), (Tokens{"inspection"}));
  EXPECT_EQ(Tokenize("ab食品cd"), (Tokens{"ab", "食品", "cd"}));
}

// Punctuation between U+0250 and U+303F (dashes, curly quotes, 、。「」) separates words
// and pairs without being folded; U+3040 (kana) and beyond are characters again.
TEST(Tokenize, PunctuationSeparates) {
  EXPECT_EQ(Tokenize("food\u2014drug \u201Cfood\u201D"), (Tokens{"food", "drug", "food"}));
  EXPECT_EQ(Tokenize("食品\u3001抽检\u300C合格\u300D"), (Tokens{"食品", "抽检", "合格"}));
  EXPECT_EQ(Tokenize("食\u303F品"), (Tokens{"食", "品"}));
  EXPECT_EQ(Tokenize("\u3041\u3042"), (Tokens{"\u3041\u3042"}));
  EXPECT_EQ(Tokenize("a\u0250b"), (Tokens{"b"}));  // "a" alone is a stop word
}

TEST(Tokenize, FullWidthLettersAndDigitsMatchHalfWidth) {
  EXPECT_EQ(Tokenize("ＧＢ／Ｔ　２０２１"), Tokenize("GB/T 2021"));
  EXPECT_EQ(Tokenize("ＡＭＲ"), (Tokens{"amr"}));
}

TEST(Tokenize, NothingToFind) {
  EXPECT_EQ(Tokenize(""), Tokens{});
  EXPECT_EQ(Tokenize("，。、 ——"), Tokens{});
  EXPECT_EQ(Tokenize("the of and"), Tokens{});
  EXPECT_EQ(Tokenize("\xFF\xFE"), Tokens{});  // invalid bytes separate, never crash
}

TEST(Fold, OneCodePointForOne) {
  EXPECT_EQ(Fold(U'Ａ'), U'a');
  EXPECT_EQ(Fold(U'９'), U'9');
  EXPECT_EQ(Fold(U'　'), U' ');
  EXPECT_EQ(Fold(U'Ü'), U'u');
  EXPECT_EQ(Fold(U'Ś'), U's');
  EXPECT_EQ(Fold(U'Ł'), U'Ł');  // no decomposition: kept, as NFKD keeps it
  EXPECT_EQ(Fold(U'食'), U'食');
  EXPECT_EQ(Fold(U'，'), U',');
  EXPECT_EQ(Fold(U'。'), U'。');  // CJK punctuation is not full-width ASCII: it stays
  EXPECT_EQ(FoldText("ＡＢｃ食品Éa"), "abc食品ea");
}

TEST(TokenHash, IsFnv1aOverCodePoints) {
  // The same numbers as search.js's hash(), which the browser tests check end to end.
  EXPECT_EQ(TokenHash(""), 2166136261u);
  EXPECT_EQ(TokenHash("a"), 0xe40c292cu);
  EXPECT_EQ(TokenHash("抽检"), TokenHash("抽检"));
  EXPECT_NE(TokenHash("抽检"), TokenHash("检抽"));
}

}  // namespace
}  // namespace nianbao::search

namespace nianbao::search {
namespace {

TEST(TokenKeys, GiveBackTheTokensOfTokenize) {
  const std::string text = "食品抽检 年 Special administration zero9 naïve ærø 𠀀𠀁";
  std::vector<uint64_t> keys;
  OtherWords others;
  TokenKeys(text, keys, others);
  std::vector<std::string> back;
  for (uint64_t k : keys) back.push_back(IsOtherKey(k) ? others.Word(k) : KeyText(k));
  EXPECT_EQ(back, Tokenize(text));
  EXPECT_EQ(back, (std::vector<std::string>{"食品", "品抽", "抽检", "年", "special",
                                            "administration", "zero9", "naive", "ærø", "𠀀𠀁"}));
  // Twelve letters pack, thirteen do not; the same other word keeps its key.
  EXPECT_FALSE(IsOtherKey(keys[4]));
  EXPECT_TRUE(IsOtherKey(keys[5]));
  EXPECT_TRUE(IsOtherKey(keys[8]));
  EXPECT_EQ(others.KeyOf("administration"), keys[5]);
}

}  // namespace
}  // namespace nianbao::search
