// Rewrites of a parsed cmark-gfm tree. Internal to src/markdown/. None of these touch
// cmark's global tables, so they run outside the parse lock.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "markdown/markdown.h"

namespace nianbao::markdown {

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
/// Owns a node and its subtree; release() once it is linked into a tree.
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

/// skip[line] is true for each line (1-based) of a code or HTML block.
std::vector<bool> CodeAndHtmlLines(cmark_node* root);

/// Removes kMarker from every literal, URL and title.
void StripMarkers(cmark_node* root);

/// Calls hook for each fenced code block; a returned string replaces the block by a
/// custom block that renders it as is.
void ApplyCodeBlockHook(cmark_node* root, const CodeBlockHook& hook);

/// GFM autolinks run on through full-width punctuation (页面，谢谢). Cuts each one made by
/// the autolink extension at the first IsUrlStop character, re-applies GFM's trailing
/// punctuation rule, and links further http(s)://, ftp:// or www. URLs in the rest
/// (a.gov.cn、b.gov.cn). Leaves <angle> autolinks and [text](url) links alone. Also links
/// www. right after CJK text (网址：www.samr.gov.cn), which GFM does not.
void SplitAutolinks(cmark_node* root, std::string_view source);

}  // namespace nianbao::markdown
