// Parsing YAML text into a Node tree, with yaml-cpp's pitfalls caught:
// duplicate keys and strings whose closing quote is missing are errors here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "yaml/node.h"

namespace nianbao::yaml {

/// Where a piece of YAML sits: its file (relative to the site), the whole file's text (for
/// source lines in messages), and the file line of the text's first line (front matter).
struct Source {
  std::string path;
  std::string_view file_text;
  int first_line = 1;
};

/// Aliases (*name) may repeat anchored values, but at most this many nodes in all per file:
/// each alias is a copy, and nested ones grow exponentially ("billion laughs").
inline constexpr size_t kMaxAliasNodes = 10000;

/// Parses exactly one document. An empty text gives a null node. On a syntax error,
/// reports it (with file line and column) and returns nullopt.
/// The plainest files (yaml/simple_parse.h) skip yaml-cpp; the tree is the same.
std::optional<Node> Parse(std::string_view text, const Source& source, Diagnostics& diags);

/// Parse, always with yaml-cpp (tests compare the two paths).
std::optional<Node> ParseFull(std::string_view text, const Source& source, Diagnostics& diags);

}  // namespace nianbao::yaml
