// The CJK-friendly emphasis pre-pass: cmark-gfm cannot be told another flanking rule, so
// invisible characters go between a delimiter run and its neighbour until cmark sees the
// neighbour class the amendment calls for. Internal to src/markdown/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/runs.h"

namespace nianbao::markdown {

/// U+10FFFD (plane-16 private use): to cmark neither whitespace nor punctuation. Not U+E000:
/// GBK's user-defined area maps onto U+E000..U+E765, so converted documents may hold it.
/// Dropped from the input before parsing.
inline constexpr std::string_view kOtherMarker = "\xF4\x8F\xBF\xBD";
/// U+1BC9F DUPLOYAN PUNCTUATION CHINOOK FULL STOP: punctuation to cmark. Used only when the
/// input does not hold it, so every one in the output is ours.
inline constexpr std::string_view kPunctMarker = "\xF0\x9B\xB2\x9F";

struct Marked {
  std::string text;
  bool punct_marker = false;  // kPunctMarker was used
};

/// Inserts markers so that each unescaped run of * _ or ~ (outside code spans, code and HTML
/// blocks and footnote labels) opens and closes as the CJK-friendly rule says. Returns
/// nullopt when no run needs one — and when some run cannot be fixed, since fixing only the
/// others could pair delimiters the way neither rule would; cmark-gfm's output then stands.
/// With empty lines (structure unknown, see FindRuns) the reading has every run the real
/// one has, with neighbours that can only ask for more markers: if it needs none, none are.
std::optional<Marked> AddEmphasisMarkers(std::string_view text, const LineKinds& lines);

/// Removes every kOtherMarker from s, and every kPunctMarker if punct_marker.
void RemoveMarkers(std::string* s, bool punct_marker);

}  // namespace nianbao::markdown
