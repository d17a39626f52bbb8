#include "render/render_site.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

#include "model/comparisons.h"
#include "render/compare_page.h"
#include "render/data_export.h"
#include "render/indicator_page.h"
#include "render/pages.h"
#include "render/sitemap.h"
#include "render/templates.h"

namespace nianbao {

std::optional<OutputFiles> RenderSite(const SiteModel& model, const Theme& theme,
                                      const RenderOptions& options, Diagnostics& diags) {
  std::optional<Templates> compiled = Templates::Compile(theme, diags);
  if (!compiled) return std::nullopt;
  const Templates& templates = *compiled;
  for (const char* required : {"layout", "home", "report", "bureau", "page", "chart",
                               "language_choice", "indicator", "compare"}) {
    if (!templates.Has(required)) {
      diags.Error({"templates/" + std::string(required) + ".mustache", 0, 0},
                  "the theme has no template '" + std::string(required) + "'");
    }
  }
  if (diags.HasErrors()) return std::nullopt;

  RenderInputs in{model, theme, options.reload_script};
  using Job = std::function<OutputFiles(const Templates&)>;
  const std::vector<EditionPair> comparisons = AllComparisons(model);
  std::vector<Job> jobs;
  jobs.push_back([&](const Templates& t) { return OutputFiles{RenderLanguageChoice(in, t)}; });
  for (const std::string& lang : model.config.languages) {
    jobs.push_back(
        [&, lang](const Templates& t) { return OutputFiles{RenderHomePage(in, t, lang)}; });
    for (const Bureau& b : model.catalog.bureaus) {
      jobs.push_back([&, lang](const Templates& t) { return RenderBureauFiles(in, t, lang, b); });
    }
    for (const Edition& e : model.content.editions) {
      jobs.push_back([&, lang](const Templates& t) { return RenderReportPage(in, t, lang, e); });
    }
    for (const Indicator& ind : model.catalog.indicators) {
      jobs.push_back(
          [&, lang](const Templates& t) { return RenderIndicatorPage(in, t, lang, ind); });
    }
    for (const EditionPair& pair : comparisons) {
      jobs.push_back([&, lang](const Templates& t) {
        return OutputFiles{RenderComparePage(in, t, lang, pair)};
      });
    }
    for (const Page& p : model.content.pages) {
      jobs.push_back(
          [&, lang](const Templates& t) { return OutputFiles{RenderFreePage(in, t, lang, p)}; });
    }
  }

  // Each job writes only its own slot, so the result does not depend on scheduling.
  std::vector<OutputFiles> results(jobs.size());
  int workers = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min<int>(workers, static_cast<int>(jobs.size()));
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) results[i] = jobs[i](templates);
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < workers; ++i) threads.emplace_back(work);
  work();
  for (std::thread& th : threads) th.join();

  OutputFiles files;
  for (OutputFiles& r : results) {
    for (OutputFile& f : r) files.push_back(std::move(f));
  }
  if (std::optional<OutputFile> sitemap = Sitemap(model, files)) files.push_back(*sitemap);
  for (OutputFile& f : ExportData(model, theme)) files.push_back(std::move(f));
  for (const auto& [path, bytes] : theme.assets) files.push_back({"assets/" + path, bytes});
  std::sort(files.begin(), files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace nianbao
