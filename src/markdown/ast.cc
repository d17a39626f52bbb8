#include "markdown/ast.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "markdown/cjk.h"

namespace nianbao::markdown {

namespace {

struct IterFree {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

// Nodes of one type in document order; collected first so the tree can then change.
std::vector<cmark_node*> NodesOfType(cmark_node* root, cmark_node_type type) {
  std::vector<cmark_node*> nodes;
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == type) nodes.push_back(node);
  }
  return nodes;
}

std::string Str(const char* s) { return s ? s : ""; }

bool HasMarker(const char* s) {
  return s && std::string_view(s).find(kMarker) != std::string::npos;
}

std::string Stripped(const char* s) {
  std::string out = s;
  RemoveMarkers(&out);
  return out;
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Bytes of s that must follow before a URL has a host: "https://" or "www.".
size_t PrefixLength(std::string_view s) {
  if (s.starts_with("www.")) return 4;
  size_t scheme = s.find("://");
  return scheme == std::string_view::npos ? 0 : scheme + 3;
}

// The first whitespace, < or IsUrlStop character at or after begin, or s.size().
size_t FirstStop(std::string_view s, size_t begin) {
  size_t end = begin;
  for (int length = 0; end < s.size(); end += length) {
    char32_t c = DecodeUtf8(s, end, &length);
    if (c <= ' ' || c == '<' || IsUrlStop(c)) break;
  }
  return end;
}

// End of the URL starting at begin: the first stop, then GFM's own rule that trailing
// ?!.,:*_~ and unbalanced ) are not part of a link.
size_t UrlEnd(std::string_view s, size_t begin) {
  size_t end = FirstStop(s, begin);
  while (end > begin) {
    std::string_view url = s.substr(begin, end - begin);
    if (std::string_view("?!.,:*_~").find(url.back()) != std::string_view::npos ||
        (url.back() == ')' &&
         std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')'))) {
      --end;
    } else {
      break;
    }
  }
  return end;
}

// A www. link that GFM leaves out because CJK text comes right before it (网址：www.a.cn).
bool IsWwwAfterCjk(std::string_view s, size_t start, size_t end) {
  if (end < start + 4 || !s.substr(start).starts_with("www.")) return false;
  size_t dot = s.substr(start + 4, end - start - 4).find('.');
  return dot != std::string_view::npos && dot > 0 && IsCjkSide(PreviousCodePoint(s, start));
}

// The next URL at or after from, as [start, end): any http(s)://, ftp:// or www. URL not
// inside a word, or with www_after_cjk_only only those IsWwwAfterCjk accepts.
std::pair<size_t, size_t> NextUrl(std::string_view s, size_t from, bool www_after_cjk_only) {
  static constexpr std::array<std::string_view, 4> kStarts = {"http://", "https://", "ftp://",
                                                              "www."};
  while (from < s.size()) {
    size_t start = std::string_view::npos;
    for (std::string_view prefix : kStarts) start = std::min(start, s.find(prefix, from));
    if (start == std::string_view::npos) break;
    size_t end = UrlEnd(s, start);
    bool ok = www_after_cjk_only ? IsWwwAfterCjk(s, start, end)
                                 : start == 0 || !IsAsciiAlnum(s[start - 1]);
    if (ok && end > start + PrefixLength(s.substr(start))) return {start, end};
    from = start + 1;
  }
  return {std::string_view::npos, std::string_view::npos};
}

// Returns the inserted node, or where if cmark refused (node is then freed).
cmark_node* InsertAfter(cmark_node* where, NodePtr node) {
  if (!cmark_node_insert_after(where, node.get())) return where;
  return node.release();
}

NodePtr TextNode(std::string_view text) {
  NodePtr node(cmark_node_new(CMARK_NODE_TEXT));
  cmark_node_set_literal(node.get(), std::string(text).c_str());
  return node;
}

NodePtr LinkNode(std::string_view text) {
  NodePtr link(cmark_node_new(CMARK_NODE_LINK));
  std::string url = text.starts_with("www.") ? "http://" + std::string(text) : std::string(text);
  cmark_node_set_url(link.get(), url.c_str());
  cmark_node_append_child(link.get(), TextNode(text).release());
  return link;
}

// Puts text[pos..] after `last` as text and link nodes, linking the URLs NextUrl finds.
void InsertRest(cmark_node* last, std::string_view text, size_t pos, bool www_after_cjk_only) {
  while (pos < text.size()) {
    auto [start, end] = NextUrl(text, pos, www_after_cjk_only);
    size_t text_end = std::min(start, text.size());
    if (text_end > pos) last = InsertAfter(last, TextNode(text.substr(pos, text_end - pos)));
    if (start == std::string_view::npos) break;
    last = InsertAfter(last, LinkNode(text.substr(start, end - start)));
    pos = end;
  }
}

bool InsideLink(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
    if (cmark_node_get_type(p) == CMARK_NODE_LINK || cmark_node_get_type(p) == CMARK_NODE_IMAGE) {
      return true;
    }
  }
  return false;
}

