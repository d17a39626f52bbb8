// Text-level fixes for Chinese Markdown: code point classes, the emphasis marker pre-pass.
// Internal to src/markdown/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao::markdown {

/// U+10FFFD (plane-16 private use): cmark sees it as neither whitespace nor punctuation.
/// Not U+E000: GBK's user-defined area maps onto U+E000..U+E765, so converted government
/// documents may hold it. Any U+10FFFD already in the input is removed with the markers.
inline constexpr std::string_view kMarker = "\xF4\x8F\xBF\xBD";

/// Decodes the code point starting at s[i]; sets *length (invalid bytes: U+FFFD, length 1).
char32_t DecodeUtf8(std::string_view s, size_t i, int* length);
/// The code point ending just before s[i]; '\n' if i is 0.
char32_t PreviousCodePoint(std::string_view s, size_t i);

/// Punctuation of Chinese text that cmark counts as punctuation in flanking rules:
/// CJK symbols (、。《》「」【】〔〕…), full-width ASCII punctuation (，：！？（）…),
/// curly quotes, dashes, … and ·.
bool IsCjkPunctuation(char32_t c);
/// Ideographs, kana, hangul, bopomofo, full-width forms and CJK punctuation.
bool IsCjkSide(char32_t c);
/// Characters that end an autolink: full-width punctuation, CJK brackets and quotes, …,
/// ——, the ideographic space. Not · or ・ (Wikipedia titles: 艾萨克·牛顿).
bool IsUrlStop(char32_t c);

/// Inserts kMarker on the inner side of each unescaped `*` run that touches CJK
/// punctuation while its other side is CJK, so cmark's flanking rules let it open or
/// close. Lines with skip_line[line] (1-based; code and HTML blocks), code spans and
/// footnote labels ([^…]) are copied as they are. Returns nullopt if nothing needed a marker.
std::optional<std::string> AddEmphasisMarkers(std::string_view text,
                                              const std::vector<bool>& skip_line);

/// Removes every kMarker from s.
void RemoveMarkers(std::string* s);

}  // namespace nianbao::markdown
