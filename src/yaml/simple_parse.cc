#include "yaml/simple_parse.h"

#include <vector>

namespace nianbao::yaml {

namespace {

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

bool IsValueChar(char c) { return IsKeyChar(c) || c == '.' || c == '+'; }

// Length of a character of CJK text at v[i] that a plain scalar may hold as it is: a
// three-byte UTF-8 character of U+3000–U+9FFF (CJK punctuation, kana, ideographs) or of
// U+FF00–U+FF7F (full-width forms); 0 for anything else (no YAML indicator or break is
// among them). Front matter titles and bureau names are such text.
size_t CjkCharAt(std::string_view v, size_t i) {
  if (i + 2 >= v.size()) return 0;
  const auto b0 = static_cast<unsigned char>(v[i]), b1 = static_cast<unsigned char>(v[i + 1]),
             b2 = static_cast<unsigned char>(v[i + 2]);
  if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
  if (b0 >= 0xE3 && b0 <= 0xE9) return 3;
  if (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD)) return 3;
  return 0;
}

// A plain scalar yaml-cpp reads as the same text (or as null): letters, digits, _ . + -,
// CJK text, and single spaces between them (not before '#', a comment); not starting with
// '-' unless a digit or '.' follows (that would be a list item).
bool IsSimpleValue(std::string_view v) {
  if (v.empty()) return false;
  for (size_t i = 0; i < v.size();) {
    if (IsValueChar(v[i])) {
      ++i;
    } else if (size_t n = CjkCharAt(v, i)) {
      i += n;
    } else if (v[i] == ' ' && i > 0 && v[i - 1] != ' ' && i + 1 < v.size() && v[i + 1] != ' ' &&
               v[i + 1] != '#') {
      ++i;
    } else {
      return false;
    }
  }
  if (v[0] == '-' && (v.size() == 1 || !((v[1] >= '0' && v[1] <= '9') || v[1] == '.'))) {
    return false;
  }
  return true;
}

bool IsNullWord(std::string_view v) { return v == "null" || v == "Null" || v == "NULL"; }

struct Line {
  int number;  // in the file
  int indent;  // 0 or 2
  std::string_view key;
  std::string_view value;  // "" when a nested map follows
};

}  // namespace

std::optional<Node> ParseSimple(std::string_view text, const Source& source) {
  std::vector<Line> lines;
  int number = source.first_line;
  for (size_t at = 0; at < text.size(); ++number) {
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? text.npos : nl - at);
    at = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t first = line.find_first_not_of(' ');
    if (first == std::string_view::npos) {
      if (!line.empty()) return std::nullopt;  // trailing spaces: let yaml-cpp judge
      continue;
    }
    if (line[first] == '#') continue;  // a whole-line comment, whatever it holds
    if (first != 0 && first != 2) return std::nullopt;
    size_t colon = line.find(':', first);
    if (colon == std::string_view::npos || colon == first) return std::nullopt;
    std::string_view key = line.substr(first, colon - first);
    for (char c : key) {
      if (!IsKeyChar(c)) return std::nullopt;
    }
    std::string_view rest = line.substr(colon + 1);
    std::string_view value;
    if (!rest.empty()) {
      if (rest.size() < 2 || rest[0] != ' ' || rest[1] == ' ') return std::nullopt;
      value = rest.substr(1);
      if (!IsSimpleValue(value)) return std::nullopt;
    }
    lines.push_back({number, static_cast<int>(first), key, value});
  }
  if (lines.empty()) return std::nullopt;

  auto scalar = [](const Line& l, std::string_view text, int col) {
    Node n;
    n.line = l.number;
    n.col = col;
    if (text == "~" || IsNullWord(text)) return n;
    n.kind = Kind::kScalar;
    n.value = std::string(text);
    return n;
  };
  auto has_key = [](const Node& map, std::string_view key) {
    for (const Entry& e : map.entries) {
      if (e.key.value == key) return true;
    }
    return false;
  };
  // A map's mark is its first key's.
  Node root;
  root.kind = Kind::kMap;
  root.line = lines[0].number;
  root.col = 1;
  if (lines[0].indent != 0) return std::nullopt;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.indent != 0) return std::nullopt;         // nested lines are taken with their parent
    if (has_key(root, l.key)) return std::nullopt;  // duplicates: the full parser reports
    Node key = scalar(l, l.key, 1);
    if (!l.value.empty()) {
      root.entries.push_back(
          {std::move(key), scalar(l, l.value, static_cast<int>(l.key.size()) + 3)});
      continue;
    }
    // "key:" opens a nested map of the lines indented by two that follow.
    if (i + 1 >= lines.size() || lines[i + 1].indent != 2) return std::nullopt;
    Node map;
    map.kind = Kind::kMap;
    map.line = lines[i + 1].number;
    map.col = 3;
    for (; i + 1 < lines.size() && lines[i + 1].indent == 2; ++i) {
      const Line& e = lines[i + 1];
      if (e.value.empty() || has_key(map, e.key)) return std::nullopt;
      map.entries.push_back(
          {scalar(e, e.key, 3), scalar(e, e.value, static_cast<int>(e.key.size()) + 5)});
    }
    root.entries.push_back({std::move(key), std::move(map)});
  }
  return root;
}

}  // namespace nianbao::yaml
