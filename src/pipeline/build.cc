#include "pipeline/build.h"

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "content/content.h"
#include "core/text.h"
#include "pipeline/validate.h"
#include "render/theme.h"

namespace nianbao {

std::optional<SiteModel> LoadSite(const FileSystem& site, Diagnostics& diags) {
  std::optional<SiteConfig> config = LoadSiteConfig(site, diags);
  if (!config) return std::nullopt;
  // Content is read even when the catalogue has errors, so that one run reports all.
  Catalog catalog = LoadCatalog(site, *config, diags);
  std::optional<Content> content = LoadContent(site, *config, catalog, diags);
  if (diags.HasErrors() || !content) return std::nullopt;
  SiteModel model{std::move(*config), std::move(catalog), std::move(*content)};
  Validate(model, diags);
  if (diags.HasErrors()) return std::nullopt;
  return model;
}

std::optional<OutputFiles> BuildSite(const FileSystem& site, const RenderOptions& options,
                                     Diagnostics& diags) {
  std::optional<SiteModel> model = LoadSite(site, diags);
  if (!model) return std::nullopt;
  std::optional<Theme> theme = LoadTheme(site, model->config, diags);
  if (!theme) return std::nullopt;
  return RenderSite(*model, *theme, options, diags);
}

BuildStats CountOutput(const OutputFiles& files) {
  BuildStats stats;
  for (const OutputFile& f : files) {
    ++stats.files;
    if (EndsWith(f.path, ".html")) ++stats.pages;
  }
  return stats;
}

}  // namespace nianbao
