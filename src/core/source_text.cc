#include "core/source_text.h"

#include <cstdio>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/text.h"

namespace nianbao {

namespace {

std::string CodePointName(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// The excerpt shown under a message, with one visible character for each one a terminal
// cannot show (so the caret stays in place): an invalid byte or a reserved character as
// U+FFFD, a C0 control character as its symbol (U+2400 ␀ …).
std::string Printable(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    int n = 1;
    char32_t c = DecodeUtf8At(text, i, &n);
    if (c < 0x20 && c != '\t') {
      AppendUtf8(out, 0x2400 + c);
    } else if (c == 0x7F) {
      AppendUtf8(out, 0x2421);
    } else if (c == kInvalidCodePoint || !ForbiddenCharacter(c).empty()) {
      AppendUtf8(out, 0xFFFD);
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

// A character reference of CommonMark (&#1234; with 1-7 digits, &#x1F; with 1-6 hex
// digits) starting at text[i]: its length and code point, or length 0.
size_t CharacterReference(std::string_view text, size_t i, char32_t* code) {
  if (text.compare(i, 2, "&#") != 0) return 0;
  size_t j = i + 2;
  const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
  if (hex) ++j;
  const size_t digits_start = j;
  uint32_t value = 0;
  while (j < text.size() && j - digits_start < (hex ? 6u : 7u)) {
    char c = text[j];
    int d = c >= '0' && c <= '9'          ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (d < 0) break;
    value = value * (hex ? 16 : 10) + d;
    ++j;
  }
  if (j == digits_start || j >= text.size() || text[j] != ';') return 0;
  *code = value;
  return j + 1 - i;
}

// Walks the text once, keeping the line, its start and the column of the current byte.
class Checker {
 public:
  Checker(std::string_view text, const std::string& path, int first_line, Diagnostics& diags)
      : text_(text), path_(path), line_(first_line), diags_(diags) {}

  bool Run(SourceKind kind) {
    // A byte-order mark is no column in an editor.
    for (size_t i = StartsWith(text_, "\xEF\xBB\xBF") ? 3 : 0; i < text_.size();) {
      // The common characters first, without decoding: printable ASCII (but '&', which may
      // start a character reference in Markdown), and well-formed three-byte sequences
      // (U+0800–U+FFFF, Chinese among them), none of which is ever refused.
#ifdef __SSE2__
      // Sixteen printable ASCII bytes at a time (English text, YAML): none is refused.
      if (const auto first = static_cast<unsigned char>(text_[i]); first >= 0x20 && first < 0x7F) {
        const __m128i space = _mm_set1_epi8(0x20), del = _mm_set1_epi8(0x7F),
                      amp = _mm_set1_epi8(kind == SourceKind::kMarkdown ? '&' : 0x7F);
        while (i + 16 <= text_.size()) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + i));
          // Signed: bytes from 0x80 on are negative, so below 0x20 too.
          const __m128i bad =
              _mm_or_si128(_mm_cmplt_epi8(v, space),
                           _mm_or_si128(_mm_cmpeq_epi8(v, del), _mm_cmpeq_epi8(v, amp)));
          if (_mm_movemask_epi8(bad) != 0) break;
          i += 16;
          col_ += 16;
        }
        if (i >= text_.size()) break;
      }
#endif
      const auto b = static_cast<unsigned char>(text_[i]);
      if (b >= 0x20 && b < 0x7F && (b != '&' || kind != SourceKind::kMarkdown)) {
        ++i;
        ++col_;
        continue;
      }
      if (b >= 0xE0 && b <= 0xEF && i + 2 < text_.size()) {
        const auto b1 = static_cast<unsigned char>(text_[i + 1]);
        const auto b2 = static_cast<unsigned char>(text_[i + 2]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && !(b == 0xE0 && b1 < 0xA0) &&
            !(b == 0xED && b1 >= 0xA0)) {
          i += 3;
          ++col_;
          continue;
        }
      }
      int n = 1;
      char32_t c = DecodeUtf8At(text_, i, &n);
      if (c == kInvalidCodePoint) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text_[i]));
        Report(i, std::string("not valid UTF-8 (byte ") + byte + "): save the file as UTF-8");
        return false;  // what follows is likely all wrong: one message is enough
      }
      if (c == '\n') {
        ++line_;
        line_start_ = i + 1;
        col_ = 1;
        i += 1;
        continue;
      }
      if (c == '\r') {
        if (i + 1 >= text_.size() || text_[i + 1] != '\n') {
          Report(i,
                 "carriage return (U+000D) without a line feed after it: save the file with LF "
                 "or CRLF line endings");
        }
      } else if (std::string why = ForbiddenCharacter(c); !why.empty()) {
        Report(i, why + " is not allowed here: remove it");
      } else if (c == '&' && kind == SourceKind::kMarkdown) {
        char32_t code = 0;
        if (size_t len = CharacterReference(text_, i, &code)) {
          // cmark turns &#0; into U+FFFD itself; others it would write out as they are.
          std::string why = code == 0      ? ""
                            : code == '\r' ? "carriage return U+000D"
                                           : ForbiddenCharacter(code);
          if (!why.empty()) {
            Report(i, "'" + std::string(text_.substr(i, len)) + "' stands for " + why +
                          ", which is not allowed here: remove it");
          }
        }
      }
      i += n;
      ++col_;
    }
    return clean_;
  }

 private:
  void Report(size_t at, std::string message) {
    clean_ = false;
    if (diags_.Full(path_)) {
      diags_.CountLeftOut(path_, Severity::kError);
      return;
    }
    size_t end = text_.find('\n', line_start_);
    std::string_view line = text_.substr(
        line_start_, end == std::string_view::npos ? std::string_view::npos : end - line_start_);
    if (!line.empty() && line.back() == '\r' && at + 1 < line_start_ + line.size()) {
      line.remove_suffix(1);
    }
    Excerpt e = ExcerptAt(line, at - line_start_);
    diags_.Add(
        {{path_, line_, col_}, Severity::kError, std::move(message), Printable(e.text), e.col});
  }

  std::string_view text_;
  const std::string& path_;
  int line_;
  size_t line_start_ = 0;
  int col_ = 1;
  bool clean_ = true;
  Diagnostics& diags_;
};

}  // namespace

std::string ForbiddenCharacter(char32_t c) {
  if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
    return "control character " + CodePointName(c);
  }
  if (c >= kReservedFirst && c <= 0x10FFFF) {
    return CodePointName(c) + " (a private-use character that nianbao reserves for itself)";
  }
  return "";
}

bool CheckSourceText(std::string_view text, const std::string& path, int first_line,
                     SourceKind kind, Diagnostics& diags) {
  return Checker(text, path, first_line, diags).Run(kind);
}

std::string TextValueProblem(std::string_view value) {
  if (!IsValidUtf8(value)) return "this text is not valid UTF-8";
  for (size_t i = 0; i < value.size();) {
    int n = 1;
    char32_t c = DecodeUtf8At(value, i, &n);
    std::string why = c == '\r' ? "carriage return U+000D" : ForbiddenCharacter(c);
    if (!why.empty()) {
      return "an escape in this text stands for " + why + ", which is not allowed: remove it";
    }
    i += n;
  }
  return "";
}

}  // namespace nianbao
