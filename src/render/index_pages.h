// The index pages: every bureau (<lang>/bureaus/) and every indicator (<lang>/indicators/).
// They are the pages whose job is to list the whole archive; no other page does.
#pragma once

#include <string>

#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

OutputFile RenderBureauIndex(const RenderInputs& in, const Templates& t, const std::string& lang);
OutputFile RenderIndicatorIndex(const RenderInputs& in, const Templates& t,
                                const std::string& lang);

/// "{count}" in `text` replaced by `count`.
std::string WithCount(const std::string& text, size_t count);

}  // namespace nianbao
