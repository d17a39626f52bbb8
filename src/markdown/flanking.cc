#include "markdown/flanking.h"

#include "markdown/cjk.h"

namespace nianbao::markdown {

namespace {

Side Single(char32_t c) {
  if (IsSpace(c)) return Side::kSpace;
  if (IsPunctuation(c)) return IsCjk(c) ? Side::kCjkPunct : Side::kPunct;
  return IsCjk(c) ? Side::kCjk : Side::kOther;
}

bool IsAnyPunct(Side s) { return s == Side::kPunct || s == Side::kCjkPunct; }

}  // namespace

Side CmarkSide(char32_t c) {
  if (IsSpace(c)) return Side::kSpace;
  return IsPunctuation(c) ? Side::kPunct : Side::kOther;
}

Side FriendlyBefore(char32_t c2, char32_t c1) {
  if (IsTextVariationSelector(c1)) {
    if (c1 == 0xFE01 && IsAmbiguousQuote(c2)) return Side::kCjkPunct;
    Side base = Single(c2);
    // After a Latin letter or a space the selector is just itself: neither CJK nor punctuation.
    return base == Side::kSpace ? Side::kOther : base;
  }
  if (IsIdeographicVariationSelector(c1)) return Side::kCjk;
  return Single(c1);
}

Side FriendlyAfter(char32_t c1, char32_t c2) {
  if (c2 == 0xFE01 && IsAmbiguousQuote(c1)) return Side::kCjkPunct;
  return Single(c1);
}

Flags RunFlags(char delim, Side before, Side after) {
  // CommonMark 6.2 with the amendment's changes: "punctuation" in (2a)/(2b) means non-CJK
  // punctuation, and CJK on the far side counts like whitespace or punctuation there.
  bool left = after != Side::kSpace && (after != Side::kPunct || before != Side::kOther);
  bool right = before != Side::kSpace && (before != Side::kPunct || after != Side::kOther);
  if (delim != '_') return {left, right};
  return {left && (!right || IsAnyPunct(before)), right && (!left || IsAnyPunct(after))};
}

}  // namespace nianbao::markdown
