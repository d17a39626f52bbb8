// The fuzz test's oracle, part 1: one paragraph of inline Markdown parsed by cmark-gfm's own
// inline algorithm (delimiter stack, brackets, code spans, the strikethrough extension) and
// rendered as its HTML renderer does, with either CommonMark's flanking rule or the
// CJK-friendly amendment's, written out clause by clause from its specification. Written
// independently of src/markdown/ (it shares only the character tables of cjk.h). Covers
// what the fuzz generator writes: no \ & < ! ^ | : @ or "www", no spaces next to a newline.
#pragma once

#include <algorithm>
#include <deque>
#include <list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/cjk.h"

namespace nianbao::markdown::reference {

enum class Rule { kCommonMark, kCjkFriendly };

namespace detail {

struct Node {
  enum Type { kText, kSoftBreak, kCode, kEmph, kStrong, kStrike, kLink } type = kText;
  std::string text;  // the literal, or a link's URL
  std::string title;
  std::list<Node> children;
};
using Nodes = std::list<Node>;

struct Delim {
  char c = 0;
  bool open = false, close = false;
  size_t length = 0;  // as written: the rule of three uses it
  Nodes::iterator node;
  Nodes* list = nullptr;
  Delim* prev = nullptr;
  Delim* next = nullptr;
};

struct Bracket {
  Nodes::iterator node;
  Delim* prev_delim = nullptr;
  bool active = true;
  Bracket* prev = nullptr;
};

// What precedes a delimiter run: c1 just before it, c2 before c1.
struct Before {
  char32_t c2 = '\n', c1 = '\n';
};

inline bool IsVs(char32_t c) { return IsTextVariationSelector(c); }
inline bool IsCjkPunctChar(char32_t c) { return IsPunctuation(c) && IsCjk(c); }
inline bool IsNonCjkPunctChar(char32_t c) { return IsPunctuation(c) && !IsCjk(c); }
// “︁ ”︁ ‘︁ ’︁: the full-width forms, CJK punctuation sequences.
inline bool IsAmbiguousSequence(char32_t first, char32_t second) {
  return second == 0xFE01 && IsAmbiguousQuote(first);
}
inline bool IsCjkSequence(Before b) {
  return IsCjk(b.c1) || (IsVs(b.c1) && IsCjk(b.c2)) || IsAmbiguousSequence(b.c2, b.c1);
}
inline bool IsNonCjkPunctSequence(Before b) {
  if (IsAmbiguousSequence(b.c2, b.c1)) return false;
  return IsNonCjkPunctChar(b.c1) || (IsVs(b.c1) && IsNonCjkPunctChar(b.c2));
}
inline bool IsPunctSequence(Before b) {
  return IsPunctuation(b.c1) || (IsVs(b.c1) && IsPunctuation(b.c2));
}

struct RunFlags {
  bool open = false, close = false;
};

// CommonMark 0.29 6.4 as cmark-gfm has it, or the amendment's left- and right-flanking.
inline RunFlags Flanking(Rule rule, char delim, Before b, char32_t a1, char32_t a2) {
  bool left, right;
  if (rule == Rule::kCommonMark) {
    left = !IsSpace(a1) && (!IsPunctuation(a1) || IsSpace(b.c1) || IsPunctuation(b.c1));
    right = !IsSpace(b.c1) && (!IsPunctuation(b.c1) || IsSpace(a1) || IsPunctuation(a1));
  } else {
    // (1) not followed by whitespace, and (2a) not followed by a non-CJK punctuation
    // character, or (2b) followed by one and preceded by whitespace (α), a non-CJK
    // punctuation sequence (β), a CJK sequence (γ) or an ideographic variation selector (δ).
    bool after_non_cjk_punct = IsNonCjkPunctChar(a1) && !IsAmbiguousSequence(a1, a2);
    left = !IsSpace(a1) && (!after_non_cjk_punct || IsSpace(b.c1) || IsNonCjkPunctSequence(b) ||
                            IsCjkSequence(b) || IsIdeographicVariationSelector(b.c1));
    // (1) not preceded by whitespace, and (2a) not preceded by a non-CJK punctuation
    // sequence, or (2b) preceded by one and followed by whitespace (α), a non-CJK
    // punctuation character (β) or a CJK character (γ).
    right = !IsSpace(b.c1) &&
            (!IsNonCjkPunctSequence(b) || IsSpace(a1) || IsNonCjkPunctChar(a1) || IsCjk(a1));
  }
  if (delim != '_') return {left, right};
  bool punct_before = rule == Rule::kCommonMark ? IsPunctuation(b.c1) : IsPunctSequence(b);
  return {left && (!right || punct_before), right && (!left || IsPunctuation(a1))};
}

class Parser {
 public:
  Parser(std::string_view s, Rule rule) : s_(s), rule_(rule) {}

