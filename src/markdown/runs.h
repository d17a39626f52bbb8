// Delimiter runs (* _ ~) in the source text, as cmark-gfm's inline parser will meet them.
// Internal to src/markdown/.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace nianbao::markdown {

/// What the run finder must know about each source line (index = 1-based line number): in
/// a code or HTML block, in a block quote, a table row, the first line of a paragraph or
/// heading (where a new inline text starts: code spans and cmark's backtick cache end there).
enum LineKind : uint8_t { kCodeLine = 1, kQuoteLine = 2, kTableLine = 4, kBlockStart = 8 };
using LineKinds = std::vector<uint8_t>;

/// A run of one delimiter character and the code points around it as cmark-gfm's inline
/// parser will see them ('\n' at the edge of a line or table cell).
struct Run {
  size_t begin = 0, end = 0;
  char delim = 0;
  char32_t before2 = '\n', before1 = '\n', after1 = '\n', after2 = '\n';
};

/// The unescaped runs outside code and HTML blocks, footnote labels and — if lines is not
/// empty — code spans, in order. With empty lines (structure unknown) code spans are not
/// looked for, and quote markers and cell edges read as the punctuation they are.
std::vector<Run> FindRuns(std::string_view text, const LineKinds& lines);

}  // namespace nianbao::markdown
