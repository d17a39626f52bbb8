#include "render/render_site.h"

#include <functional>
#include <latch>
#include <memory>

#include "core/parallel.h"
#include "core/text.h"
#include "model/comparisons.h"
#include "render/compare_page.h"
#include "render/data_export.h"
#include "render/feeds.h"
#include "render/index_pages.h"
#include "render/indicator_page.h"
#include "render/pages.h"
#include "render/search_page.h"
#include "render/server_files.h"
#include "render/sitemap.h"
#include "render/templates.h"
#include "search/search_index.h"

namespace nianbao {

namespace {

using Job = std::function<void(Diagnostics&)>;

// One job per edition (its report pages in every language, after reading its narratives
// once), per bureau (its pages and comparisons), per indicator, plus the small pages.
// `search` (null: no index) gets the report, bureau, indicator and free pages as they are
// made. The jobs that feed it come first, then one job that writes the index (a language
// at a time) once they are all done, then the comparison pages: the index is written while other
// pages render, not after them all. (ParallelFor hands jobs out in order, so every job the
// index waits for has started by the time a thread waits.)
std::vector<Job> MakeJobs(const RenderInputs& in, const Templates& t, const BodyLoader& bodies,
                          Sink& sink, const RenderSelection& sel, search::SearchIndex* search,
                          bool write_index, const std::function<void()>& side_job) {
  const SiteModel& model = in.model;
  const std::vector<std::string>& langs = model.config.languages;
  std::vector<Job> jobs;
  // The longest jobs first, so that they run beside all the others.
  if (side_job) jobs.push_back([&](Diagnostics&) { side_job(); });
  if (sel.all || sel.data) jobs.push_back([&](Diagnostics&) { ExportData(model, sink); });
  if (sel.all) {
    jobs.push_back([&](Diagnostics&) { sink.Put(RenderLanguageChoice(in, t)); });
    jobs.push_back([&](Diagnostics&) { sink.Put(RenderRootNotFound(in, t)); });
    jobs.push_back([&](Diagnostics&) { sink.Put(RobotsTxt(model)); });
  }
  for (const std::string& lang : langs) {
    if (sel.all || sel.home) {
      jobs.push_back([&, lang](Diagnostics&) { sink.Put(RenderHomePage(in, t, lang)); });
    }
    if (sel.all) {
      jobs.push_back([&, lang](Diagnostics&) { sink.Put(RenderBureauIndex(in, t, lang)); });
      jobs.push_back([&, lang](Diagnostics&) { sink.Put(RenderNotFound(in, t, lang)); });
      jobs.push_back([&, lang](Diagnostics&) { sink.Put(RenderSearchPage(in, t, lang)); });
    }
    // The feed lists the newest editions' titles: any change may touch it.
    jobs.push_back([&, lang](Diagnostics&) { sink.Put(RenderFeed(in, lang)); });
    if (sel.all || sel.indicators) {
      jobs.push_back([&, lang](Diagnostics&) { sink.Put(RenderIndicatorIndex(in, t, lang)); });
    }
    for (const Page& p : model.content.pages) {
      if (!sel.all && !sel.pages.count(&p)) continue;
      jobs.push_back([&, lang, search](Diagnostics&) {
        OutputFile page = RenderFreePage(in, t, lang, p);
        if (search) search->Add(SearchInfoOf(in, lang, p), page.bytes);
        sink.Put(std::move(page));
      });
    }
  }
  for (const Indicator& ind : model.catalog.indicators) {
    if (!sel.all && !sel.indicators && !sel.indicator_ids.count(ind.id)) continue;
    jobs.push_back([&, search](Diagnostics&) {
      for (const std::string& lang : langs) {
        OutputFiles files = RenderIndicatorPage(in, t, lang, ind);
        if (search) search->Add(SearchInfoOf(in, lang, ind), PageOf(files).bytes);
        sink.Put(std::move(files));
      }
    });
  }
  for (const Bureau& b : model.catalog.bureaus) {
    if (!sel.all && !sel.bureaus.count(b.id)) continue;
    jobs.push_back([&, search](Diagnostics&) {
      for (const std::string& lang : langs) {
        OutputFiles files = RenderBureauFiles(in, t, lang, b);
        if (search) search->Add(SearchInfoOf(in, lang, b), PageOf(files).bytes);
        sink.Put(std::move(files));
      }
    });
  }
  for (const Edition& e : model.content.editions) {
    if (!sel.all && !sel.editions.count(&e)) continue;
    jobs.push_back([&, search](Diagnostics& diags) {
      NarrativeBodies held;
      for (const auto& [lang, n] : e.narratives) {
        std::shared_ptr<const NarrativeBody> body = n.body ? n.body : bodies(n, diags);
        if (!body) return;  // its errors are in diags
        // "比上年{{< change x >}}" in a first edition reads "比上年无上期数据可比": say so.
        if (!model.Previous(e)) {
          for (const Shortcode& sc : body->shortcodes) {
            if (sc.name != "change") continue;
            diags.Warning(sc.pos, "'{{< change " + sc.arg + " >}}' in the first " +
                                      std::string(PeriodKindId(e.period.kind)) +
                                      " edition has no earlier figure: the sentence says \"" +
                                      in.theme.String(lang, "change_no_previous") +
                                      "\" there (leave the change out of this edition)");
          }
        }
        held[lang] = std::move(body);
      }
      for (const std::string& lang : langs) {
        OutputFiles files = RenderReportPage(in, t, lang, e, held);
        if (search) search->Add(SearchInfoOf(in, lang, e), PageOf(files).bytes);
        sink.Put(std::move(files));
      }
    });
  }
  if (search && write_index) {
    // Each job before these counts down once, whatever it did (an error included).
    const size_t before = jobs.size();
    // Shared by the jobs, so that it lives as long as they do.
    auto indexed = std::make_shared<std::latch>(static_cast<std::ptrdiff_t>(before));
    for (size_t i = 0; i < before; ++i) {
      jobs[i] = [job = std::move(jobs[i]), latch = indexed](Diagnostics& diags) {
        struct CountDown {
          std::latch& latch;
          ~CountDown() { latch.count_down(); }
        } done{*latch};
        job(diags);
      };
    }
    // One language after the other, on one thread while the others render the comparison
    // pages: the arrays that sort a language's postings are held once, not twice (at 120k
    // they were the build's peak memory).
    jobs.push_back([&, search, latch = indexed](Diagnostics&) {
      latch->wait();
      for (const std::string& lang : langs) {
        search->Write(lang, SearchBureaus(in, lang),
                      [&](OutputFile&& f) { sink.Put(std::move(f)); });
      }
    });
  }
  for (const Bureau& b : model.catalog.bureaus) {
    if (!sel.all && !sel.bureaus.count(b.id)) continue;
    jobs.push_back([&](Diagnostics&) {
      const std::vector<EditionPair> pairs = ComparisonsOf(model, b.id);
      for (const std::string& lang : langs) {
        for (const EditionPair& pair : pairs) sink.Put(RenderComparePage(in, t, lang, pair));
      }
    });
  }
  return jobs;
}

}  // namespace

bool RenderSite(const SiteModel& model, const Theme& theme, const RenderOptions& options,
                const BodyLoader& bodies, Sink& sink, Diagnostics& diags,
                const RenderSelection& selection) {
  std::optional<Templates> compiled = Templates::Compile(theme, diags);
  if (!compiled) return false;
  const Templates& templates = *compiled;
  for (const char* required :
       {"layout", "home", "report", "bureau", "page", "chart", "language_choice", "indicator",
        "compare", "bureaus", "indicators", "indicator_table", "not_found", "search"}) {
    if (!templates.Has(required)) {
      diags.Error({"templates/" + std::string(required) + ".mustache", 0, 0},
                  "the theme has no template '" + std::string(required) + "'");
    }
  }
  if (diags.HasErrors()) return false;

  RenderInputs in(model, theme, options.reload_script, options.publish);
  // The index covers the whole site: a whole render makes it, a partial one updates serve's.
  std::unique_ptr<search::SearchIndex> own;
  search::SearchIndex* search = options.search;
  if (!search && selection.all) {
    // Written once: each snippet file goes out as soon as its pages are rendered.
    search = (own = std::make_unique<search::SearchIndex>()).get();
    for (const std::string& lang : model.config.languages) {
      own->StreamSnippets(lang, SearchedPaths(model, lang),
                          [&sink](OutputFile&& f) { sink.Put(std::move(f)); });
    }
  }
  std::vector<Job> jobs = MakeJobs(in, templates, bodies, sink, selection, search,
                                   options.search_files, options.side_job);
  std::vector<Diagnostics> found(WorkerCount(options.jobs, jobs.size()));
  ParallelFor(jobs.size(), options.jobs, [&](size_t i, int worker) {
    try {
      jobs[i](found[worker]);
    } catch (const TemplateFailure& failure) {
      found[worker].Error(failure.pos(), failure.what());
    }
  });
  for (const Diagnostics& d : found) diags.Append(d);
  if (!selection.all) return !diags.HasErrors() && !sink.failed();
  for (const auto& [path, bytes] : theme.assets) sink.Put(OutputFile{"assets/" + path, bytes});
  if (const GovernmentConfig& g = model.config.government;
      options.publish && !g.badge_image.empty()) {
    sink.Put(OutputFile{g.BadgeOutputPath(), g.badge_bytes});
  }
  if (!diags.HasErrors()) {
    std::vector<std::string> paths;
    for (const WrittenFile& f : sink.Written()) paths.push_back(f.path);
    WriteSitemap(model, paths, sink);
  }
  return !diags.HasErrors() && !sink.failed();
}

OutputFiles RenderSearchFiles(const SiteModel& model, const Theme& theme,
                              const RenderOptions& options, const search::SearchIndex& index) {
  RenderInputs in(model, theme, options.reload_script, options.publish);
  const std::vector<std::string>& langs = model.config.languages;
  std::vector<OutputFiles> per_lang(langs.size());
  ParallelFor(langs.size(), options.jobs, [&](size_t i, int) {
    index.Write(langs[i], SearchBureaus(in, langs[i]),
                [&](OutputFile&& f) { per_lang[i].push_back(std::move(f)); });
  });
  OutputFiles files;
  for (OutputFiles& l : per_lang) {
    for (OutputFile& f : l) files.push_back(std::move(f));
  }
  return files;
}

RenderStats CountWritten(const Sink& sink) {
  RenderStats stats;
  for (const WrittenFile& f : sink.Written()) {
    ++stats.files;
    if (EndsWith(f.path, ".html")) ++stats.pages;
  }
  return stats;
}

}  // namespace nianbao
