// The render stage: SiteModel + Theme → every output file, sorted by path.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "model/site_model.h"
#include "output/output_file.h"
#include "render/theme.h"

namespace nianbao {

struct RenderOptions {
  int jobs = 0;               // worker threads; 0: one per core
  std::string reload_script;  // serve mode: a <script> put in every page; never in builds
};

/// Renders every page of every language, the data exports and the assets. Pure: the same
/// model and theme give the same bytes whatever `jobs` is. Errors only for broken templates.
std::optional<OutputFiles> RenderSite(const SiteModel& model, const Theme& theme,
                                      const RenderOptions& options, Diagnostics& diags);

}  // namespace nianbao