  Nodes Parse() {
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (c == '\n') {
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] == ' ') ++pos_;
        Add(Node{Node::kSoftBreak, "", "", {}});
      } else if (c == '`') {
        Backticks();
      } else if (c == '*' || c == '_' || c == '~') {
        Delimiters(c);
      } else if (c == '[') {
        ++pos_;
        Bracket& b = brackets_.emplace_back();
        b.node = Add(Text("["));
        b.prev_delim = last_delim_;
        b.prev = last_bracket_;
        last_bracket_ = &b;
      } else if (c == ']') {
        CloseBracket();
      } else {
        size_t end = std::min(s_.find_first_of("\n`*_~[]", pos_), s_.size());
        Add(Text(std::string(s_.substr(pos_, end - pos_))));
        pos_ = end;
      }
    }
    ProcessEmphasis(nullptr);
    return std::move(root_);
  }

 private:
  static Node Text(std::string text) { return Node{Node::kText, std::move(text), "", {}}; }
  Nodes::iterator Add(Node node) { return root_.insert(root_.end(), std::move(node)); }

  // handle_backticks with scan_to_closing_backticks, including its cache: after one scan
  // ran to the end, a run of n ticks opens nothing if the last n-tick run it recorded lies
  // before it (a later closer recorded by another scan can mask one further on).
  void Backticks() {
    size_t open = pos_;
    while (pos_ < s_.size() && s_[pos_] == '`') ++pos_;
    size_t ticks = pos_ - open;
    if (!(scanned_ && last_ticks_[ticks] <= pos_)) {
      for (size_t j = pos_; j < s_.size();) {
        if (s_[j] != '`') {
          ++j;
          continue;
        }
        size_t run = j;
        while (j < s_.size() && s_[j] == '`') ++j;
        last_ticks_[j - run] = run;
        if (j - run != ticks) continue;
        std::string code(s_.substr(pos_, run - pos_));
        for (char& ch : code) ch = ch == '\n' ? ' ' : ch;
        if (code.find_first_not_of(' ') != std::string::npos && code.front() == ' ' &&
            code.back() == ' ') {
          code = code.substr(1, code.size() - 2);
        }
        Add(Node{Node::kCode, code, "", {}});
        pos_ = j;
        return;
      }
      scanned_ = true;
    }
    Add(Text(std::string(s_.substr(open, ticks))));
  }

  void Delimiters(char c) {
    size_t begin = pos_, end = pos_;
    while (end < s_.size() && s_[end] == c) ++end;
    // cmark-gfm: * and _ look past the strikethrough extension's ~ on both sides.
    bool skip = c != '~';
    size_t b = begin;
    while (b > 0 && (skip && s_[b - 1] == '~')) --b;
    Before before;
    if (b > 0) {
      before.c1 = PreviousCodePoint(s_, b);
      size_t c1_start = b - 1;
      while (c1_start > 0 && (static_cast<unsigned char>(s_[c1_start]) & 0xC0) == 0x80) {
        --c1_start;
      }
      before.c2 = PreviousCodePoint(s_, c1_start);
    }
    size_t a = end;
    while (a < s_.size() && skip && s_[a] == '~') ++a;
    char32_t a1 = NextCodePoint(s_, a), a2 = '\n';
    if (a < s_.size()) {
      int length = 0;
      DecodeUtf8(s_, a, &length);
      a2 = NextCodePoint(s_, a + length);
    }
    RunFlags flags = Flanking(rule_, c, before, a1, a2);
    pos_ = end;
    Nodes::iterator node = Add(Text(std::string(s_.substr(begin, end - begin))));
    bool eligible = c != '~' || end - begin <= 2;
    if ((flags.open || flags.close) && eligible) {
      Delim& d = delims_.emplace_back();
      d = Delim{c, flags.open, flags.close, end - begin, node, &root_, last_delim_, nullptr};
      if (last_delim_) last_delim_->next = &d;
      last_delim_ = &d;
    }
  }

  void Remove(Delim* d) {
    if (d->next) {
      d->next->prev = d->prev;
    } else {
      last_delim_ = d->prev;
    }
    if (d->prev) d->prev->next = d->next;
  }

  void PopBracket() { last_bracket_ = last_bracket_->prev; }

  size_t Spaces(size_t i) const {
    size_t j = i;
    while (j < s_.size() && std::string_view(" \t\v\f\r\n").find(s_[j]) != std::string_view::npos) {
      ++j;
    }
    return j - i;
  }

  // manual_scan_link_url_2: the destination's length, or npos.
  size_t ScanUrl(size_t i) const {
    size_t j = i, depth = 0;
    while (j < s_.size()) {
      char c = s_[j];
      if (c == '(') {
        if (++depth > 32) return std::string_view::npos;
      } else if (c == ')') {
        if (depth == 0) break;
        --depth;
      } else if (std::string_view(" \t\n\v\f\r").find(c) != std::string_view::npos) {
        if (j == i) return std::string_view::npos;
        break;
      }
      ++j;
    }
    return j >= s_.size() ? std::string_view::npos : j - i;
  }

  size_t ScanTitle(size_t i) const {
    if (i >= s_.size() || std::string_view("\"'(").find(s_[i]) == std::string_view::npos) {
      return 0;
    }
    char close = s_[i] == '(' ? ')' : s_[i];
    for (size_t j = i + 1; j < s_.size(); ++j) {
      if (s_[j] == close) return j + 1 - i;
      if (s_[i] == '(' && s_[j] == '(') return 0;
    }
    return 0;
  }

  void CloseBracket() {
    ++pos_;
    size_t initial = pos_;
    Bracket* opener = last_bracket_;
    if (!opener || !opener->active) {
      if (opener) PopBracket();
      Add(Text("]"));
      return;
    }
    if (pos_ < s_.size() && s_[pos_] == '(') {
      size_t start = pos_ + 1 + Spaces(pos_ + 1);
      size_t length = ScanUrl(start);
      if (length != std::string_view::npos) {
        size_t end_url = start + length;
        size_t start_title = end_url + Spaces(end_url);
        size_t end_title =
            start_title == end_url ? start_title : start_title + ScanTitle(start_title);
        size_t end_all = end_title + Spaces(end_title);
        if (end_all < s_.size() && s_[end_all] == ')') {
          pos_ = end_all + 1;
          MakeLink(opener, std::string(s_.substr(start, length)),
                   std::string(s_.substr(start_title, end_title - start_title)));
          return;
        }
      }
    }
    PopBracket();  // no reference definitions exist, so no other link can match
    pos_ = initial;
    Add(Text("]"));
  }

  void MakeLink(Bracket* opener, std::string url, std::string title) {
    Node link{Node::kLink, "", "", {}};
    size_t first = url.find_first_not_of(" \t\n");
    url = first == std::string::npos ? ""
                                     : url.substr(first, url.find_last_not_of(" \t\n") + 1 - first);
    link.text = url;
    if (title.size() >= 2) {
      char f = title.front(), l = title.back();
      if ((f == '"' && l == '"') || (f == '\'' && l == '\'') || (f == '(' && l == ')')) {
        title = title.substr(1, title.size() - 2);
      }
    }
    link.title = title;
    Nodes::iterator it = root_.insert(opener->node, std::move(link));
    it->children.splice(it->children.end(), root_, std::next(opener->node), root_.end());
    root_.erase(opener->node);
    for (Delim* d = last_delim_; d && d != opener->prev_delim; d = d->prev) d->list = &it->children;
    ProcessEmphasis(opener->prev_delim);
    PopBracket();
    for (Bracket* b = last_bracket_; b && b->active; b = b->prev) b->active = false;
  }

  // S_insert_emph: returns the next closer to look at.
  Delim* InsertEmph(Delim* opener, Delim* closer) {
    size_t opener_chars = opener->node->text.size(), closer_chars = closer->node->text.size();
    size_t use = opener_chars >= 2 && closer_chars >= 2 ? 2 : 1;
    opener->node->text.resize(opener_chars - use);
    closer->node->text.resize(closer_chars - use);
    for (Delim* d = closer->prev; d && d != opener;) {
      Delim* prev = d->prev;
      Remove(d);
      d = prev;
    }
    Nodes& list = *opener->list;
    Node emph{use == 1 ? Node::kEmph : Node::kStrong, "", "", {}};
    emph.children.splice(emph.children.end(), list, std::next(opener->node), closer->node);
    list.insert(closer->node, std::move(emph));
    if (opener->node->text.empty()) {
      list.erase(opener->node);
      Remove(opener);
    }
    if (closer->node->text.empty()) {
      list.erase(closer->node);
      Delim* next = closer->next;
      Remove(closer);
      return next;
    }
    return closer;
  }

  // The strikethrough extension's insert: only runs of equal length pair.
  Delim* InsertStrike(Delim* opener, Delim* closer) {
    Delim* next = closer->next;
    if (opener->node->text.size() != closer->node->text.size()) return next;
    Nodes& list = *opener->list;
    opener->node->type = Node::kStrike;
    opener->node->children.splice(opener->node->children.end(), list, std::next(opener->node),
                                  closer->node);
    list.erase(closer->node);
    for (Delim* d = closer; d && d != opener;) {
      Delim* prev = d->prev;
      Remove(d);
      d = prev;
    }
    Remove(opener);
    return next;
  }

  void ProcessEmphasis(Delim* bottom) {
    auto index = [](char c) { return c == '*' ? 0 : c == '_' ? 1 : 2; };
    Delim* openers_bottom[3][3] = {
        {bottom, bottom, nullptr}, {bottom, bottom, nullptr}, {bottom, bottom, nullptr}};
    Delim* closer = last_delim_;
    while (closer && closer->prev != bottom) closer = closer->prev;
    while (closer) {
      if (!closer->close) {
        closer = closer->next;
        continue;
      }
      Delim*& limit = openers_bottom[closer->length % 3][index(closer->c)];
      Delim* opener = closer->prev;
      bool found = false;
      for (; opener && opener != bottom && opener != limit; opener = opener->prev) {
        if (opener->open && opener->c == closer->c &&
            (!(closer->open || opener->close) || closer->length % 3 == 0 ||
             (opener->length + closer->length) % 3 != 0)) {
          found = true;
          break;
        }
      }
      Delim* old = closer;
      if (!found) {
        closer = closer->next;
        limit = old->prev;
        if (!old->open) Remove(old);
      } else {
        closer = old->c == '~' ? InsertStrike(opener, old) : InsertEmph(opener, old);
      }
    }
    while (last_delim_ && last_delim_ != bottom) Remove(last_delim_);
  }

  std::string_view s_;
  Rule rule_;
  size_t pos_ = 0;
  Nodes root_;
  std::deque<Delim> delims_;  // stable addresses
  std::deque<Bracket> brackets_;
  Delim* last_delim_ = nullptr;
  Bracket* last_bracket_ = nullptr;
  bool scanned_ = false;
  std::map<size_t, size_t> last_ticks_;  // run length → start of the last run recorded
};

}  // namespace detail

}  // namespace nianbao::markdown::reference
