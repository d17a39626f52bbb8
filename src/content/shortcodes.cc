#include "content/shortcodes.h"

#include "core/ids.h"
#include "core/text.h"

namespace nianbao {

namespace {
const std::string kOpen = "\xF4\x80\x80\x80";   // U+100000
const std::string kClose = "\xF4\x80\x80\x81";  // U+100001
}  // namespace

std::string ShortcodePlaceholder(size_t index) {
  return kOpen + "s" + std::to_string(index) + kClose;
}
std::string ChartPlaceholder(size_t index) { return kOpen + "c" + std::to_string(index) + kClose; }

ShortcodeScan ScanShortcodes(std::string_view body, const std::string& path,
                             std::string_view file_text, int body_first_line, bool allowed,
                             Diagnostics& diags) {
  ShortcodeScan out;
  size_t pos = 0;
  while (true) {
    size_t start = body.find("{{<", pos);
    if (start == std::string_view::npos) break;
    out.text.append(body.substr(pos, start - pos));
    // Position of the shortcode in the file.
    size_t line_start = body.rfind('\n', start);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    int line = body_first_line;
    for (size_t i = 0; i < start; ++i) line += body[i] == '\n';
    Position at{path, line, Utf8Length(body.substr(line_start, start - line_start)) + 1};
    auto error = [&](const std::string& message) {
      diags.Error(at, message, LineOf(file_text, at.line));
    };

    size_t end = body.find(">}}", start + 3);
    size_t newline = body.find('\n', start);
    if (end == std::string_view::npos || (newline != std::string_view::npos && newline < end)) {
      error("shortcode is not closed: write {{< value ID >}} on one line");
      out.text.append(body.substr(start, 3));
      pos = start + 3;
      continue;
    }
    std::string_view inner = Trim(body.substr(start + 3, end - start - 3));
    pos = end + 3;
    if (StartsWith(inner, "/*") && EndsWith(inner, "*/")) {
      out.text += "{{< " + std::string(Trim(inner.substr(2, inner.size() - 4))) + " >}}";
      continue;
    }
    std::vector<std::string> words;
    for (size_t i = 0; i < inner.size();) {
      size_t b = inner.find_first_not_of(" \t", i);
      if (b == std::string_view::npos) break;
      size_t e = inner.find_first_of(" \t", b);
      if (e == std::string_view::npos) e = inner.size();
      words.emplace_back(inner.substr(b, e - b));
      i = e;
    }
    if (!allowed) {
      error("shortcodes are only for report narratives, not for pages");
      continue;
    }
    if (words.empty()) {
      error("empty shortcode: write {{< value ID >}} or {{< change ID >}}");
      continue;
    }
    if (words[0] != "value" && words[0] != "change") {
      error("unknown shortcode '" + words[0] + "'" + DidYouMean(words[0], {"value", "change"}) +
            "; shortcodes are value and change");
      continue;
    }
    if (words.size() != 2) {
      error("shortcode '" + words[0] + "' takes one indicator id: {{< " + words[0] + " ID >}}");
      continue;
    }
    out.text += ShortcodePlaceholder(out.shortcodes.size());
    out.shortcodes.push_back({words[0], words[1], at});
  }
  out.text.append(body.substr(pos));
  return out;
}

std::string FillPlaceholders(std::string_view text, const std::vector<std::string>& shortcodes,
                             const std::vector<std::string>& charts) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  size_t pos = 0;
  while (true) {
    size_t open = text.find(kOpen, pos);
    if (open == std::string_view::npos) break;
    size_t kind = open + kOpen.size();
    size_t close = text.find(kClose, kind);
    if (close == std::string_view::npos || kind + 1 >= close) break;
    const char which = text[kind];
    size_t index = 0;
    bool number = which == 's' || which == 'c';
    for (size_t i = kind + 1; number && i < close; ++i) {
      number = text[i] >= '0' && text[i] <= '9';
      index = index * 10 + static_cast<size_t>(text[i] - '0');
    }
    if (!number) {  // not one of ours: keep it as it is
      out.append(text, pos, close + kClose.size() - pos);
      pos = close + kClose.size();
      continue;
    }
    out.append(text, pos, open - pos);
    const std::vector<std::string>& fills = which == 's' ? shortcodes : charts;
    if (index < fills.size()) out += fills[index];
    pos = close + kClose.size();
  }
  out.append(text, pos);
  return out;
}

}  // namespace nianbao
