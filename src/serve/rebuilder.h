// Rebuilds the previewed site after changes and publishes each result into a LiveSite.
//
// An edit to existing narratives (report.<lang>.md, pages/<id>.<lang>.md) or to an existing
// edition's data.yaml is the common case and is cheap: only those files are re-read and
// only the pages that show them are re-rendered (a narrative: the edition's report pages,
// its bureau's pages, the home pages if it is the latest edition; a data.yaml: every page
// of its bureau, the home, indicator and open-data pages; a free page: its own pages).
// Anything else (catalogue, templates, a file added or removed) rebuilds the whole site. After a
// narrative edit the caller should also run a full build in the background: it catches pages that
// show a narrative elsewhere (menus, lists) and, being compared with what is served, reloads only
// the pages that differ.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "model/site_model.h"
#include "render/theme.h"
#include "serve/live_site.h"

namespace nianbao {

struct RebuildOptions {
  int jobs = 0;               // render threads of a full build; 0: one per core
  std::string reload_script;  // put in every page
};

/// Thread-safe: ApplyChanges and FullBuild may run at the same time on two threads (the
/// watcher's and a background builder's); a full build that started before a change is
/// dropped rather than published.
class Rebuilder {
 public:
  using Log = std::function<void(const std::string& text)>;

  /// `site` must be safe to read from two threads (DiskFileSystem is).
  Rebuilder(const FileSystem& site, LiveSite& live, RebuildOptions options, Log log);
  ~Rebuilder();
  Rebuilder(const Rebuilder&) = delete;
  Rebuilder& operator=(const Rebuilder&) = delete;

  enum class Outcome {
    kPublished,  // a good build is now served
    kFailed,     // errors: the last good site is still served, pages show the errors
    kDropped,    // files changed while it ran: a newer build will follow
  };

  /// Loads and renders the whole site and publishes it (or its errors).
  Outcome FullBuild();

  /// What should follow a batch of changes.
  enum class Next {
    kNothing,    // a partial rebuild failed: a full build would fail the same way
    kCheck,      // a partial rebuild was published: a full build should check it
    kFullBuild,  // the change needs a full build
  };

  /// Handles a batch of changed paths (watcher's format): a partial rebuild when each path
  /// is a narrative the site already has, nothing otherwise.
  Next ApplyChanges(const std::vector<std::string>& paths);

 private:
  struct Built;
  struct Target;

  // The narratives and data files the paths name, if each is one the model already has;
  // mutex_ held.
  std::optional<std::vector<Target>> Targets(const std::set<std::string>& paths);
  // Renders the pages the targets show on; `prefixes` gets the output folders (ending in
  // '/') and files those pages own, to be replaced as a whole. mutex_ held.
  OutputFiles RenderAffected(const std::vector<Target>& targets, std::vector<std::string>& prefixes,
                             Diagnostics& diags);
  // Prints diagnostics; on errors, pages show them. `whole_site`: from a full build.
  void Report(const Diagnostics& diags, bool whole_site);  // mutex_ held

  const FileSystem& site_;
  LiveSite& live_;
  RebuildOptions options_;
  Log log_;

  std::mutex mutex_;
  uint64_t generation_ = 0;       // bumped by every batch of changes
  std::unique_ptr<Built> built_;  // the model of the served site; null until a good build
  bool in_sync_ = false;          // built_ matches the files, except `dirty_`
  std::set<std::string> dirty_;   // narratives whose current text failed to load
  bool checking_ = false;         // the next full build checks a partial one
  std::string last_warnings_;     // printed once, not after every rebuild
};

}  // namespace nianbao
