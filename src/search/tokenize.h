// Search tokens (docs/search.md): the same rules as themes/default/assets/search.js, which
// tokenises the reader's query in the browser; a change here must be made there too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

/// FNV-1a over the token's code points: which index shard holds it (`% shards`).
uint32_t TokenHash(std::string_view token);

}  // namespace nianbao::search
