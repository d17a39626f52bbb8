// The built-in "default" theme, compiled into the binary from themes/default/.
#pragma once

#include <span>
#include <string_view>

namespace nianbao {

struct EmbeddedFile {
  std::string_view path;  // relative to the theme folder, e.g. "templates/layout.mustache"
  std::string_view bytes;
};

/// Every file of themes/default, sorted by path.
std::span<const EmbeddedFile> EmbeddedTheme();

}  // namespace nianbao
