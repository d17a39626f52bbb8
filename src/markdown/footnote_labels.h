// cmark-gfm 0.29.0.gfm.6 cuts a footnote reference's label out of the text after its `^`
// with a length from column arithmetic. That is right only for a plain label on one line:
// a label across a line ending loses its text (`a [^\nx1] b` renders `a [^] b`, or half a
// character: invalid UTF-8), an escaped caret repeats a byte (`[\^x]` renders `[^x]]`),
// and a caret written as an entity (`[&#94;x]`) reads past the end of its buffer, or
// memory already freed. Every parse of user text is of guarded text. Internal to
// src/markdown/.
#pragma once

#include <string>

namespace nianbao::markdown {

/// Puts kOtherMarker after each `[` that cmark would read as such a broken reference —
/// `[^` whose label is not plain (see PlainFootnoteLabel), `[\^`, `[&#94;` and the like —
/// so that it stays text (or a link) and keeps every character; StripMarkers and
/// RemoveMarkers take the markers out again (from code and HTML too). `[^1]`, `[^注1]` and
/// other plain labels stay footnote references. Returns whether a marker was inserted.
bool GuardFootnoteLabels(std::string* text);

}  // namespace nianbao::markdown
