// The whole pipeline in order: load → validate → model → render. Used by `build` and
// `serve`; writing is left to the caller.
#pragma once

#include <optional>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "model/site_model.h"
#include "output/output_file.h"
#include "render/render_site.h"

namespace nianbao {

struct BuildStats {
  int pages = 0;  // HTML files
  int files = 0;  // every file
};

/// Loads and checks the site in `site`. Every problem is added to `diags`; returns the
/// model only if there was no error.
std::optional<SiteModel> LoadSite(const FileSystem& site, Diagnostics& diags);

/// LoadSite, then RenderSite.
std::optional<OutputFiles> BuildSite(const FileSystem& site, const RenderOptions& options,
                                     Diagnostics& diags);

BuildStats CountOutput(const OutputFiles& files);

}  // namespace nianbao
