// cmark-gfm 0.29.0.gfm.6 measures a footnote reference's label by columns, which restart at
// each line ending: `[^` whose `]` is on a later line loses its label (`a [^\nx1] b` renders
// `a [^] b`), and a label that ends inside a multibyte character cuts it in half (invalid
// UTF-8). Internal to src/markdown/.
#pragma once

#include <string>

namespace nianbao::markdown {

/// Puts kOtherMarker between `[` and `^` (or `\^`) wherever the next `]` comes after a line
/// ending, so that cmark never reads it as a footnote reference: it is text (or a link) and
/// keeps every character; StripMarkers and RemoveMarkers take the markers out again. Such a
/// label could never match a definition (a definition's label is on one line), so only the
/// lost text changes. Returns whether any marker was inserted. Code spans and blocks may get
/// one too: the markers are stripped from their literals like any other.
bool GuardMultilineFootnoteLabels(std::string* text);

}  // namespace nianbao::markdown
