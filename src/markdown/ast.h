// Rewrites of a parsed cmark-gfm tree. Internal to src/markdown/. None of these touch
// cmark's global tables, so they run outside the parse lock.
#pragma once

#include <memory>
#include <vector>

#include <cmark-gfm.h>

#include "markdown/markdown.h"
#include "markdown/runs.h"

namespace nianbao::markdown {

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
/// Owns a node and its subtree; release() once it is linked into a tree.
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

/// Nodes of one type in document order; collected first so the tree can then change.
std::vector<cmark_node*> NodesOfType(cmark_node* root, cmark_node_type type);

/// For each source line: in a code or HTML block, in a block quote, a table row.
LineKinds SourceLineKinds(cmark_node* root);

/// Removes the emphasis markers from every literal, URL and title.
void StripMarkers(cmark_node* root, bool punct_marker);

/// Calls hook for each fenced code block; a returned string replaces the block by a
/// custom block that renders it as is.
void ApplyCodeBlockHook(cmark_node* root, const CodeBlockHook& hook);

/// Drops each soft line break between two characters that JoinsWithoutSpace (全市市场主体
/// ⏎ 达到 reads 全市市场主体达到, not 全市市场主体 达到); keeps it between Latin words.
void JoinCjkLines(cmark_node* root);

/// Wraps each task-list checkbox with its item's first paragraph in a <label>, so the
/// checkbox is named by the item's text.
void LabelTaskItems(cmark_node* root);

}  // namespace nianbao::markdown
