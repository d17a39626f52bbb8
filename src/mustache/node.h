// The compiled form of a template: a tree of nodes. Internal to src/mustache/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mustache/template_set.h"

namespace nianbao::mustache {

enum class NodeKind : uint8_t { kText, kEscaped, kRaw, kSection, kInverted, kPartial };

struct Node {
  NodeKind kind = NodeKind::kText;
  std::string text;                                // kText: the text; kPartial: the partial's name
  std::vector<std::string> path;                   // "a.b" → {"a", "b"}; "." → {}
  std::vector<uint64_t> heads;                     // KeyHead of each name in path
  std::vector<Node> children;                      // kSection, kInverted
  std::string indent;                              // kPartial on a line of its own: its indentation
  size_t offset = 0;                               // of the tag in the source, for messages
  const TemplateSet::Template* partial = nullptr;  // kPartial, resolved after compiling
};

struct TemplateSet::Template {
  std::string name;
  std::string source;
  std::vector<Node> nodes;
};

/// Line and column (characters, 1-based) of byte `offset` in `source`.
std::pair<int, int> LineColumn(std::string_view source, size_t offset);

/// Parses one template; errors are added to `errors`. Partials stay unresolved.
bool ParseTemplate(TemplateSet::Template& tmpl, std::vector<Error>& errors);

}  // namespace nianbao::mustache
