// Two editions of one bureau side by side (content-format §7):
// <lang>/compare/<bureau>/<a>-vs-<b>/index.html, for the pairs of model/comparisons.h.
#pragma once

#include <string>

#include "model/comparisons.h"
#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

OutputFile RenderComparePage(const RenderInputs& in, const Templates& t, const std::string& lang,
                             const EditionPair& pair);

/// "2020年与2021年对比" / "2020 vs 2021", with "（首末期）" / " (first and latest)" for the
/// span of a whole series: the link text of a comparison.
std::string ComparisonLabel(const PageContext& ctx, const EditionPair& pair);

}  // namespace nianbao
