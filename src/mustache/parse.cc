// Mustache source → node tree: tags are found with the current delimiters, lines that hold
// only a section, inverted, closing, comment, partial or delimiter tag are dropped as the
// spec says ("standalone"), then sections are nested.
#include <cstring>

#include "core/text.h"
#include "mustache/node.h"

namespace nianbao::mustache {

std::pair<int, int> LineColumn(std::string_view source, size_t offset) {
  offset = std::min(offset, source.size());
  std::string_view before = source.substr(0, offset);
  int line = 1;
  for (char c : before) line += c == '\n';
  size_t nl = before.rfind('\n');
  std::string_view in_line = nl == std::string_view::npos ? before : before.substr(nl + 1);
  return {line, static_cast<int>(Utf8Length(in_line)) + 1};
}

namespace {

struct Token {
  char sigil = 0;         // 0 text; 'v' escaped; '&' raw; '#' '^' '/' '>' '!' '='
  std::string_view text;  // text, or the tag's trimmed content
  size_t offset = 0;      // of the text or the tag's opening delimiter
  bool dropped = false;   // whitespace of a standalone line
  std::string_view indent;
};

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    size_t next = s.find(sep, at);
    parts.push_back(s.substr(at, next == std::string_view::npos ? s.npos : next - at));
    if (next == std::string_view::npos) return parts;
    at = next + 1;
  }
}

std::string_view TrimTag(std::string_view s) {
  size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  size_t b = s.find_last_not_of(" \t\r\n");
  return s.substr(a, b - a + 1);
}

class Parser {
 public:
  Parser(TemplateSet::Template& tmpl, std::vector<Error>& errors)
      : tmpl_(tmpl), src_(tmpl.source), errors_(errors) {}

  bool Run() {
    if (!Tokenize()) return false;
    MarkStandalone();
    return Nest();
  }

 private:
  void Fail(size_t offset, std::string message) {
    auto [line, col] = LineColumn(src_, offset);
    errors_.push_back({tmpl_.name, line, col, std::move(message)});
    ok_ = false;
  }

  // Text is split after each newline, so that a line's tokens can be looked at together.
  void AddText(size_t from, size_t to) {
    while (from < to) {
      size_t nl = src_.find('\n', from);
      size_t end = nl == std::string_view::npos || nl >= to ? to : nl + 1;
      Token text;
      text.text = src_.substr(from, end - from);
      text.offset = from;
      tokens_.push_back(text);
      from = end;
    }
  }

  bool Tokenize() {
    std::string open = "{{", close = "}}";
    size_t pos = 0;
    while (pos < src_.size()) {
      size_t o = src_.find(open, pos);
      if (o == std::string_view::npos) {
        AddText(pos, src_.size());
        break;
      }
      AddText(pos, o);
      size_t p = o + open.size();
      char sigil = p < src_.size() ? src_[p] : '\0';
      bool has_sigil = sigil != '\0' && std::strchr("{&#^/>!=", sigil) != nullptr;
      std::string end = sigil == '{' ? "}" + close : sigil == '=' ? "=" + close : close;
      size_t content = has_sigil ? p + 1 : p;
      size_t c = src_.find(end, content);
      if (c == std::string_view::npos) {
        Fail(o, "unclosed tag: '" + open + "' without '" + end + "'");
        return false;
      }
      Token tok;
      tok.sigil = has_sigil ? (sigil == '{' ? '&' : sigil) : 'v';
      tok.text = TrimTag(src_.substr(content, c - content));
      tok.offset = o;
      pos = c + end.size();
      if (tok.sigil == '=') {
        std::vector<std::string_view> parts;
        for (std::string_view part : SplitOn(tok.text, ' ')) {
          if (!part.empty()) parts.push_back(part);
        }
        if (parts.size() != 2 || parts[0].find('=') != std::string_view::npos ||
            parts[1].find('=') != std::string_view::npos) {
          Fail(o, "a delimiter tag names two delimiters, like {{=<% %>=}}");
          return false;
        }
        open = std::string(parts[0]);
        close = std::string(parts[1]);
      } else if (tok.sigil != '!') {
        if (tok.text.empty()) {
          Fail(o, "empty tag: give it a name");
          continue;
        }
        if (tok.text.find_first_of(" \t\r\n") != std::string_view::npos) {
          Fail(o, "a tag name has no spaces: '" + std::string(tok.text) + "'");
          continue;
        }
      }
      tokens_.push_back(tok);
    }
    return ok_;
  }

