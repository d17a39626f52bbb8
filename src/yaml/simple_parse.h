// A fast path for the plainest YAML: block maps (nested by two spaces) of ASCII keys and
// plain ASCII scalars, with whole-line comments — what a generated data.yaml holds.
// yaml-cpp takes ~0.7 M instructions for a 40-line data.yaml; this takes a few thousand.
#pragma once

#include <optional>
#include <string_view>

#include "yaml/node.h"
#include "yaml/parse.h"

namespace nianbao::yaml {

/// The tree yaml::Parse would build, positions included, if `text` is inside the subset;
/// nullopt otherwise (then the caller parses it in full). Never reports a diagnostic:
/// anything unusual — tabs, quotes, flow style, duplicate keys, empty values, non-ASCII
/// outside comments — is left to the full parser.
std::optional<Node> ParseSimple(std::string_view text, const Source& source);

}  // namespace nianbao::yaml
