#include "pipeline/build.h"

#include "catalog/catalog.h"
#include "checks/data_checks.h"
#include "config/site_config.h"
#include "content/content.h"
#include "content/narrative.h"
#include "output/manifest.h"
#include "pipeline/validate.h"
#include "render/theme.h"
#include "render/theme_digest.h"

namespace nianbao {

std::optional<SiteModel> LoadSite(const FileSystem& site, Diagnostics& diags,
                                  const BuildOptions& options) {
  site.CheckLinks(diags);  // links out of the site or in a loop: refused, and said so
  std::optional<SiteConfig> config = LoadSiteConfig(site, diags);
  if (!config) return std::nullopt;
  // Content is read even when the catalogue has errors, so that one run reports all.
  Catalog catalog = LoadCatalog(site, *config, diags);
  std::optional<Content> content =
      LoadContent(site, *config, catalog, diags, {options.jobs, options.keep_bodies});
  if (diags.HasErrors() || !content) return std::nullopt;
  SiteModel model{std::move(*config), std::move(catalog), std::move(*content)};
  Validate(model, diags);
  CheckData(model, site, diags);  // declared data checks: warnings
  if (diags.HasErrors()) return std::nullopt;
  return model;
}

bool RenderLoadedSite(const FileSystem& site, const SiteModel& model, const BuildOptions& options,
                      Sink& sink, Diagnostics& diags, RecordingFileSystem* loaded) {
  std::optional<Theme> theme = LoadTheme(site, model.config, diags);
  if (!theme) return false;
  BodyLoader bodies = [&](const Narrative& n, Diagnostics& d) {
    std::optional<std::string> text = site.Read(n.path);
    if (!text) {
      d.Error({n.path, 0, 0}, "cannot read the file any more: was it removed during the build?");
      return std::shared_ptr<const NarrativeBody>();
    }
    return LoadNarrativeBody(n.path, *text, model.config, &model.catalog, d);
  };
  RenderOptions render;
  render.jobs = options.jobs;
  render.reload_script = options.reload_script;
  render.publish = options.publish;
  // The digest of content/ reads and hashes every file again: on one thread while the
  // others render (after them all, it was a tail the other cores waited through).
  Manifest manifest;
  render.side_job = [&] {
    std::tie(manifest.content_sha256, manifest.content_files) =
        loaded ? TreeDigest(*loaded, "content", 1,
                            [&](const std::string& path) { return loaded->DigestOf(path); })
               : TreeDigest(site, "content", 1);
    if (loaded) loaded->Forget();  // its memory is the rest of the build's
  };
  if (!RenderSite(model, *theme, render, bodies, sink, diags)) return false;
  // Last: the manifest lists every other file.
  manifest.generator = std::string("nianbao ") + NIANBAO_VERSION;
  manifest.theme = model.config.theme;
  manifest.theme_sha256 = ThemeDigest(*theme);
  manifest.files = sink.Written();
  sink.Put(OutputFile{kManifestPath, ManifestJson(manifest)});
  return !sink.failed();
}

bool BuildSite(const FileSystem& site, const BuildOptions& options, Sink& sink,
               Diagnostics& diags) {
  RecordingFileSystem recorded(site);
  std::optional<SiteModel> model = LoadSite(recorded, diags, options);
  return model && RenderLoadedSite(site, *model, options, sink, diags, &recorded);
}

std::optional<OutputFiles> BuildToMemory(const FileSystem& site, const BuildOptions& options,
                                         Diagnostics& diags) {
  MemorySink sink;
  bool ok = BuildSite(site, options, sink, diags);
  diags.Append(sink.Problems());
  if (!ok) return std::nullopt;
  return sink.Take();
}

}  // namespace nianbao
