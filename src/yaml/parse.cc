#include "yaml/parse.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "core/source_text.h"
#include "core/text.h"
#include "yaml/simple_parse.h"

namespace nianbao::yaml {

namespace {

size_t CountNodes(const Node& n) {
  size_t count = 1;
  for (const Node& item : n.items) count += CountNodes(item);
  for (const auto& [k, v] : n.entries) count += CountNodes(k) + CountNodes(v);
  return count;
}

// yaml-cpp 0.7 writes the escapes \N (U+0085) and \_ (U+00A0) as single Latin-1 bytes,
// not UTF-8 (found by yaml_fuzz). The file was valid UTF-8, so such a byte in a value
// can only come from them: write the character they stand for.
void RepairLatin1Escapes(std::string& value) {
  if (IsValidUtf8(value)) return;
  std::string out;
  for (size_t i = 0; i < value.size();) {
    int n = 1;
    if (DecodeUtf8At(value, i, &n) == kInvalidCodePoint &&
        (value[i] == '\x85' || value[i] == '\xA0')) {
      out += '\xC2';
    }
    out.append(value, i, n);
    i += n;
  }
  value = std::move(out);
}

// Any other byte that a yaml-cpp message quotes on its own, as U+FFFD.
std::string ValidUtf8(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    int n = 1;
    if (DecodeUtf8At(text, i, &n) == kInvalidCodePoint) {
      AppendUtf8(out, 0xFFFD);
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

// yaml-cpp names an unknown escape by its first byte only, half of a Chinese character
// (found by yaml_fuzz): quote the whole character that follows the backslash at `i`.
std::string UnknownEscapeMessage(std::string_view line, size_t i) {
  int n = 1;
  if (DecodeUtf8At(line, i, &n) == kInvalidCodePoint) n = 1;
  std::string escape = "\\" + std::string(line.substr(i, n));
  if (!IsValidUtf8(escape)) escape = "\\";
  return "unknown escape '" + escape +
         "' in a double-quoted string: write \\\\ for a backslash, or quote the text with "
         "single quotes";
}

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // U+FF1A

// Byte offset of a full-width colon that ends a key at the start of `line` ("  key：",
// "- key："), or npos. Keys are ASCII words, so Chinese text with a full-width colon in
// it ("说明：…") is not taken for one.
size_t FullWidthColon(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos) return i;
  if (line.compare(i, 2, "- ") == 0) i = line.find_first_not_of(' ', i + 1);
  if (i == std::string_view::npos) return i;
  const size_t word = i;
  while (i < line.size() &&
         (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' || line[i] == '-')) {
    ++i;
  }
  if (i == word) return std::string_view::npos;
  while (i < line.size() && line[i] == ' ') ++i;
  return line.compare(i, kFullWidthColon.size(), kFullWidthColon) == 0 ? i : std::string_view::npos;
}

Diagnostic FullWidthColonError(const Source& source, std::string_view line, int file_line,
                               size_t colon) {
  const int col = Utf8Length(line.substr(0, colon)) + 1;
  return {{source.path, file_line, col},
          Severity::kError,
          "full-width colon: use ':' (and a space after it)",
          std::string(line),
          0};
}

// Builds Nodes from parser events. Marks are 0-based lines and byte columns of `text`.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const Source& source, Diagnostics& diags)
      : lines_(SplitLines(text)), source_(source), diags_(diags) {}

  std::optional<Node> TakeRoot() { return std::move(root_); }
  int documents() const { return documents_; }
  bool too_many_aliases() const { return too_many_aliases_; }
  /// A scalar's escapes made text that is refused (reported): the tree is not used.
  bool bad_text() const { return bad_text_; }
  /// The innermost list or mapping begun and not yet ended, or null.
  const Node* innermost_open() const { return open_.empty() ? nullptr : &open_.back().node; }
  /// The first full-width colon used as a key's colon, or null: reported by Parse
  /// instead of what yaml-cpp makes of it.
  const Diagnostic* full_width_colon() const {
    return full_width_colon_ ? &*full_width_colon_ : nullptr;
  }

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n = At(mark);
    Add(std::move(n), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it != anchors_.end() && !too_many_aliases_) {
      // Each alias is a copy: nested ones grow exponentially (a "billion laughs").
      alias_nodes_ += it->second.size;
      if (alias_nodes_ > kMaxAliasNodes) {
        too_many_aliases_ = true;
        Node at = At(mark);
        diags_.Error({source_.path, at.line, at.col},
                     "too many aliases: together they repeat more than " +
                         std::to_string(kMaxAliasNodes) +
                         " values, the limit for one file (write the values out instead)",
                     LineOf(source_.file_text, at.line));
      }
    }
    Node n = it != anchors_.end() && !too_many_aliases_ ? it->second.node : At(mark);
    Position(n, mark);
    Add(std::move(n), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n = At(mark);
    n.kind = Kind::kScalar;
    n.value = value;
    n.plain = tag == "?";
    if (!n.plain) CheckClosingQuote(mark);
    if (n.plain) CheckFullWidthColon(mark);
    RepairLatin1Escapes(n.value);
    // The text itself was checked before parsing; escapes ("\0", "\U00100000") were not.
    if (std::string problem = TextValueProblem(n.value); !problem.empty()) {
      diags_.Error({source_.path, n.line, n.col}, problem, LineOf(source_.file_text, n.line));
      bad_text_ = true;
    }
    Add(std::move(n), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Start(mark, Kind::kSequence, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Start(mark, Kind::kMap, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Open {
    Node node;
    YAML::anchor_t anchor;
    bool have_key;  // maps: a key waits for its value
    Node key;
  };

  Node At(const YAML::Mark& mark) {
    Node n;
    Position(n, mark);
    return n;
  }

  void Position(Node& n, const YAML::Mark& mark) {
    n.line = mark.line + source_.first_line;
    std::string_view line =
        mark.line >= 0 && mark.line < static_cast<int>(lines_.size()) ? lines_[mark.line] : "";
    n.col = Utf8Length(line.substr(0, std::min<size_t>(mark.column, line.size()))) + 1;
  }

  // yaml-cpp reads an unclosed quote on to a later quote or the end of the file; a
  // string in these files never needs to span lines, so one that does lost its quote.
  void CheckClosingQuote(const YAML::Mark& mark) {
    if (mark.line < 0 || mark.line >= static_cast<int>(lines_.size())) return;
    std::string_view line = lines_[mark.line];
    if (mark.column < 0 || static_cast<size_t>(mark.column) >= line.size()) return;
    char quote = line[mark.column];
    if (quote != '"' && quote != '\'') return;
    for (size_t i = mark.column + 1; i < line.size(); ++i) {
      if (quote == '"' && line[i] == '\\') {
        ++i;
      } else if (line[i] == quote) {
        if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;
        } else {
          return;
        }
      }
    }
    Node at = At(mark);
    diags_.Error({source_.path, at.line, at.col},
                 std::string("string has no closing ") + quote + " on this line",
                 std::string(line));
  }

  // "key：value" reads as one plain scalar: a key without a value, or a broken map.
  void CheckFullWidthColon(const YAML::Mark& mark) {
    if (full_width_colon_ || mark.line < 0 || mark.line >= static_cast<int>(lines_.size())) {
      return;
    }
    std::string_view line = lines_[mark.line];
    size_t colon = FullWidthColon(line);
    if (colon == std::string_view::npos || colon < static_cast<size_t>(mark.column)) return;
    full_width_colon_ = FullWidthColonError(source_, line, mark.line + source_.first_line, colon);
  }

  void Add(Node n, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = {n, CountNodes(n)};
    if (open_.empty()) {
      root_ = std::move(n);
      return;
    }
    Open& top = open_.back();
    if (top.node.kind == Kind::kSequence) {
      top.node.items.push_back(std::move(n));
    } else if (!top.have_key) {
      top.key = std::move(n);
      top.have_key = true;
    } else {
      if (top.key.IsScalar()) {
        for (const auto& [k, v] : top.node.entries) {
          if (k.IsScalar() && k.value == top.key.value) {
            diags_.Error({source_.path, top.key.line, top.key.col},
                         "duplicate key '" + top.key.value + "' (first given on line " +
                             std::to_string(k.line) + ")",
                         LineOf(source_.file_text, top.key.line));
          }
        }
      }
      top.node.entries.push_back({std::move(top.key), std::move(n)});
      top.have_key = false;
    }
  }

  void Start(const YAML::Mark& mark, Kind kind, YAML::anchor_t anchor) {
    Node n = At(mark);
    n.kind = kind;
    open_.push_back({std::move(n), anchor, false, {}});
  }

  void Close() {
    Open done = std::move(open_.back());
    open_.pop_back();
    Add(std::move(done.node), done.anchor);
  }

  std::vector<std::string_view> lines_;
  const Source& source_;
  Diagnostics& diags_;
  std::vector<Open> open_;
  struct Anchored {
    Node node;
    size_t size;  // nodes in it
  };
  std::map<YAML::anchor_t, Anchored> anchors_;
  size_t alias_nodes_ = 0;
  bool bad_text_ = false;
  bool too_many_aliases_ = false;
  std::optional<Diagnostic> full_width_colon_;
  std::optional<Node> root_;
  int documents_ = 0;
};

// Column (0-based byte) of a quote that opens a value on `line` and is not closed on it,
// or npos. Only values after "key: " or "- " are looked at: enough for these files.
size_t UnclosedQuote(std::string_view line) {
  size_t start = std::string_view::npos;
  if (size_t colon = line.find(": "); colon != std::string_view::npos) {
    start = line.find_first_not_of(' ', colon + 1);
  } else if (size_t dash = line.find_first_not_of(' ');
             dash != std::string_view::npos && line.substr(dash, 2) == "- ") {
    start = line.find_first_not_of(' ', dash + 1);
  }
  if (start == std::string_view::npos || (line[start] != '"' && line[start] != '\'')) {
    return std::string_view::npos;
  }
  char quote = line[start];
  for (size_t i = start + 1; i < line.size(); ++i) {
    if (quote == '"' && line[i] == '\\') {
      ++i;
    } else if (line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        ++i;
      } else {
        return std::string_view::npos;
      }
    }
  }
  return start;
}

}  // namespace

std::optional<Node> Parse(std::string_view text, const Source& source, Diagnostics& diags) {
  if (!CheckSourceText(text, source.path, source.first_line, SourceKind::kYaml, diags)) {
    return std::nullopt;
  }
  if (std::optional<Node> simple = ParseSimple(text, source)) return simple;
  return ParseFull(text, source, diags);
}

std::optional<Node> ParseFull(std::string_view text, const Source& source, Diagnostics& diags) {
  std::istringstream in{std::string(text)};
  Diagnostics local;
  TreeBuilder builder(text, source, local);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
      if (builder.documents() > 1) {
        diags.Error({source.path, source.first_line, 1},
                    "more than one YAML document ('---') in one file",
                    LineOf(source.file_text, source.first_line));
        return std::nullopt;
      }
    }
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own message is "bad file", at the end of the file.
    const Node* at = builder.innermost_open();
    int line = at ? at->line : e.mark.line + source.first_line;
    int col = at ? at->col : 1;
    diags.Error({source.path, line, col},
                "lists and mappings nested more than " + std::to_string(e.depth()) +
                    " deep: nianbao's files need a few levels",
                LineOf(source.file_text, line));
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    std::vector<std::string_view> lines = SplitLines(text);
    // "key：value" makes yaml-cpp fail a line later; point at the colon instead.
    if (const Diagnostic* colon = builder.full_width_colon()) {
      diags.Add(*colon);
      return std::nullopt;
    }
    for (int i = 0; i <= e.mark.line && i < static_cast<int>(lines.size()); ++i) {
      size_t col = FullWidthColon(lines[i]);
      if (col == std::string_view::npos) continue;
      diags.Add(FullWidthColonError(source, lines[i], i + source.first_line, col));
      return std::nullopt;
    }
    // A lost closing quote makes yaml-cpp fail lines later; point at the quote instead.
    for (int i = 0; i <= e.mark.line && i < static_cast<int>(lines.size()); ++i) {
      size_t col = UnclosedQuote(lines[i]);
      if (col == std::string_view::npos) continue;
      diags.Error({source.path, i + source.first_line, Utf8Length(lines[i].substr(0, col)) + 1},
                  std::string("string has no closing ") + lines[i][col] + " on this line",
                  std::string(lines[i]));
      return std::nullopt;
    }
    int line = e.mark.line + source.first_line;
    std::string src = LineOf(source.file_text, line);
    size_t at = std::min<size_t>(std::max(e.mark.column, 0), src.size());
    std::string message = "invalid YAML: " + e.msg;
    if (std::string_view(e.msg).starts_with(YAML::ErrorMsg::INVALID_ESCAPE) && at >= 2 &&
        src[at - 2] == '\\') {
      message = UnknownEscapeMessage(src, at - 1);
      at -= 2;  // the backslash
    }
    if (!IsValidUtf8(message)) message = ValidUtf8(message);
    const int col = Utf8Length(std::string_view(src).substr(0, at)) + 1;
    diags.Error({source.path, line, col}, std::move(message), src);
    return std::nullopt;
  }
  // Duplicate keys and lost quotes are reported, but the tree is still read (the first
  // key wins), so that one run reports the other problems of the file too.
  diags.Append(local);
  if (const Diagnostic* colon = builder.full_width_colon()) diags.Add(*colon);
  if (builder.too_many_aliases() || builder.full_width_colon() || builder.bad_text()) {
    return std::nullopt;
  }
  std::optional<Node> root = builder.TakeRoot();
  if (!root) {
    Node empty;
    empty.line = source.first_line;
    empty.col = 1;
    root = empty;
  }
  return root;
}

}  // namespace nianbao::yaml