// The extension's links: text equals the URL (http://-prefixed for www.). Its https://
// links carry no source position (line 0); <angle> autolinks and [text](url) links do,
// as do its www. links, so a www. link is explicit if the source has "[text]".
bool IsExtensionAutolink(cmark_node* link, std::string_view text, std::string_view source) {
  std::string url = Str(cmark_node_get_url(link));
  bool www = text.starts_with("www.") && url == "http://" + std::string(text);
  if (url != text && !www) return false;
  if (cmark_node_get_start_line(link) == 0) return true;
  return www && source.find("[" + std::string(text) + "]") == std::string_view::npos;
}

}  // namespace

std::vector<bool> CodeAndHtmlLines(cmark_node* root) {
  std::vector<bool> skip(static_cast<size_t>(cmark_node_get_end_line(root)) + 2, false);
  for (cmark_node_type type : {CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK}) {
    for (cmark_node* node : NodesOfType(root, type)) {
      int last = std::min<int>(cmark_node_get_end_line(node), static_cast<int>(skip.size()) - 1);
      for (int line = cmark_node_get_start_line(node); line >= 1 && line <= last; ++line) {
        skip[line] = true;
      }
    }
  }
  return skip;
}

void StripMarkers(cmark_node* root) {
  std::unique_ptr<cmark_iter, IterFree> iter(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (ev != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_CODE_BLOCK:
        if (HasMarker(cmark_node_get_literal(node))) {
          cmark_node_set_literal(node, Stripped(cmark_node_get_literal(node)).c_str());
        }
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        if (HasMarker(cmark_node_get_url(node))) {
          cmark_node_set_url(node, Stripped(cmark_node_get_url(node)).c_str());
        }
        if (HasMarker(cmark_node_get_title(node))) {
          cmark_node_set_title(node, Stripped(cmark_node_get_title(node)).c_str());
        }
        break;
      default:
        break;
    }
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

void SplitAutolinks(cmark_node* root, std::string_view source) {
  bool www = source.find("www.") != std::string_view::npos;
  if (!www && source.find("://") == std::string_view::npos) return;
  for (cmark_node* link : NodesOfType(root, CMARK_NODE_LINK)) {
    cmark_node* child = cmark_node_first_child(link);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT) {
      continue;
    }
    std::string text = Str(cmark_node_get_literal(child));
    if (!IsExtensionAutolink(link, text, source)) continue;
    if (FirstStop(text, 0) == text.size()) continue;  // GFM's link stands
    size_t end = UrlEnd(text, 0);
    if (end <= PrefixLength(text)) continue;
    std::string head = text.substr(0, end);
    std::string url = Str(cmark_node_get_url(link));
    cmark_node_set_url(link, (url.substr(0, url.size() - text.size()) + head).c_str());
    cmark_node_set_literal(child, head.c_str());
    InsertRest(link, text, end, false);
  }
  if (!www) return;
  for (cmark_node* node : NodesOfType(root, CMARK_NODE_TEXT)) {
    const char* literal = cmark_node_get_literal(node);
    if (!literal || !std::strstr(literal, "www.")) continue;
    std::string text = literal;
    size_t start = NextUrl(text, 0, true).first;
    if (start == std::string::npos || InsideLink(node)) continue;
    cmark_node_set_literal(node, text.substr(0, start).c_str());
    InsertRest(node, text, start, true);
  }
}

}  // namespace nianbao::markdown
