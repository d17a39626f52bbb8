// Whether a delimiter run (* _ ~) can open or close, by CommonMark's rule as cmark-gfm has
// it and by the CJK-friendly amendment (tats-u/markdown-cjk-friendly). Internal.
#pragma once

#include <cstdint>

namespace nianbao::markdown {

/// A run's neighbour. cmark-gfm sees only kSpace, kPunct and kOther; the amendment also
/// tells CJK punctuation and other CJK characters apart.
enum class Side : uint8_t { kSpace, kPunct, kCjkPunct, kCjk, kOther };

/// The neighbour as cmark-gfm classifies it ('\n' for a line or cell edge).
Side CmarkSide(char32_t c);
/// The amendment's class of what precedes a run: c1 just before it, c2 before c1, so that
/// variation sequences count as their base character (葛󠄀 is CJK, 。︀ CJK punctuation,
/// “︁ the full-width quote).
Side FriendlyBefore(char32_t c2, char32_t c1);
/// The amendment's class of what follows a run: c1 just after it, c2 after c1.
Side FriendlyAfter(char32_t c1, char32_t c2);

struct Flags {
  bool open = false;
  bool close = false;
  bool operator==(const Flags&) const = default;
};

/// can-open and can-close of a run of delim ('*', '_' or '~'). With only kSpace, kPunct
/// and kOther this is exactly cmark-gfm's scan_delims; with CJK classes, the amendment.
Flags RunFlags(char delim, Side before, Side after);

}  // namespace nianbao::markdown
