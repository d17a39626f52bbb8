// Code point classes for Chinese (and Japanese, Korean) text. Internal to src/markdown/.
// What each class holds and why is in docs/markdown.md.
#pragma once

#include <string_view>

namespace nianbao::markdown {

/// Decodes the code point starting at s[i]; sets *length (invalid bytes: U+FFFD, length 1).
char32_t DecodeUtf8(std::string_view s, size_t i, int* length);
/// The code point ending just before s[i]; '\n' if i is 0.
char32_t PreviousCodePoint(std::string_view s, size_t i);
/// The code point starting at s[i]; '\n' at the end.
char32_t NextCodePoint(std::string_view s, size_t i);

/// cmark-gfm's own whitespace and punctuation tables (the ones its flanking rules use).
bool IsSpace(char32_t c);
bool IsPunctuation(char32_t c);

/// A "CJK character" of the CJK-friendly emphasis amendment (tats-u/markdown-cjk-friendly,
/// ranges.md, Unicode 16): East Asian Width W, F or H and not emoji, or Hangul. Holds
/// ideographs, kana, hangul, bopomofo, CJK and full-width punctuation, not “” ‘’ … — ·
/// (width "ambiguous").
bool IsCjk(char32_t c);
bool IsHangul(char32_t c);
/// U+FE00..U+FE0E: a variation selector that may follow a CJK character (not the emoji one).
bool IsTextVariationSelector(char32_t c);
/// U+E0100..U+E01EF: an ideographic variation selector (葛󠄀).
bool IsIdeographicVariationSelector(char32_t c);
/// ‘ ’ “ ” : followed by U+FE01 they are the full-width (CJK) forms.
bool IsAmbiguousQuote(char32_t c);

/// Whether a soft line break between these two characters is dropped rather than shown as
/// a space: both are Chinese or Japanese text (CJK but not Hangul, since Korean puts spaces
/// between words; or one of “ ” ‘ ’ … — ·), and at least one is CJK itself.
bool JoinsWithoutSpace(char32_t before, char32_t after);

/// Characters that end an autolink: full-width punctuation, CJK brackets and quotes, …,
/// ——, the ideographic space. Not · or ・ (Wikipedia titles: 艾萨克·牛顿).
bool IsUrlStop(char32_t c);

}  // namespace nianbao::markdown
