#include "content/shortcodes.h"

#include "core/ids.h"
#include "core/text.h"

namespace nianbao {

namespace {
const std::string kOpen = "\xF4\x80\x80\x80";   // U+100000
const std::string kClose = "\xF4\x80\x80\x81";  // U+100001

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Line, column and line bounds of positions in the body, moving forward only: each byte
// is looked at once however many shortcodes a line holds (a 50 MB body, one pass).
class Cursor {
 public:
  Cursor(std::string_view body, int first_line) : body_(body), line_(first_line) { FindLineEnd(); }

  void MoveTo(size_t to) {
    for (; at_ < to; ++at_) {
      if (body_[at_] == '\n') {
        ++line_;
        line_start_ = at_ + 1;
        col_ = 1;
        FindLineEnd();
      } else if (!IsContinuation(body_[at_])) {
        ++col_;
      }
    }
  }
  int line() const { return line_; }
  int col() const { return col_; }
  size_t line_start() const { return line_start_; }
  size_t line_end() const { return line_end_; }  // the '\n' or the end of the body
  /// The line without its line ending.
  std::string_view Line() const {
    std::string_view line = body_.substr(line_start_, line_end_ - line_start_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
  }

 private:
  void FindLineEnd() {
    line_end_ = body_.find('\n', line_start_);
    if (line_end_ == std::string_view::npos) line_end_ = body_.size();
  }
  std::string_view body_;
  size_t at_ = 0;
  int line_;
  size_t line_start_ = 0;
  size_t line_end_ = 0;
  int col_ = 1;
};

void AppendPlaceholder(std::string& out, char kind, size_t index) {
  out += kOpen;
  out += kind;
  out += std::to_string(index);
  out += kClose;
}

}  // namespace

std::string ShortcodePlaceholder(size_t index) {
  std::string out;
  AppendPlaceholder(out, 's', index);
  return out;
}
std::string ChartPlaceholder(size_t index) {
  std::string out;
  AppendPlaceholder(out, 'c', index);
  return out;
}

ShortcodeScan ScanShortcodes(std::string_view body, const std::string& path, int body_first_line,
                             bool allowed, Diagnostics& diags) {
  ShortcodeScan out;
  out.text.reserve(body.size());
  Cursor cursor(body, body_first_line);
  size_t pos = 0;
  size_t close = 0;  // the next ">}}" at or after `pos`, or npos: found once, not per "{{<"
  bool close_known = false;
  while (true) {
    size_t start = body.find("{{<", pos);
    if (start == std::string_view::npos) break;
    out.text.append(body.substr(pos, start - pos));
    cursor.MoveTo(start);
    Position at{path, cursor.line(), cursor.col()};
    auto error = [&](const std::string& message) {
      if (diags.Full(path)) {
        diags.CountLeftOut(path, Severity::kError);
        return;
      }
      Excerpt e = ExcerptAt(cursor.Line(), start - cursor.line_start());
      diags.Add({at, Severity::kError, message, std::move(e.text), e.col});
    };

    if (!close_known || (close != std::string_view::npos && close < start + 3)) {
      close = body.find(">}}", start + 3);
      close_known = true;
    }
    if (close == std::string_view::npos || close > cursor.line_end()) {
      error("shortcode is not closed: write {{< value ID >}} on one line");
      out.text.append(body.substr(start, 3));
      pos = start + 3;
      continue;
    }
    const size_t end = close;
    std::string_view inner = Trim(body.substr(start + 3, end - start - 3));
    pos = end + 3;
    if (StartsWith(inner, "/*") && EndsWith(inner, "*/")) {
      out.text += "{{< " + std::string(Trim(inner.substr(2, inner.size() - 4))) + " >}}";
      continue;
    }
    // Up to three words are enough to tell every case apart.
    std::string_view words[3];
    size_t count = 0;
    for (size_t i = 0; i < inner.size() && count < 3;) {
      size_t b = inner.find_first_not_of(" \t", i);
      if (b == std::string_view::npos) break;
      size_t e = inner.find_first_of(" \t", b);
      if (e == std::string_view::npos) e = inner.size();
      words[count++] = inner.substr(b, e - b);
      i = e;
    }
    if (!allowed) {
      error("shortcodes are only for report narratives, not for pages");
      continue;
    }
    if (count == 0) {
      error("empty shortcode: write {{< value ID >}} or {{< change ID >}}");
      continue;
    }
    const std::string name(words[0]);
    if (name != "value" && name != "change") {
      error("unknown shortcode '" + name + "'" + DidYouMean(name, {"value", "change"}) +
            "; shortcodes are value and change");
      continue;
    }
    if (count != 2) {
      error("shortcode '" + name + "' takes one indicator id: {{< " + name + " ID >}}");
      continue;
    }
    AppendPlaceholder(out.text, 's', out.shortcodes.size());
    out.shortcodes.push_back({name, std::string(words[1]), std::move(at), start});
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

void CheckShortcodeIndicators(const ShortcodeScan& scan, std::string_view body,
                              const Catalog& catalog, Diagnostics& diags) {
  if (!catalog.indicators_loaded) return;  // its own errors are reported; no cascade
  std::vector<std::string> ids;
  for (const Shortcode& sc : scan.shortcodes) {
    if (catalog.FindIndicator(sc.arg)) continue;
    if (diags.Full(sc.pos.path)) {
      diags.CountLeftOut(sc.pos.path, Severity::kError);
      continue;
    }
    if (ids.empty()) ids = catalog.IndicatorIds();
    size_t line_start = body.rfind('\n', sc.offset);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    size_t line_end = body.find('\n', sc.offset);
    std::string_view line = body.substr(
        line_start, (line_end == std::string_view::npos ? body.size() : line_end) - line_start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    Excerpt e = ExcerptAt(line, sc.offset - line_start);
    diags.Add({sc.pos, Severity::kError,
               "unknown indicator '" + sc.arg + "' in shortcode" + DidYouMean(sc.arg, ids),
               std::move(e.text), e.col});
  }
}

}  // namespace nianbao
