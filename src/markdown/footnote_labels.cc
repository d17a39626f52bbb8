#include "markdown/footnote_labels.h"

#include <string_view>

#include "markdown/emphasis.h"

namespace nianbao::markdown {

namespace {

// Where the label that starts at `from` (just after `[^`) ends, and whether a line ending
// comes first: cmark's label ends at the first unescaped `]` (an unescaped `[` ends the
// candidate too: the brackets nest, and the inner pair closes first).
bool LabelSpansLines(std::string_view text, size_t from) {
  bool line_ending = false;
  for (size_t i = from; i < text.size(); ++i) {
    switch (text[i]) {
      case '\\':
        ++i;  // an escaped character, a line ending included (a hard break)
        if (i < text.size() && (text[i] == '\n' || text[i] == '\r')) line_ending = true;
        break;
      case '\n':
      case '\r':
        line_ending = true;
        break;
      case ']':
        return line_ending;
      case '[':
        return false;
      default:
        break;
    }
  }
  return false;  // never closed: not a reference
}

}  // namespace

bool GuardMultilineFootnoteLabels(std::string* text) {
  std::string_view in(*text);
  if (in.find("[^") == in.npos && in.find("[\\^") == in.npos) return false;
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\\') {
      ++i;  // `\[` opens nothing
      continue;
    }
    if (in[i] != '[') continue;
    size_t caret = i + 1;
    if (in.substr(caret, 2) == "\\^") ++caret;
    if (caret >= in.size() || in[caret] != '^') continue;
    if (!LabelSpansLines(in, caret + 1)) continue;
    if (out.empty()) out.reserve(in.size() + 16);
    out.append(in.substr(copied, i + 1 - copied));
    out.append(kOtherMarker);
    copied = i + 1;
  }
  if (copied == 0) return false;
  out.append(in.substr(copied));
  *text = std::move(out);
  return true;
}

}  // namespace nianbao::markdown
