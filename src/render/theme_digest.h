// One digest of everything a theme resolved to, for the manifest.
#pragma once

#include <string>

#include "render/theme.h"

namespace nianbao {

/// SHA-256 over each template ("templates/<name>.mustache"), each language's interface
/// strings ("i18n/<lang>", then "key=text" lines) and each asset ("assets/<path>"), each
/// entry as "<name>\n<sha256 of its bytes>\n", in that order and sorted within each part.
std::string ThemeDigest(const Theme& theme);

}  // namespace nianbao
