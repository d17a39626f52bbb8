// The cmark-gfm wrapper: Markdown (GFM) → HTML fragment.
// Safe to call from several threads: only cmark-gfm's inline phase, which toggles a
// shared table, is serialised inside (markdown.cc); everything else runs in parallel.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace nianbao::markdown {

struct Options {
  /// Lets raw HTML and javascript: links through. Default: raw HTML is replaced by a comment.
  bool unsafe_html = false;
};

/// A fenced code block as the hook sees it.
struct CodeBlock {
  std::string_view info;     // the info string, e.g. "chart"
  std::string_view literal;  // the body, with its final newline
  int line = 0;              // 1-based line of the opening fence in the text given
};

/// Returns HTML to put in place of the block (inserted as is, even in safe mode),
/// or nullopt to render the block as ordinary code.
using CodeBlockHook = std::function<std::optional<std::string>(const CodeBlock&)>;

/// Block-level Markdown with tables, strikethrough, autolinks, task lists, footnotes and
/// tagfilter. Chinese text comes out right: emphasis next to full-width punctuation
/// (这是**“重要”**内容) is bold, and an autolink stops before full-width punctuation.
std::string RenderBlocks(std::string_view text, const Options& options,
                         const CodeBlockHook& hook = {});

/// Inline Markdown only (a footer line): the same rules, no surrounding <p>.
std::string RenderInline(std::string_view text, const Options& options);

}  // namespace nianbao::markdown
