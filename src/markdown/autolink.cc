#include "markdown/autolink.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "markdown/ast.h"
#include "markdown/cjk.h"

namespace nianbao::markdown {

namespace {

constexpr size_t npos = std::string_view::npos;
using Span = std::pair<size_t, size_t>;  // [start, end) in a text, or {npos, npos}

std::string Str(const char* s) { return s ? s : ""; }

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Bytes of s that must follow before a URL has a host: "https://" or "www.".
size_t PrefixLength(std::string_view s) {
  if (s.starts_with("www.")) return 4;
  size_t scheme = s.find("://");
  return scheme == npos ? 0 : scheme + 3;
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

// Where the host of the URL at s[begin] runs into Chinese text: the first CJK character in
// a label that began in ASCII (www.gov.cn了解 → www.gov.cn). A label in Chinese from its
// start (中国政府网.政务, www.例子.cn) is an internationalised name and stays, as does any
// other letter GFM takes into a host (x🍄.ga). npos if none.
size_t HostCut(std::string_view s, size_t begin) {
  bool ascii_label = false, label_start = true;
  int length = 0;
  for (size_t i = begin + PrefixLength(s.substr(begin)); i < s.size(); i += length) {
    char32_t c = DecodeUtf8(s, i, &length);
    if (c == '.') {
      ascii_label = false;
      label_start = true;
      continue;
    }
    if (c < 0x80 && !IsAsciiAlnum(c) && c != '-' && c != '_') return npos;  // path, port, …
    if (c >= 0x80 && (IsSpace(c) || IsPunctuation(c))) return npos;
    if (ascii_label && IsCjk(c)) return i;
    if (label_start) ascii_label = c < 0x80;
    label_start = false;
  }
  return npos;
}

// Where our cut leaves the URL at s[begin] (s.size() if nowhere), before GFM's trailing rule.
size_t CutAt(std::string_view s, size_t begin) {
  return std::min(FirstStop(s, begin), HostCut(s, begin));
}

// End of the URL starting at begin: the cut, then GFM's own rule that trailing ?!.,:*_~
// and unbalanced ) are not part of a link.
size_t UrlEnd(std::string_view s, size_t begin) {
  size_t end = CutAt(s, begin);
  while (end > begin) {
    std::string_view url = s.substr(begin, end - begin);
    if (std::string_view("?!.,:*_~").find(url.back()) != npos ||
        (url.back() == ')' &&
         std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')'))) {
      --end;
    } else {
      break;
    }
  }
  return end;
}

bool IsCjkTextBefore(char32_t c) { return IsCjk(c) || (c >= 0x2010 && c <= 0x2027) || c == 0xB7; }

// A www. link that GFM leaves out because CJK text comes right before it (网址：www.a.cn).
bool IsWwwAfterCjk(std::string_view s, size_t start, size_t end) {
  if (end < start + 4 || !s.substr(start).starts_with("www.")) return false;
  size_t dot = s.substr(start + 4, end - start - 4).find('.');
  return dot != npos && dot > 0 && IsCjkTextBefore(PreviousCodePoint(s, start));
}

// The next URL at or after from: any http(s)://, ftp:// or www. URL not inside a word, or
// with www_after_cjk_only only those IsWwwAfterCjk accepts.
Span NextUrl(std::string_view s, size_t from, bool www_after_cjk_only) {
  static constexpr std::array<std::string_view, 4> kStarts = {"http://", "https://", "ftp://",
                                                              "www."};
  while (from < s.size()) {
    size_t start = npos;
    for (std::string_view prefix : kStarts) start = std::min(start, s.find(prefix, from));
    if (start == npos) break;
    size_t end = UrlEnd(s, start);
    bool ok = www_after_cjk_only ? IsWwwAfterCjk(s, start, end)
                                 : start == 0 || !IsAsciiAlnum(s[start - 1]);
    if (ok && end > start + PrefixLength(s.substr(start))) return {start, end};
    from = start + 1;
  }
  return {npos, npos};
}

// The next e-mail address at or after from, by GFM's extended rule: [A-Za-z0-9.+_-]+ @ labels
// of [A-Za-z0-9_-] joined by dots, at least one dot, not ending in - or _.
Span NextEmail(std::string_view s, size_t from) {
  auto local = [](char c) { return IsAsciiAlnum(c) || std::strchr(".+-_", c); };
  auto domain = [](char c) { return IsAsciiAlnum(c) || c == '-' || c == '_'; };
  for (size_t at = s.find('@', from); at != npos; at = s.find('@', at + 1)) {
    size_t start = at;
    while (start > from && local(s[start - 1])) --start;
    if (start == at || (start > 0 && s[start - 1] == '/')) continue;
    size_t end = at + 1;
    bool dot = false;
    while (end < s.size() &&
           (domain(s[end]) || (s[end] == '.' && end + 1 < s.size() && IsAsciiAlnum(s[end + 1])))) {
      dot = dot || s[end] == '.';
      ++end;
    }
    if (dot && domain(s[end - 1]) && s[end - 1] != '-' && s[end - 1] != '_') return {start, end};
  }
  return {npos, npos};
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

NodePtr LinkNode(std::string_view text, std::string_view scheme) {
  NodePtr link(cmark_node_new(CMARK_NODE_LINK));
  cmark_node_set_url(link.get(), (std::string(scheme) + std::string(text)).c_str());
  cmark_node_append_child(link.get(), TextNode(text).release());
  return link;
}

// Puts text[pos..] after `last` as text and link nodes, linking the URLs NextUrl finds
// and, unless www_after_cjk_only, e-mail addresses.
void InsertRest(cmark_node* last, std::string_view text, size_t pos, bool www_after_cjk_only) {
  while (pos < text.size()) {
    Span url = NextUrl(text, pos, www_after_cjk_only);
    Span email = www_after_cjk_only ? Span{npos, npos} : NextEmail(text, pos);
    bool is_email = email.first < url.first;
    auto [start, end] = is_email ? email : url;
    size_t text_end = std::min(start, text.size());
    if (text_end > pos) last = InsertAfter(last, TextNode(text.substr(pos, text_end - pos)));
    if (start == npos) break;
    std::string_view found = text.substr(start, end - start);
    std::string_view scheme = is_email ? "mailto:" : found.starts_with("www.") ? "http://" : "";
    last = InsertAfter(last, LinkNode(found, scheme));
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
  return www && source.find("[" + std::string(text) + "]") == npos;
}

}  // namespace

void SplitAutolinks(cmark_node* root, std::string_view source) {
  bool www = source.find("www.") != npos;
  if (!www && source.find("://") == npos) return;
  for (cmark_node* link : NodesOfType(root, CMARK_NODE_LINK)) {
    cmark_node* child = cmark_node_first_child(link);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT) {
      continue;
    }
    std::string text = Str(cmark_node_get_literal(child));
    if (!IsExtensionAutolink(link, text, source)) continue;
    if (CutAt(text, 0) == text.size()) continue;  // GFM's link stands
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
    if (start == npos || InsideLink(node)) continue;
    cmark_node_set_literal(node, text.substr(0, start).c_str());
    InsertRest(node, text, start, true);
  }
}

}  // namespace nianbao::markdown
