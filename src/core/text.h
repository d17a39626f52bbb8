// Small text utilities: UTF-8, HTML escaping, "did you mean".
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace nianbao {

/// Escapes & < > " ' for use in HTML text and attribute values.
std::string HtmlEscape(std::string_view text);

/// Number of code points in valid UTF-8 (invalid bytes count one each).
int Utf8Length(std::string_view text);
/// The first n code points of text.
std::string_view Utf8Prefix(std::string_view text, int n);
/// Terminal cells: East Asian wide and full-width characters count two.
int DisplayWidth(std::string_view text);
/// True if text is valid UTF-8 (exactly: overlong forms, surrogates and code points above
/// U+10FFFF are not).
bool IsValidUtf8(std::string_view text);
/// Byte offset of the first byte that does not start a valid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(std::string_view text);
/// Returned by DecodeUtf8At for a byte that starts no valid sequence.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;
/// The code point starting at text[i] and its length in bytes (an invalid byte: length 1,
/// kInvalidCodePoint).
char32_t DecodeUtf8At(std::string_view text, size_t i, int* length);
/// Appends the UTF-8 bytes of code point `c` (at most U+10FFFF).
void AppendUtf8(std::string& out, char32_t c);

/// Levenshtein distance over bytes; enough for ASCII ids and keys.
int EditDistance(std::string_view a, std::string_view b);
/// The closest candidate within a small distance, or "" if none is close.
std::string ClosestMatch(std::string_view name, const std::vector<std::string>& candidates);
/// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates);

/// Line `line` (1-based) of text, without its line ending; "" if out of range.
std::string LineOf(std::string_view text, int line);
/// Splits on '\n', dropping a trailing '\r' of each line.
std::vector<std::string_view> SplitLines(std::string_view text);

/// Whether `s` holds any of a few bytes: find_first_of calls memchr on `bytes` once per
/// byte of `s`, which costs per cent of a build on long texts. Up to four bytes are
/// looked for sixteen positions at a time (SSE2).
bool HasAnyOf(std::string_view s, std::string_view bytes);

/// Where `needle` first occurs in `hay` at or after `from`, or npos (an empty needle: at
/// `from`). Sixteen positions at a time where the needle's first and last bytes both match,
/// then compared: glibc's memmem (two-way, a byte at a time here) read every page twice.
size_t FindBytes(std::string_view hay, std::string_view needle, size_t from = 0);

// Inline: called per word by the search tokeniser and per path by the writers.
/// The pieces one after another, in one allocation (`a + "/" + b + …` grows a temporary
/// for every `+`: URLs are made for every link of every page).
inline std::string Cat(std::initializer_list<std::string_view> pieces) {
  size_t n = 0;
  for (std::string_view p : pieces) n += p.size();
  std::string out;
  out.reserve(n);
  for (std::string_view p : pieces) out.append(p);
  return out;
}

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}
inline bool EndsWith(std::string_view s, std::string_view suffix) { return s.ends_with(suffix); }
std::string_view Trim(std::string_view s);
/// Replaces every occurrence of from (non-empty) with to.
std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to);

}  // namespace nianbao
