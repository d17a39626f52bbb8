#include "markdown/footnote_labels.h"

#include <string_view>

#include "markdown/emphasis.h"

namespace nianbao::markdown {

namespace {

// Whether the label after `[^` at `from` is plain, so that cmark closes it at its first
// `]`, on the same line, with nothing inside that becomes another node's text: at least
// one character, none of them white space or a control, `[`, `\` or a backtick (escapes,
// code spans and links could move or hide the `]`); a `<` only as a tag or autolink that
// ends at a `>` before the `]` with no quote in it; and no `://` or `www.` (the autolink
// extension could take the `]` into its link).
bool PlainFootnoteLabel(std::string_view text, size_t from) {
  bool in_tag = false;
  for (size_t i = from; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ']') {
      const std::string_view label = text.substr(from, i - from);
      return i > from && !in_tag && label.find("://") == label.npos &&
             label.find("www.") == label.npos;
    }
    if (c <= ' ' || c == 0x7F || c == '[' || c == '\\' || c == '`') return false;
    if (c == '<') in_tag = true;
    if (c == '>') in_tag = false;
    if (in_tag && (c == '"' || c == '\'')) return false;
  }
  return false;
}

// Whether an entity at `at` (just after `[`) is a caret: &Hat; or &#94; / &#x5E; with any
// number of leading zeros.
bool CaretEntity(std::string_view text, size_t at) {
  if (text.substr(at, 5) == "&Hat;") return true;
  if (text.substr(at, 2) != "&#") return false;
  size_t i = at + 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  unsigned long value = 0;
  size_t digits = 0;
  for (; i < text.size() && digits < 12; ++i, ++digits) {
    const char c = text[i];
    int d = c >= '0' && c <= '9'          ? c - '0'
            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                          : -1;
    if (d < 0) break;
    value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
  }
  return digits > 0 && i < text.size() && text[i] == ';' && value == '^';
}

}  // namespace

bool GuardFootnoteLabels(std::string* text) {
  std::string_view in(*text);
  if (in.find('[') == in.npos || in.find_first_of("^&") == in.npos) return false;
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\') {
      ++i;  // `\[` opens nothing
      continue;
    }
    if (in[i] != '[' || i + 1 >= in.size()) continue;
    const size_t next = i + 1;
    const bool broken = in[next] == '^'               ? !PlainFootnoteLabel(in, next + 1)
                        : in.substr(next, 2) == "\\^" ? true
                        : in[next] == '&'             ? CaretEntity(in, next)
                                                      : false;
    if (!broken) continue;
    if (out.empty()) out.reserve(in.size() + 16);
    out.append(in.substr(copied, next - copied));
    out.append(kOtherMarker);
    copied = next;
  }
  if (copied == 0) return false;
  out.append(in.substr(copied));
  *text = std::move(out);
  return true;
}

}  // namespace nianbao::markdown
