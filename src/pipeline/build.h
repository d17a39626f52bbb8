// The whole pipeline in order: load → validate → model → render into a sink. Used by
// `build` and `serve`; where the files end up is the caller's sink.
#pragma once

#include <optional>

#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/recording_file_system.h"
#include "model/site_model.h"
#include "output/sink.h"
#include "render/render_site.h"

namespace nianbao {

struct BuildOptions {
  int jobs = 0;               // threads; 0: one per core
  std::string reload_script;  // serve mode only
  bool keep_bodies = false;   // serve: render every narrative at load and keep it
  bool publish = false;       // build --publish (docs/government.md)
};

/// Loads and checks the site in `site`. Every problem is added to `diags`; returns the
/// model only if there was no error. Report narratives' bodies are read only with
/// `keep_bodies`.
std::optional<SiteModel> LoadSite(const FileSystem& site, Diagnostics& diags,
                                  const BuildOptions& options = {});

/// Renders a loaded site into `sink`; narrative bodies the model does not hold are read
/// from `site` as their pages are rendered. `loaded`, if given, is what the site was
/// loaded through: the manifest's digest of content/ takes the files' digests from it
/// instead of reading them again. False on any error.
bool RenderLoadedSite(const FileSystem& site, const SiteModel& model, const BuildOptions& options,
                      Sink& sink, Diagnostics& diags, RecordingFileSystem* loaded = nullptr);

/// LoadSite, then RenderLoadedSite.
bool BuildSite(const FileSystem& site, const BuildOptions& options, Sink& sink, Diagnostics& diags);

/// A whole build in memory, sorted by path (serve, tests); nullopt on errors.
std::optional<OutputFiles> BuildToMemory(const FileSystem& site, const BuildOptions& options,
                                         Diagnostics& diags);

}  // namespace nianbao
