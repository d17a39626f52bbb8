#include "markdown/cjk.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

#include <cmark-gfm/utf8.h>

namespace nianbao::markdown {

namespace {

bool In(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// ranges.md of tats-u/markdown-cjk-friendly (Unicode 16), sorted.
constexpr std::pair<char32_t, char32_t> kCjkRanges[] = {
    {0x1100, 0x11FF},   {0x20A9, 0x20A9},   {0x2329, 0x232A},   {0x2630, 0x2637},
    {0x268A, 0x268F},   {0x2E80, 0x2E99},   {0x2E9B, 0x2EF3},   {0x2F00, 0x2FD5},
    {0x2FF0, 0x303E},   {0x3041, 0x3096},   {0x3099, 0x30FF},   {0x3105, 0x312F},
    {0x3131, 0x318E},   {0x3190, 0x31E5},   {0x31EF, 0x321E},   {0x3220, 0x3247},
    {0x3250, 0xA48C},   {0xA490, 0xA4C6},   {0xA960, 0xA97C},   {0xAC00, 0xD7A3},
    {0xD7B0, 0xD7C6},   {0xD7CB, 0xD7FB},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE52},   {0xFE54, 0xFE66},   {0xFE68, 0xFE6B},   {0xFF01, 0xFFBE},
    {0xFFC2, 0xFFC7},   {0xFFCA, 0xFFCF},   {0xFFD2, 0xFFD7},   {0xFFDA, 0xFFDC},
    {0xFFE0, 0xFFE6},   {0xFFE8, 0xFFEE},   {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF6},
    {0x17000, 0x18CD5}, {0x18CFF, 0x18D1E}, {0x18D80, 0x18DF2}, {0x1AFF0, 0x1AFF3},
    {0x1AFF5, 0x1AFFB}, {0x1AFFD, 0x1AFFE}, {0x1B000, 0x1B122}, {0x1B132, 0x1B132},
    {0x1B150, 0x1B152}, {0x1B155, 0x1B155}, {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB},
    {0x1D300, 0x1D356}, {0x1D360, 0x1D376}, {0x1F200, 0x1F200}, {0x1F202, 0x1F202},
    {0x1F210, 0x1F219}, {0x1F21B, 0x1F22E}, {0x1F230, 0x1F231}, {0x1F237, 0x1F237},
    {0x1F23B, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F260, 0x1F265}, {0x20000, 0x3FFFD},
};

// Full-width ASCII punctuation and the half-width CJK punctuation after it.
bool IsFullWidthPunctuation(char32_t c) {
  return In(c, 0xFF01, 0xFF0F) || In(c, 0xFF1A, 0xFF20) || In(c, 0xFF3B, 0xFF40) ||
         In(c, 0xFF5B, 0xFF65);
}

// 、。〃 〈〉《》「」『』【】 〔〕〖〗〘〙〚〛〜〝〞〟
bool IsCjkSymbolPunctuation(char32_t c) {
  return In(c, 0x3001, 0x3003) || In(c, 0x3008, 0x3011) || In(c, 0x3014, 0x301F);
}

// Vertical, compatibility and small forms (︐ ︵ ﹁ ﹐ …).
bool IsFormsPunctuation(char32_t c) {
  return In(c, 0xFE10, 0xFE19) || In(c, 0xFE30, 0xFE4F) || In(c, 0xFE50, 0xFE6B);
}

// Punctuation of Chinese text whose East Asian Width is "ambiguous": “ ” ‘ ’ … — ·.
bool IsChineseAmbiguousPunctuation(char32_t c) {
  return IsAmbiguousQuote(c) || c == 0x2026 || c == 0x2014 || c == 0xB7;
}

bool IsChineseOrJapanese(char32_t c) { return IsCjk(c) && !IsHangul(c); }

}  // namespace

char32_t DecodeUtf8(std::string_view s, size_t i, int* length) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char b = byte(0);
  int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *length = 1;
    return n == 1 ? b : 0xFFFD;
  }
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) {
      *length = 1;
      return 0xFFFD;
    }
    c = (c << 6) | (byte(k) & 0x3F);
  }
  *length = n;
  return c;
}

char32_t PreviousCodePoint(std::string_view s, size_t i) {
  if (i == 0) return '\n';
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  int length = 0;
  char32_t c = DecodeUtf8(s, start, &length);
  return start + length == i ? c : 0xFFFD;
}

char32_t NextCodePoint(std::string_view s, size_t i) {
  int length = 0;
  return i < s.size() ? DecodeUtf8(s, i, &length) : '\n';
}

bool IsSpace(char32_t c) { return cmark_utf8proc_is_space(static_cast<int32_t>(c)) != 0; }

bool IsPunctuation(char32_t c) {
  return cmark_utf8proc_is_punctuation(static_cast<int32_t>(c)) != 0;
}

bool IsCjk(char32_t c) {
  auto it = std::upper_bound(std::begin(kCjkRanges), std::end(kCjkRanges), c,
                             [](char32_t v, const auto& range) { return v < range.first; });
  return it != std::begin(kCjkRanges) && c <= std::prev(it)->second;
}

bool IsHangul(char32_t c) {
  return In(c, 0x1100, 0x11FF) || In(c, 0x3131, 0x318E) || In(c, 0xA960, 0xA97C) ||
         In(c, 0xAC00, 0xD7FB) || In(c, 0xFFA0, 0xFFDC);
}

bool IsTextVariationSelector(char32_t c) { return In(c, 0xFE00, 0xFE0E); }

bool IsIdeographicVariationSelector(char32_t c) { return In(c, 0xE0100, 0xE01EF); }

bool IsAmbiguousQuote(char32_t c) {
  return c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

bool JoinsWithoutSpace(char32_t before, char32_t after) {
  auto text = [](char32_t c) { return IsChineseOrJapanese(c) || IsChineseAmbiguousPunctuation(c); };
  return text(before) && text(after) && (IsChineseOrJapanese(before) || IsChineseOrJapanese(after));
}

bool IsUrlStop(char32_t c) {
  return c == 0x3000 || IsCjkSymbolPunctuation(c) || IsFullWidthPunctuation(c) ||
         IsFormsPunctuation(c) || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C ||
         c == 0x201D || c == 0x2026;
}

}  // namespace nianbao::markdown
