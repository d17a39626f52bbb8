#include "markdown/runs.h"

#include <algorithm>
#include <array>
#include <map>

#include "markdown/cjk.h"

namespace nianbao::markdown {

namespace {

bool IsAsciiPunctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The bytes the run finder stops at (a table: find_first_of calls memchr per byte).
bool IsSpecial(char c) {
  static constexpr auto kTable = [] {
    std::array<bool, 256> table{};
    for (unsigned char s : std::string_view("\n\\|`*_~[")) table[s] = true;
    return table;
  }();
  return kTable[static_cast<unsigned char>(c)];
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

// Block quote markers and list markers: what may precede a `>` that is itself a marker.
bool IsContainerPrefix(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '>') {
      ++i;
      continue;
    }
    size_t j = i;
    if (s[i] == '-' || s[i] == '+' || s[i] == '*') {
      ++j;
    } else {
      while (j < s.size() && j - i < 9 && IsDigit(s[j])) ++j;
      if (j == i || j >= s.size() || (s[j] != '.' && s[j] != ')')) return false;
      ++j;
    }
    if (j >= s.size() || (s[j] != ' ' && s[j] != '\t')) return false;
    i = j;
  }
  return true;
}

class RunFinder {
 public:
  RunFinder(std::string_view text, const LineKinds& lines) : text_(text), lines_(lines) {}

  std::vector<Run> Find() {
    std::vector<Run> runs;
    size_t i = 0;
    while (i < text_.size()) {
      if (i == line_begin_ && Is(line_, kCodeLine)) {
        size_t end = text_.find('\n', i);
        i = end == std::string_view::npos ? text_.size() : end + 1;
        NewLine(i);
        continue;
      }
      char c = text_[i];
      if (c == '\n') {
        NewLine(++i);
      } else if (c == '\\' && i + 1 < text_.size() && IsAsciiPunctuation(text_[i + 1])) {
        i += 2;  // \* and \` are literal: never a delimiter
      } else if (c == '|' && Is(line_, kTableLine)) {
        NewSubject();  // each table cell is parsed on its own
        ++i;
      } else if (c == '[' && i + 1 < text_.size() && text_[i + 1] == '^') {
        // Footnote labels end up percent-encoded in ids, where a marker would survive.
        i = std::min(text_.find_first_of("]\n", i), text_.size());
      } else if (c == '`' && !lines_.empty()) {
        i = SkipCodeSpan(i);
      } else if (c == '*' || c == '_' || c == '~') {
        runs.push_back(MakeRun(i, RunEnd(text_, i)));
        i = runs.back().end;
      } else {
        for (++i; i < text_.size() && !IsSpecial(text_[i]);) ++i;
      }
    }
    return runs;
  }

 private:
  bool Is(size_t line, uint8_t kind) const { return line < lines_.size() && (lines_[line] & kind); }

  // Whether the inline text that line_ belongs to ends before the line after it.
  bool EndsAfter(size_t line, size_t next_begin) const {
    return Is(line, kTableLine) || Is(line + 1, kCodeLine | kBlockStart) ||
           LineIsBlank(text_, next_begin);
  }

  void NewLine(size_t begin) {
    if (EndsAfter(line_, begin)) NewSubject();
    ++line_;
    line_begin_ = begin;
  }

  void NewSubject() {
    ticks_scanned_ = false;
    last_ticks_.clear();
  }

  // cmark's handle_backticks: a code span closes at the next run of exactly as many
  // backticks in the same inline text. Its cache is kept too: once a scan has run to the
  // end, a run of n ticks opens nothing if the last n-tick run recorded lies before it.
  // Returns where scanning goes on: after the span, or after the opening run.
  size_t SkipCodeSpan(size_t i) {
    size_t open_end = RunEnd(text_, i), ticks = open_end - i;
    auto recorded = last_ticks_.find(ticks);
    if (ticks_scanned_ && (recorded == last_ticks_.end() || recorded->second <= open_end)) {
      return open_end;
    }
    size_t line = line_, line_begin = line_begin_;
    for (size_t j = open_end; j < text_.size();) {
      char c = text_[j];
      if (c == '\n') {
        if (EndsAfter(line, j + 1)) break;
        ++line;
        line_begin = j + 1;
        ++j;
      } else if (c == '|' && Is(line, kTableLine) && text_[j - 1] != '\\') {
        break;
      } else if (c == '`') {
        size_t end = RunEnd(text_, j);
        last_ticks_[end - j] = j;
        if (end - j == ticks) {
          line_ = line;
          line_begin_ = line_begin;
          return end;
        }
        j = end;
      } else {
        ++j;
      }
    }
    ticks_scanned_ = true;
    return open_end;
  }

  // The code point before text_[i] as cmark sees it: a table's cell edge and a block
  // quote's `>` are the start of the inline text.
  char32_t Before(size_t i) const {
    char32_t c = PreviousCodePoint(text_, i);
    if (c == '|' && Is(line_, kTableLine) && !(i >= 2 && text_[i - 2] == '\\')) return '\n';
    if (c == '>' && Is(line_, kQuoteLine) &&
        IsContainerPrefix(text_.substr(line_begin_, i - 1 - line_begin_))) {
      return '\n';
    }
    return c;
  }

  char32_t After(size_t i) const {
    char32_t c = NextCodePoint(text_, i);
    return c == '|' && Is(line_, kTableLine) ? '\n' : c;
  }

  Run MakeRun(size_t begin, size_t end) const {
    Run run{begin, end, text_[begin]};
    run.before1 = Before(begin);
    // Variation selectors (U+FE00..U+FE0E) take three bytes, ‘’“” too.
    if (IsTextVariationSelector(run.before1)) run.before2 = Before(begin - 3);
    run.after1 = After(end);
    if (IsAmbiguousQuote(run.after1)) run.after2 = After(end + 3);
    return run;
  }

  std::string_view text_;
  const LineKinds& lines_;
  size_t line_ = 1;
  size_t line_begin_ = 0;
  bool ticks_scanned_ = false;
  std::map<size_t, size_t> last_ticks_;  // run length → start of the last run recorded
};

}  // namespace

std::vector<Run> FindRuns(std::string_view text, const LineKinds& lines) {
  return RunFinder(text, lines).Find();
}

}  // namespace nianbao::markdown