  void MarkStandalone() {
    for (size_t i = 0; i < tokens_.size();) {
      size_t j = i;
      while (j < tokens_.size()) {
        const Token& t = tokens_[j++];
        if (t.sigil == 0 && t.text.ends_with('\n')) break;
      }
      int tags = 0;
      size_t tag = 0;
      bool blank = true;
      for (size_t k = i; k < j; ++k) {
        const Token& t = tokens_[k];
        if (t.sigil != 0) {
          ++tags;
          tag = k;
          continue;
        }
        std::string_view text = t.text;
        if (text.ends_with('\n')) text.remove_suffix(1);
        if (text.ends_with('\r')) text.remove_suffix(1);
        blank = blank && IsBlank(text);
      }
      if (tags == 1 && blank && std::strchr("#^/>!=", tokens_[tag].sigil)) {
        if (tag > i) tokens_[tag].indent = tokens_[tag - 1].text;
        for (size_t k = i; k < j; ++k) tokens_[k].dropped = tokens_[k].sigil == 0;
      }
      i = j;
    }
  }

  bool ParsePath(const Token& tok, std::vector<std::string>& path) {
    if (tok.text == ".") return true;
    for (std::string_view part : SplitOn(tok.text, '.')) {
      if (part.empty()) {
        Fail(tok.offset, "'" + std::string(tok.text) + "' is not a name: dots go between names");
        return false;
      }
      path.emplace_back(part);
    }
    return true;
  }

  bool Nest() {
    struct Frame {
      std::vector<Node>* nodes;
      const Token* open;
    };
    std::vector<Frame> stack = {{&tmpl_.nodes, nullptr}};
    for (const Token& tok : tokens_) {
      if (tok.dropped || tok.sigil == '!' || tok.sigil == '=') continue;
      std::vector<Node>& nodes = *stack.back().nodes;
      if (tok.sigil == 0) {
        if (tok.text.empty()) continue;
        if (!nodes.empty() && nodes.back().kind == NodeKind::kText) {
          nodes.back().text += tok.text;
        } else {
          Node text;
          text.text = std::string(tok.text);
          nodes.push_back(std::move(text));
        }
        continue;
      }
      if (tok.sigil == '/') {
        const Token* open = stack.back().open;
        if (!open) {
          Fail(tok.offset, "'{{/" + std::string(tok.text) + "}}' closes no section");
        } else if (open->text != tok.text) {
          auto [line, col] = LineColumn(src_, open->offset);
          Fail(tok.offset, "'{{/" + std::string(tok.text) + "}}' does not close '{{" + open->sigil +
                               std::string(open->text) + "}}' of line " + std::to_string(line) +
                               ": close that first");
          stack.pop_back();
        } else {
          stack.pop_back();
        }
        continue;
      }
      Node node;
      node.offset = tok.offset;
      if (tok.sigil == '>') {
        node.kind = NodeKind::kPartial;
        node.text = std::string(tok.text);
        node.indent = std::string(tok.indent);
        nodes.push_back(std::move(node));
        continue;
      }
      if (!ParsePath(tok, node.path)) continue;
      for (const std::string& name : node.path) node.heads.push_back(KeyHead(name));
      node.kind = tok.sigil == 'v'   ? NodeKind::kEscaped
                  : tok.sigil == '&' ? NodeKind::kRaw
                  : tok.sigil == '#' ? NodeKind::kSection
                                     : NodeKind::kInverted;
      nodes.push_back(std::move(node));
      if (tok.sigil == '#' || tok.sigil == '^') {
        stack.push_back({&nodes.back().children, &tok});
      }
    }
    for (size_t i = stack.size(); i-- > 1;) {
      const Token& open = *stack[i].open;
      Fail(open.offset, "unclosed section '{{" + std::string(1, open.sigil) +
                            std::string(open.text) + "}}': add '{{/" + std::string(open.text) +
                            "}}'");
    }
    return ok_;
  }

  TemplateSet::Template& tmpl_;
  std::string_view src_;
  std::vector<Error>& errors_;
  std::vector<Token> tokens_;
  bool ok_ = true;
};

}  // namespace

bool ParseTemplate(TemplateSet::Template& tmpl, std::vector<Error>& errors) {
  return Parser(tmpl, errors).Run();
}

}  // namespace nianbao::mustache
