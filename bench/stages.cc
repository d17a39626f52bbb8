// Each stage of a build on its own (Google Benchmark): load, model indexes, one report
// page, the search index's work for a page, writing files. The site is the sample site, or
// NIANBAO_BENCH_SITE (a corpus made by bench/run.py, e.g.
// /dev/shm/nianbao-bench/corpus-2k/nianbao).
//
//   NIANBAO_BENCH_SITE=... build/nianbao_stage_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "content/narrative.h"
#include "format/number_format.h"
#include "output/staging.h"
#include "pipeline/build.h"
#include "render/compare_page.h"
#include "render/pages.h"
#include "render/render_context.h"
#include "render/templates.h"
#include "search/page_text.h"
#include "search/search_index.h"
#include "search/tokenize.h"

namespace nianbao {
namespace {

std::string SitePath() {
  const char* env = std::getenv("NIANBAO_BENCH_SITE");
  return env ? env : NIANBAO_SOURCE_DIR;
}

void Load(benchmark::State& state) {
  DiskFileSystem site(SitePath());
  for (auto _ : state) {
    Diagnostics diags;
    std::optional<SiteModel> model = LoadSite(site, diags);
    if (!model) state.SkipWithError(diags.FormatAll().c_str());
    benchmark::DoNotOptimize(model);
  }
}
BENCHMARK(Load)->Unit(benchmark::kMillisecond);

void ModelIndexes(benchmark::State& state) {
  DiskFileSystem site(SitePath());
  Diagnostics diags;
  std::optional<SiteModel> model = LoadSite(site, diags);
  for (auto _ : state) model->BuildIndexes();
  state.counters["editions"] = static_cast<double>(model->content.editions.size());
}
BENCHMARK(ModelIndexes)->Unit(benchmark::kMicrosecond);

// The site's latest edition, ready to render: what the page benchmarks share.
struct LatestEdition {
  DiskFileSystem site{SitePath()};
  Diagnostics diags;
  std::optional<SiteModel> model = LoadSite(site, diags, BuildOptions{0, "", true});
  std::optional<Theme> theme = LoadTheme(site, model->config, diags);
  std::optional<Templates> templates = Templates::Compile(*theme, diags);
  RenderInputs in{*model, *theme};
  const Edition& e = model->content.editions.back();
  NarrativeBodies bodies = HeldBodies(e.narratives);
};

void ReportPage(benchmark::State& state) {
  const LatestEdition s;
  size_t bytes = 0;
  for (auto _ : state) {
    OutputFiles files =
        RenderReportPage(s.in, *s.templates, s.model->config.default_language(), s.e, s.bodies);
    bytes = PageOf(files).bytes.size();
    benchmark::DoNotOptimize(files);
  }
  state.counters["page_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(ReportPage)->Unit(benchmark::kMicrosecond);

// The latest edition's bureau page with its trend charts (the largest page of a corpus:
// every indicator's chart against its peers).
void BureauPage(benchmark::State& state) {
  const LatestEdition s;
  const Bureau* bureau = s.model->catalog.FindBureau(s.e.bureau);
  size_t bytes = 0;
  for (auto _ : state) {
    OutputFiles files =
        RenderBureauFiles(s.in, *s.templates, s.model->config.default_language(), *bureau);
    bytes = files.front().bytes.size();
    benchmark::DoNotOptimize(files);
  }
  state.counters["page_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BureauPage)->Unit(benchmark::kMicrosecond);

// The comparison of the latest edition's bureau's first and latest editions.
void ComparePage(benchmark::State& state) {
  const LatestEdition s;
  const std::vector<EditionPair> pairs = ComparisonsOf(*s.model, s.e.bureau);
  if (pairs.empty()) {
    state.SkipWithError("the latest edition's bureau has no comparisons");
    return;
  }
  size_t bytes = 0;
  for (auto _ : state) {
    OutputFile page =
        RenderComparePage(s.in, *s.templates, s.model->config.default_language(), pairs.back());
    bytes = page.bytes.size();
    benchmark::DoNotOptimize(page);
  }
  state.counters["page_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(ComparePage)->Unit(benchmark::kMicrosecond);

// The search index's work for one page (a report, in each language): its text out of
// the HTML, its tokens, and the whole Add (a few per cent of a build each, docs/search.md).
struct RenderedReport {
  std::string lang;
  std::string html;
};
std::vector<RenderedReport> RenderedReports() {
  const LatestEdition s;
  std::vector<RenderedReport> pages;
  for (const std::string& lang : s.model->config.languages) {
    pages.push_back(
        {lang, PageOf(RenderReportPage(s.in, *s.templates, lang, s.e, s.bodies)).bytes});
  }
  return pages;
}

void SearchPageText(benchmark::State& state) {
  const RenderedReport page = RenderedReports()[state.range(0)];
  for (auto _ : state) benchmark::DoNotOptimize(search::ExtractPageText(page.html));
  state.SetLabel(page.lang);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(page.html.size()));
}
BENCHMARK(SearchPageText)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The text of a bureau page (165 KB at 2k): most of it charts and tables, skipped.
void SearchBureauPageText(benchmark::State& state) {
  const LatestEdition s;
  const Bureau* bureau = s.model->catalog.FindBureau(s.e.bureau);
  const std::string html =
      PageOf(RenderBureauFiles(s.in, *s.templates, s.model->config.default_language(), *bureau))
          .bytes;
  for (auto _ : state) benchmark::DoNotOptimize(search::ExtractPageText(html));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(html.size()));
}
BENCHMARK(SearchBureauPageText)->Unit(benchmark::kMicrosecond);

void SearchTokens(benchmark::State& state) {
  const RenderedReport page = RenderedReports()[state.range(0)];
  const std::string body = search::ExtractPageText(page.html).body;
  std::vector<uint64_t> keys;
  for (auto _ : state) {
    keys.clear();
    search::OtherWords others;
    search::TokenKeys(body, keys, others);
    benchmark::DoNotOptimize(keys.data());
  }
  state.SetLabel(page.lang);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(body.size()));
}
BENCHMARK(SearchTokens)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void SearchAdd(benchmark::State& state) {
  const RenderedReport page = RenderedReports()[state.range(0)];
  search::SearchIndex index;
  size_t n = 0;
  for (auto _ : state) {
    index.Add({page.lang, "p/" + std::to_string(n++) + "/index.html", "report", "b", "", 2021,
               "某某市市场监督管理局"},
              page.html);
  }
  state.SetLabel(page.lang);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(SearchAdd)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Figures as the tables show them: whole counts, amounts with two decimals, computed rates
// and medians that need rounding (a few per cent of a build's CPU is formatting numbers).
void FormatNumbers(benchmark::State& state) {
  std::vector<std::pair<double, int>> figures;
  for (int i = 0; i < 1000; ++i) {
    const double x = (i * 7919 % 200000) + (i % 4) * 0.25;
    figures.push_back({i % 3 == 0 ? double(i * 7919 % 200000) : x, i % 3 == 0 ? 0 : 2});
    figures.push_back({x / 7.0, 1});
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& [value, decimals] : figures)
      bytes += format::FormatNumber(value, decimals).size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(figures.size()));
}
BENCHMARK(FormatNumbers)->Unit(benchmark::kMicrosecond);

void WriteFiles(benchmark::State& state) {
  const std::string dir =
      (std::filesystem::exists("/dev/shm") ? std::string("/dev/shm") : std::string("/tmp")) +
      "/nianbao-stage-bench";
  const std::string page(20000, 'x');
  for (auto _ : state) {
    Diagnostics diags;
    std::unique_ptr<StagingSink> sink = StagingSink::Create(dir + "/out", dir, diags);
    for (int i = 0; i < 1000; ++i) {
      sink->Put(OutputFile{"zh/reports/b/" + std::to_string(i) + "/index.html", page});
    }
    sink->Abort();
  }
  state.SetItemsProcessed(state.iterations() * 1000);
  std::filesystem::remove_all(dir);
}
BENCHMARK(WriteFiles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace nianbao

BENCHMARK_MAIN();
