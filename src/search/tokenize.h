// Search tokens (docs/search.md): the same rules as themes/default/assets/search.js, which
// tokenises the reader's query in the browser; a change here must be made there too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace nianbao::search {

/// One code point folded for matching: full-width ASCII to half-width, the ideographic
/// space to a space, Latin letters to lower case without accents ("É" → "e"). Always one
/// code point for one, so that a position in folded text is a position in the original.
char32_t Fold(char32_t c);
/// The folded text (invalid UTF-8 bytes become U+FFFD).
std::string FoldText(std::string_view utf8);

/// Han characters and kana: text without spaces, indexed by character pairs.
bool IsCjk(char32_t c);

/// The tokens of a text, in order and with repeats: each run of CJK characters gives its
/// overlapping pairs ("食品抽检" → 食品 品抽 抽检; a lone character is its own token), each
/// run of letters and digits a word, folded, with an English plural made singular
/// ("inspections" → "inspection", "companies" → "company"); a few very common English
/// words ("the", "of") give nothing.
std::vector<std::string> Tokenize(std::string_view utf8);

/// Words that do not pack into a key (longer than 12 letters, or not ASCII), numbered in
/// the order first met.
class OtherWords {
 public:
  uint64_t KeyOf(std::string_view word);
  const std::string& Word(uint64_t key) const { return words_[key & 0xFFFFFFFF]; }

 private:
  std::unordered_map<std::string, uint64_t> keys_;
  std::vector<std::string> words_;
};

/// The tokens of a text as numbers, appended to `keys`, for building the index without a
/// string per token: a CJK pair or a word of up to 12 [a-z0-9] is its own number
/// (KeyText gives it back); any other word is numbered by `others`. No key is 0.
void TokenKeys(std::string_view utf8, std::vector<uint64_t>& keys, OtherWords& others);
/// The two top bits of a key that OtherWords gave.
inline constexpr uint64_t kOtherTag = uint64_t{3} << 62;
/// A key that OtherWords gave (inline: tested for every posting).
inline bool IsOtherKey(uint64_t key) { return (key & kOtherTag) == kOtherTag; }
/// The token a key (not an other one) stands for.
std::string KeyText(uint64_t key);

/// FNV-1a over the token's code points: which index shard holds it (`% shards`).
uint32_t TokenHash(std::string_view token);

}  // namespace nianbao::search
