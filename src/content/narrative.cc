#include "content/narrative.h"

#include "core/source_text.h"
#include "core/text.h"
#include "markdown/markdown.h"
#include "yaml/reader.h"

namespace nianbao {

namespace {

// Reads the YAML body of a ```chart block.
std::optional<ChartSpec> ReadChart(const markdown::CodeBlock& block, const yaml::Source& source,
                                   const SiteConfig& config, const Catalog& catalog,
                                   Diagnostics& diags) {
  std::optional<yaml::Node> root = yaml::Parse(block.literal, source, diags);
  if (!root) return std::nullopt;
  yaml::Reader reader(source, diags, config.languages);
  ChartSpec chart;
  chart.pos = {source.path, source.first_line - 1, 1};
  if (!reader.ExpectMap(*root, "a chart block")) return std::nullopt;
  reader.CheckKeys(*root, {"indicators", "type", "title"});
  const int errors_before = diags.ErrorCount();
  if (const yaml::Node* n = reader.Required(*root, "indicators")) {
    if (auto items = reader.List(*n, "indicators")) {
      for (const yaml::Node* item : *items) {
        if (!item->IsScalar() || !catalog.FindIndicator(item->value)) {
          if (!catalog.indicators_loaded) continue;
          reader.Error(*item, "unknown indicator '" + item->value + "'" +
                                  DidYouMean(item->value, catalog.IndicatorIds()));
          continue;
        }
        chart.indicators.push_back(item->value);
      }
      if (items->empty()) reader.Error(*n, "a chart needs at least one indicator");
    }
  }
  if (const yaml::Node* n = root->Find("type"); n && !n->IsNull()) {
    if (auto t = reader.Choice(*n, "chart type", {"bar", "line"})) chart.bar = *t == "bar";
  }
  if (const yaml::Node* n = root->Find("title"); n && !n->IsNull()) {
    if (auto t = reader.Text(*n, "chart title")) chart.title = *t;
  }
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return chart;
}

}  // namespace

std::optional<Narrative> LoadNarrative(const std::string& path, const std::string& text,
                                       const std::string& lang, const SiteConfig& config,
                                       const Catalog* catalog, Diagnostics& diags) {
  if (!CheckSourceText(text, path, 1, SourceKind::kMarkdown, diags)) return std::nullopt;
  const int errors_before = diags.ErrorCount();
  std::optional<SplitFile> split = SplitFrontMatter(text, path, diags);
  if (!split) return std::nullopt;
  yaml::Source source{path, text, split->yaml_first_line};
  std::optional<FrontMatter> front = ReadFrontMatter(*split, source, diags);

  Narrative n;
  n.lang = lang;
  n.path = path;
  if (front) n.front = *front;
  ShortcodeScan scan =
      ScanShortcodes(split->body, path, split->body_first_line, catalog != nullptr, diags);
  if (catalog) CheckShortcodeIndicators(scan, split->body, *catalog, diags);
  n.shortcodes = std::move(scan.shortcodes);

  markdown::Options options{config.unsafe_html};
  auto hook = [&](const markdown::CodeBlock& block) -> std::optional<std::string> {
    if (Trim(block.info) != "chart") return std::nullopt;
    if (!catalog) {
      diags.Error({path, block.line + split->body_first_line - 1, 1},
                  "charts are only for report narratives, not for pages",
                  LineOf(text, block.line + split->body_first_line - 1));
      return std::string();
    }
    yaml::Source chart_source{path, text, block.line + split->body_first_line};
    std::optional<ChartSpec> chart = ReadChart(block, chart_source, config, *catalog, diags);
    if (!chart) return std::string();
    n.charts.push_back(std::move(*chart));
    return ChartPlaceholder(n.charts.size() - 1);
  };
  n.html = markdown::RenderBlocks(scan.text, options, hook);
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return n;
}

}  // namespace nianbao
