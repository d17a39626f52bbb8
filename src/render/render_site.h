// The render stage: SiteModel + Theme → every output file, handed to a Sink as it is made.
#pragma once

#include <functional>
#include <memory>
#include <set>
#include <string>

#include "core/diagnostic.h"
#include "model/site_model.h"
#include "output/sink.h"
#include "render/theme.h"
#include "search/search_index.h"

namespace nianbao {

struct RenderOptions {
  int jobs = 0;               // worker threads; 0: one per core
  std::string reload_script;  // serve mode: a <script> put in every page; never in builds
  bool publish = false;       // `build --publish`: the live site's badge and snippet
  // Serve: a search index kept between renders; a partial render updates the pages it
  // makes and writes the index again. Null: a whole render makes an index of its own.
  search::SearchIndex* search = nullptr;
  // False: a partial render updates `search` but leaves writing its files to the caller
  // (RenderSearchFiles), so that the edited pages can be shown before.
  bool search_files = true;
  // Work that needs no page but the build's time, run as one more job among the pages
  // (a build's digest of content/ for the manifest), first, as the longest one.
  std::function<void()> side_job;
};

/// The body of a report narrative: the one it holds, or one read now (null on errors,
/// which go to the Diagnostics given). Called from render threads.
using BodyLoader =
    std::function<std::shared_ptr<const NarrativeBody>(const Narrative&, Diagnostics&)>;

/// Which pages a render makes: everything (a build), or what one change touches (serve).
struct RenderSelection {
  bool all = true;  // every page, asset and export, and the sitemap; the rest is ignored
  bool home = false;
  bool indicators = false;              // every indicator page with its table pages and files
  std::set<std::string> indicator_ids;  // …or only these indicators' pages
  bool data = false;                    // data/indicators.csv and .json
  std::set<std::string> bureaus;        // these bureaus' pages and comparison pages
  std::set<const Edition*> editions;    // these editions' report pages
  std::set<const Page*> pages;          // these free-standing pages
};

/// What a render produced.
struct RenderStats {
  int pages = 0;  // HTML files
  int files = 0;  // every file
};

/// Renders every page of every language, the data exports and the assets into `sink`, on
/// every core; each page's files go to the sink as soon as they are made, so memory does
/// not grow with the site. Pure: the same model and theme give the same files whatever
/// `jobs` is. False for broken templates or narrative bodies (in `diags`) or a failed write
/// (in sink.Problems()); the sink then holds a partial site, which the caller drops.
bool RenderSite(const SiteModel& model, const Theme& theme, const RenderOptions& options,
                const BodyLoader& bodies, Sink& sink, Diagnostics& diags,
                const RenderSelection& selection = {});

/// The files of `index` for every language (assets/search/), as a whole render writes them.
OutputFiles RenderSearchFiles(const SiteModel& model, const Theme& theme,
                              const RenderOptions& options, const search::SearchIndex& index);

/// Pages and files among what a sink was given.
RenderStats CountWritten(const Sink& sink);

}  // namespace nianbao
