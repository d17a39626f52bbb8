#include "markdown/ast.h"

#include <algorithm>
#include <string>
#include <string_view>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include "markdown/cjk.h"
#include "markdown/emphasis.h"

namespace nianbao::markdown {

namespace {

std::string Str(const char* s) { return s ? s : ""; }

bool IsInline(cmark_node* node) {
  return (cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_INLINE;
}

// The text leaf next to node within its block (descending into emphasis, links, …), or null.
cmark_node* Neighbour(cmark_node* node, bool forward) {
  auto step = forward ? cmark_node_next : cmark_node_previous;
  auto inward = forward ? cmark_node_first_child : cmark_node_last_child;
  cmark_node* n = node;
  while (!step(n)) {
    n = cmark_node_parent(n);
    if (!n || !IsInline(n)) return nullptr;
  }
  for (n = step(n); inward(n);) n = inward(n);
  return n;
}

// The last (or first) character a text or code leaf shows; 0 for anything else. A
// variation selector counts as the character it modifies.
char32_t EdgeChar(cmark_node* leaf, bool last) {
  if (!leaf) return 0;
  cmark_node_type type = cmark_node_get_type(leaf);
  if (type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE) return 0;
  std::string_view s = cmark_node_get_literal(leaf) ? cmark_node_get_literal(leaf) : "";
  if (s.empty()) return 0;
  if (!last) return NextCodePoint(s, 0);
  size_t end = s.size();
  char32_t c = PreviousCodePoint(s, end);
  while ((IsTextVariationSelector(c) || IsIdeographicVariationSelector(c)) && end > 4) {
    end -= IsTextVariationSelector(c) ? 3 : 4;
    c = PreviousCodePoint(s, end);
  }
  return c;
}

void AppendText(cmark_node* node, std::string* out) {
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(node));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
      *out += Str(cmark_node_get_literal(n));
    }
  }
}

std::string EscapeAttribute(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Stripped(const char* s, bool punct_marker) {
  std::string out = s;
  RemoveMarkers(&out, punct_marker);
  return out;
}

}  // namespace

std::vector<cmark_node*> NodesOfType(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> nodes;
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == type) nodes.push_back(node);
  }
  return nodes;
}

LineKinds SourceLineKinds(cmark_node* root) {
  LineKinds kinds(static_cast<size_t>(cmark_node_get_end_line(root)) + 2, 0);
  auto mark = [&](cmark_node* node, uint8_t kind) {
    int last = std::min<int>(cmark_node_get_end_line(node), static_cast<int>(kinds.size()) - 1);
    for (int line = cmark_node_get_start_line(node); line >= 1 && line <= last; ++line) {
      kinds[line] |= kind;
    }
  };
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK) mark(node, kCodeLine);
    if (type == CMARK_NODE_BLOCK_QUOTE) mark(node, kQuoteLine);
    if (Str(cmark_node_get_type_string(node)) == "table") mark(node, kTableLine);
    if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING) {
      int line = cmark_node_get_start_line(node);
      if (line >= 1 && line < static_cast<int>(kinds.size())) kinds[line] |= kBlockStart;
    }
  }
  return kinds;
}

void StripMarkers(cmark_node* root, bool punct_marker) {
  auto has = [&](const char* s) {
    if (!s) return false;
    std::string_view v(s);
    return v.find(kOtherMarker) != v.npos || (punct_marker && v.find(kPunctMarker) != v.npos);
  };
  std::vector<cmark_node*> emptied;  // text that was only markers: it would hide its neighbours
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        if (has(cmark_node_get_literal(node))) {
          std::string text = Stripped(cmark_node_get_literal(node), punct_marker);
          cmark_node_set_literal(node, text.c_str());
          if (text.empty()) emptied.push_back(node);
        }
        break;
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_CODE_BLOCK:
        if (has(cmark_node_get_literal(node))) {
          cmark_node_set_literal(node,
                                 Stripped(cmark_node_get_literal(node), punct_marker).c_str());
        }
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (has(cmark_node_get_url(node))) {
          cmark_node_set_url(node, Stripped(cmark_node_get_url(node), punct_marker).c_str());
        }
        if (has(cmark_node_get_title(node))) {
          cmark_node_set_title(node, Stripped(cmark_node_get_title(node), punct_marker).c_str());
        }
        break;
      default:
        break;
    }
  }
  iter.reset();
  for (cmark_node* node : emptied) {
    cmark_node_unlink(node);
    NodePtr gone(node);
  }
}

void ApplyCodeBlockHook(cmark_node* root, const CodeBlockHook& hook) {
  for (cmark_node* node : NodesOfType(root, CMARK_NODE_CODE_BLOCK)) {
    int length = 0, offset = 0;
    char fence = 0;
    if (!cmark_node_get_fenced(node, &length, &offset, &fence)) continue;
    std::string info = Str(cmark_node_get_fence_info(node));
    std::string literal = Str(cmark_node_get_literal(node));
    std::optional<std::string> html =
        hook(CodeBlock{info, literal, cmark_node_get_start_line(node)});
    if (!html) continue;
    NodePtr custom(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK));
    cmark_node_set_on_enter(custom.get(), html->c_str());
    if (cmark_node_replace(node, custom.get())) {
      custom.release();
      NodePtr old(node);  // unlinked by replace; freed here
    }
  }
}

void JoinCjkLines(cmark_node* root) {
  for (cmark_node* node : NodesOfType(root, CMARK_NODE_SOFTBREAK)) {
    if (JoinsWithoutSpace(EdgeChar(Neighbour(node, false), true),
                          EdgeChar(Neighbour(node, true), false))) {
      cmark_node_unlink(node);
      NodePtr gone(node);
    }
  }
}

void LabelTaskItems(cmark_node* root) {
  for (cmark_node* item : NodesOfType(root, CMARK_NODE_ITEM)) {
    if (Str(cmark_node_get_type_string(item)) != "tasklist") continue;
    bool checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
    std::string input = checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\""
                                : "<input type=\"checkbox\" disabled=\"\"";
    cmark_node_set_syntax_extension(item, nullptr);  // now a plain <li>; we draw the box
    cmark_node* first = cmark_node_first_child(item);
    if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
      NodePtr label(cmark_node_new(CMARK_NODE_CUSTOM_INLINE));
      cmark_node_set_on_enter(label.get(), ("<label>" + input + " /> ").c_str());
      cmark_node_set_on_exit(label.get(), "</label>");
      while (cmark_node* child = cmark_node_first_child(first)) {
        cmark_node_append_child(label.get(), child);
      }
      cmark_node_append_child(first, label.release());
      continue;
    }
    // No paragraph to wrap (an empty item, or one opening with a code block): name the box
    // by the item's text, or by what the author typed.
    std::string name;
    AppendText(item, &name);
    if (name.empty()) name = checked ? "[x]" : "[ ]";
    NodePtr box(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK));
    cmark_node_set_on_enter(box.get(),
                            (input + " aria-label=\"" + EscapeAttribute(name) + "\" />").c_str());
    if (first) {
      cmark_node_insert_before(first, box.release());
    } else {
      cmark_node_append_child(item, box.release());
    }
  }
}

}  // namespace nianbao::markdown
