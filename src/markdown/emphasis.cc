#include "markdown/emphasis.h"

#include <span>

#include "core/text.h"
#include "markdown/flanking.h"

namespace nianbao::markdown {

namespace {

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
  if (!HasAnyOf(text, "*_~")) return std::nullopt;
  std::vector<Run> runs = FindRuns(text, lines);
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
