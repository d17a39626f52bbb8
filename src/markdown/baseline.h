// cmark-gfm alone: nianbao's options and extensions, none of its fixes. The baseline the
// tests hold the fixes against (spec suite, fuzz test). Thread-safe like RenderBlocks.
#pragma once

#include <string>
#include <string_view>

#include "markdown/markdown.h"

namespace nianbao::markdown {

std::string RenderWithCmarkOnly(std::string_view text, const Options& options);

}  // namespace nianbao::markdown
