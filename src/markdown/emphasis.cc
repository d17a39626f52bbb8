#include "markdown/emphasis.h"

#include <array>
#include <map>
#include <span>

#include "markdown/cjk.h"
#include "markdown/flanking.h"

namespace nianbao::markdown {

namespace {

// A run of one delimiter character and the code points around it as cmark-gfm's inline
// parser will see them ('\n' at the edge of a line or table cell).
struct Run {
  size_t begin = 0, end = 0;
  char delim = 0;
  char32_t before2 = '\n', before1 = '\n', after1 = '\n', after2 = '\n';
};

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

// What goes between two runs (or a run and its outer neighbour): nothing, or markers whose
// first one the run on the left sees and whose last one the run on the right sees.
struct Gap {
  Side first = Side::kSpace, last = Side::kSpace;
  int cost = 0;  // 0: an empty gap; else 2 per marker, 3 for kPunctMarker (prefer the other)
};

constexpr Gap kEmpty{};
constexpr Gap kOther{Side::kOther, Side::kOther, 2};
constexpr Gap kPunct{Side::kPunct, Side::kPunct, 3};
constexpr Gap kOtherPunct{Side::kOther, Side::kPunct, 5};
constexpr Gap kPunctOther{Side::kPunct, Side::kOther, 5};

std::string GapText(const Gap& gap) {
  auto marker = [](Side s) { return s == Side::kPunct ? kPunctMarker : kOtherMarker; };
  if (gap.cost == 0) return {};
  std::string text(marker(gap.first));
  if (gap.last != gap.first) text += marker(gap.last);  // two markers
  return text;
}

bool IsDelimiter(const Run& run) { return run.delim != '~' || run.end - run.begin <= 2; }

// What run i of a cluster of adjacent runs sees before it: the last marker of the gap
// before it, else the neighbouring run's delimiter — for * and _ looking past ~, which
// cmark-gfm's scan_delims skips — else the character before the cluster. gaps is null for
// the text as written; friendly picks the amendment's classes instead of cmark's.
Side SeeBefore(std::span<const Run> runs, size_t i, const std::vector<Gap>* gaps, bool friendly) {
  for (size_t j = i;; --j) {
    if (gaps && (*gaps)[j].cost) return (*gaps)[j].last;
    if (j == 0) {
      return friendly ? FriendlyBefore(runs[0].before2, runs[0].before1)
                      : CmarkSide(runs[0].before1);
    }
    if (runs[i].delim == '~' || runs[j - 1].delim != '~') return Side::kPunct;
  }
}

Side SeeAfter(std::span<const Run> runs, size_t i, const std::vector<Gap>* gaps, bool friendly) {
  for (size_t j = i + 1;; ++j) {
    if (gaps && (*gaps)[j].cost) return (*gaps)[j].first;
    if (j == runs.size()) {
      return friendly ? FriendlyAfter(runs.back().after1, runs.back().after2)
                      : CmarkSide(runs.back().after1);
    }
    if (runs[i].delim == '~' || runs[j].delim != '~') return Side::kPunct;
  }
}

// Clusters longer than this (***~~___~~…) keep cmark's reading unless it already agrees.
constexpr size_t kMaxSolvedCluster = 4;

Flags Want(std::span<const Run> runs, size_t i) {
  return RunFlags(runs[i].delim, SeeBefore(runs, i, nullptr, true),
                  SeeAfter(runs, i, nullptr, true));
}

// Whether cmark already reads every delimiter run of the cluster as the rule does (the
// common case, checked without allocating).
bool AlreadyRight(std::span<const Run> runs) {
  for (size_t i = 0; i < runs.size(); ++i) {
    if (IsDelimiter(runs[i]) && RunFlags(runs[i].delim, SeeBefore(runs, i, nullptr, false),
                                         SeeAfter(runs, i, nullptr, false)) != Want(runs, i)) {
      return false;
    }
  }
  return true;
}

// The fewest markers that give every delimiter run of a cluster that is not AlreadyRight
// its CJK-friendly flags, or nullopt if no arrangement does.
std::optional<std::vector<Gap>> Solve(std::span<const Run> runs, bool allow_punct) {
  std::vector<Flags> want(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) want[i] = Want(runs, i);
  auto fits = [&](const std::vector<Gap>& gaps) {
    for (size_t i = 0; i < runs.size(); ++i) {
      if (IsDelimiter(runs[i]) && RunFlags(runs[i].delim, SeeBefore(runs, i, &gaps, false),
                                           SeeAfter(runs, i, &gaps, false)) != want[i]) {
        return false;
      }
    }
    return true;
  };
  if (runs.size() > kMaxSolvedCluster) return std::nullopt;
  std::vector<Gap> gaps(runs.size() + 1, kEmpty);

  std::vector<Gap> outer = {kEmpty, kOther}, inner = {kEmpty, kOther};
  if (allow_punct) {
    outer.push_back(kPunct);
    inner.insert(inner.end(), {kPunct, kOtherPunct, kPunctOther});
  }
  auto options = [&](size_t j) -> const std::vector<Gap>& {
    return j == 0 || j == runs.size() ? outer : inner;
  };
  std::optional<std::vector<Gap>> best;
  int best_cost = 0;
  std::vector<size_t> choice(gaps.size(), 0);
  while (true) {
    size_t j = 0;  // next arrangement, as a mixed-radix counter
    while (j < choice.size() && ++choice[j] == options(j).size()) choice[j++] = 0;
    if (j == choice.size()) break;
    int cost = 0;
    for (size_t g = 0; g < gaps.size(); ++g) {
      gaps[g] = options(g)[choice[g]];
      cost += gaps[g].cost;
    }
    if ((!best || cost < best_cost) && fits(gaps)) {
      best = gaps;
      best_cost = cost;
    }
  }
  return best;
}

}  // namespace

std::optional<Marked> AddEmphasisMarkers(std::string_view text, const LineKinds& lines) {
  if (text.find_first_of("*_~") == std::string_view::npos) return std::nullopt;
  std::vector<Run> runs = RunFinder(text, lines).Find();
  const bool allow_punct = text.find(kPunctMarker) == std::string_view::npos;
  Marked marked;
  marked.text.reserve(text.size() + 64);
  size_t copied = 0;
  bool inserted = false;
  for (size_t first = 0; first < runs.size();) {
    size_t last = first;
    while (last + 1 < runs.size() && runs[last + 1].begin == runs[last].end) ++last;
    std::span<const Run> cluster(runs.data() + first, last - first + 1);
    for (const Run& run : cluster) {
      // The strikethrough extension reads at most 100 tildes as one run.
      if (run.delim == '~' && run.end - run.begin >= 100) return std::nullopt;
    }
    first = last + 1;
    if (AlreadyRight(cluster)) continue;
    std::optional<std::vector<Gap>> gaps = Solve(cluster, allow_punct);
    if (!gaps) return std::nullopt;
    for (size_t j = 0; j < gaps->size(); ++j) {
      if ((*gaps)[j].cost == 0) continue;
      size_t at = j < cluster.size() ? cluster[j].begin : cluster.back().end;
      marked.text.append(text.substr(copied, at - copied));
      marked.text += GapText((*gaps)[j]);
      marked.punct_marker = marked.punct_marker || (*gaps)[j].first == Side::kPunct ||
                            (*gaps)[j].last == Side::kPunct;
      copied = at;
      inserted = true;
    }
  }
  if (!inserted) return std::nullopt;
  marked.text.append(text.substr(copied));
  return marked;
}

void RemoveMarkers(std::string* s, bool punct_marker) {
  auto at_marker = [&](size_t i) {
    return s->compare(i, kOtherMarker.size(), kOtherMarker) == 0 ||
           (punct_marker && s->compare(i, kPunctMarker.size(), kPunctMarker) == 0);
  };
  if (s->find(kOtherMarker) == std::string::npos &&
      (!punct_marker || s->find(kPunctMarker) == std::string::npos)) {
    return;
  }
  size_t write = 0;
  for (size_t read = 0; read < s->size();) {
    if (at_marker(read)) {
      read += 4;  // both markers are four bytes
    } else {
      (*s)[write++] = (*s)[read++];
    }
  }
  s->resize(write);
}

}  // namespace nianbao::markdown
