#include "markdown/cjk.h"

#include <algorithm>

namespace nianbao::markdown {

namespace {

bool In(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

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

bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool LineIsBlank(std::string_view s, size_t i) {
  for (; i < s.size() && s[i] != '\n'; ++i) {
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return false;
  }
  return true;
}

size_t RunEnd(std::string_view s, size_t i) {
  char c = s[i];
  while (i < s.size() && s[i] == c) ++i;
  return i;
}

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

bool IsCjkPunctuation(char32_t c) {
  return c == 0xB7 || In(c, 0x2010, 0x2027) || In(c, 0x2030, 0x205E) || IsCjkSymbolPunctuation(c) ||
         c == 0x3030 || c == 0x303D || c == 0x30FB || IsFormsPunctuation(c) ||
         IsFullWidthPunctuation(c);
}

bool IsCjkSide(char32_t c) {
  return In(c, 0x1100, 0x11FF) || In(c, 0x2E80, 0x2FFF) || In(c, 0x3001, 0x9FFF) ||
         In(c, 0xA960, 0xA97F) || In(c, 0xAC00, 0xD7FF) || In(c, 0xF900, 0xFAFF) ||
         In(c, 0xFF01, 0xFFEF) || In(c, 0x20000, 0x3FFFF) || IsCjkPunctuation(c);
}

bool IsUrlStop(char32_t c) {
  return c == 0x3000 || IsCjkSymbolPunctuation(c) || IsFullWidthPunctuation(c) ||
         IsFormsPunctuation(c) || c == 0x2014 || c == 0x2018 || c == 0x2019 || c == 0x201C ||
         c == 0x201D || c == 0x2026;
}

std::optional<std::string> AddEmphasisMarkers(std::string_view text,
                                              const std::vector<bool>& skip_line) {
  if (text.find('*') == std::string_view::npos) return std::nullopt;
  auto skipped = [&](size_t line) { return line < skip_line.size() && skip_line[line]; };
  std::string out;
  out.reserve(text.size() + 64);
  bool inserted = false;
  size_t line = 1;
  bool line_start = true;
  size_t i = 0;
  while (i < text.size()) {
    if (line_start) {
      line_start = false;
      if (skipped(line)) {
        size_t end = text.find('\n', i);
        end = end == std::string_view::npos ? text.size() : end + 1;
        out.append(text.substr(i, end - i));
        i = end;
        ++line;
        line_start = true;
        continue;
      }
    }
    char c = text[i];
    if (c == '\n') {
      out += c;
      ++i;
      ++line;
      line_start = true;
    } else if (c == '\\' && i + 1 < text.size() && IsAsciiPunctuation(text[i + 1])) {
      out.append(text.substr(i, 2));  // \* and \` are literal: never a delimiter
      i += 2;
    } else if (c == '[' && i + 1 < text.size() && text[i + 1] == '^') {
      // Footnote labels end up percent-encoded in ids, where a marker would survive.
      size_t end = text.find_first_of("]\n", i);
      end = end == std::string_view::npos ? text.size() : end;
      out.append(text.substr(i, end - i));
      i = end;
    } else if (c == '`') {
      // A code span closes at the next run of exactly as many backticks, within the
      // paragraph (it cannot cross a blank line or a code/HTML block).
      size_t open_end = RunEnd(text, i);
      size_t j = open_end, span_line = line, close_end = std::string_view::npos;
      while (j < text.size()) {
        if (text[j] == '\n') {
          ++span_line;
          if (skipped(span_line) || LineIsBlank(text, j + 1)) break;
          ++j;
        } else if (text[j] == '`') {
          size_t end = RunEnd(text, j);
          if (end - j == open_end - i) {
            close_end = end;
            break;
          }
          j = end;
        } else {
          ++j;
        }
      }
      size_t copy_end = close_end == std::string_view::npos ? open_end : close_end;
      if (close_end != std::string_view::npos) line = span_line;
      out.append(text.substr(i, copy_end - i));
      i = copy_end;
    } else if (c == '*') {
      size_t end = RunEnd(text, i);
      char32_t before = PreviousCodePoint(text, i);
      int length = 0;
      char32_t after = end < text.size() ? DecodeUtf8(text, end, &length) : '\n';
      bool mark_before = IsCjkPunctuation(before) && IsCjkSide(after);
      bool mark_after = IsCjkPunctuation(after) && IsCjkSide(before);
      if (mark_before) out += kMarker;
      out.append(text.substr(i, end - i));
      if (mark_after) out += kMarker;
      inserted = inserted || mark_before || mark_after;
      i = end;
    } else {
      size_t next = std::min(text.find_first_of("\n\\`*[", i + 1), text.size());
      out.append(text.substr(i, next - i));
      i = next;
    }
  }
  if (!inserted) return std::nullopt;
  return out;
}

void RemoveMarkers(std::string* s) {
  size_t found = s->find(kMarker);
  if (found == std::string::npos) return;
  size_t write = found;
  for (size_t read = found; read < s->size();) {
    if (s->compare(read, kMarker.size(), kMarker) == 0) {
      read += kMarker.size();
    } else {
      (*s)[write++] = (*s)[read++];
    }
  }
  s->resize(write);
}

}  // namespace nianbao::markdown
