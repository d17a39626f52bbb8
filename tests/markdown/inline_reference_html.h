// The fuzz test's oracle, part 2: the parsed paragraph as cmark-gfm's HTML renderer writes
// it, with nianbao's joined Chinese lines if asked for.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/cjk.h"
#include "markdown/inline_reference.h"

namespace nianbao::markdown::reference {

namespace detail {

inline std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

inline std::string EscapeHref(std::string_view s) {
  static constexpr std::string_view kSafe = "!#$%()*+,-./:;=?@_~";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (alnum || (c < 0x80 && kSafe.find(ch) != std::string_view::npos)) {
      out += ch;
    } else if (ch == '&') {
      out += "&amp;";
    } else if (ch == '\'') {
      out += "&#x27;";
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

// Leaves in document order: what a soft break sits between.
inline void Leaves(const Nodes& nodes, std::vector<const Node*>* out) {
  for (const Node& node : nodes) {
    if (node.children.empty()) {
      out->push_back(&node);
    } else {
      Leaves(node.children, out);
    }
  }
}

inline char32_t EdgeOf(const Node* leaf, bool last) {
  if (!leaf || (leaf->type != Node::kText && leaf->type != Node::kCode) || leaf->text.empty()) {
    return 0;
  }
  std::u32string chars;
  for (size_t i = 0; i < leaf->text.size();) {
    int length = 0;
    chars += DecodeUtf8(leaf->text, i, &length);
    i += length;
  }
  if (!last) return chars.front();
  while (chars.size() > 1 &&
         (IsTextVariationSelector(chars.back()) || IsIdeographicVariationSelector(chars.back()))) {
    chars.pop_back();
  }
  return chars.back();
}

inline void RenderNodes(const Nodes& nodes, const std::vector<const Node*>& leaves, bool join,
                        std::string* out) {
  for (const Node& node : nodes) {
    switch (node.type) {
      case Node::kText:
        *out += Escape(node.text);
        break;
      case Node::kCode:
        *out += "<code>" + Escape(node.text) + "</code>";
        break;
      case Node::kSoftBreak: {
        size_t i = std::find(leaves.begin(), leaves.end(), &node) - leaves.begin();
        const Node* before = i > 0 ? leaves[i - 1] : nullptr;
        const Node* after = i + 1 < leaves.size() ? leaves[i + 1] : nullptr;
        if (!join || !JoinsWithoutSpace(EdgeOf(before, true), EdgeOf(after, false))) *out += "\n";
        break;
      }
      case Node::kEmph:
      case Node::kStrong:
      case Node::kStrike: {
        const char* tag = node.type == Node::kEmph     ? "em"
                          : node.type == Node::kStrong ? "strong"
                                                       : "del";
        *out += std::string("<") + tag + ">";
        RenderNodes(node.children, leaves, join, out);
        *out += std::string("</") + tag + ">";
        break;
      }
      case Node::kLink:
        *out += "<a href=\"" + EscapeHref(node.text) + "\"";
        if (!node.title.empty()) *out += " title=\"" + Escape(node.title) + "\"";
        *out += ">";
        RenderNodes(node.children, leaves, join, out);
        *out += "</a>";
        break;
    }
  }
}

}  // namespace detail

/// The paragraph's HTML as cmark-gfm would write it if it used rule; join_cjk_lines drops
/// soft breaks that JoinsWithoutSpace, as nianbao does.
inline std::string RenderParagraph(std::string_view text, Rule rule, bool join_cjk_lines) {
  detail::Nodes nodes = detail::Parser(text, rule).Parse();
  std::vector<const detail::Node*> leaves;
  detail::Leaves(nodes, &leaves);
  std::string out = "<p>";
  detail::RenderNodes(nodes, leaves, join_cjk_lines, &out);
  return out + "</p>\n";
}

}  // namespace nianbao::markdown::reference
