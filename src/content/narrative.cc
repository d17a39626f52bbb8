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

namespace {

std::shared_ptr<const NarrativeBody> ReadBody(const SplitFile& split, const std::string& path,
                                              const std::string& text, const SiteConfig& config,
                                              const Catalog* catalog, Diagnostics& diags) {
  const int errors_before = diags.ErrorCount();
  auto body = std::make_shared<NarrativeBody>();
  ShortcodeScan scan =
      ScanShortcodes(split.body, path, split.body_first_line, catalog != nullptr, diags);
  if (catalog) CheckShortcodeIndicators(scan, split.body, *catalog, diags);
  body->shortcodes = std::move(scan.shortcodes);

  markdown::Options options{config.unsafe_html};
  auto hook = [&](const markdown::CodeBlock& block) -> std::optional<std::string> {
    if (Trim(block.info) != "chart") return std::nullopt;
    if (!catalog) {
      diags.Error({path, block.line + split.body_first_line - 1, 1},
                  "charts are only for report narratives, not for pages",
                  LineOf(text, block.line + split.body_first_line - 1));
      return std::string();
    }
    yaml::Source chart_source{path, text, block.line + split.body_first_line};
    std::optional<ChartSpec> chart = ReadChart(block, chart_source, config, *catalog, diags);
    if (!chart) return std::string();
    body->charts.push_back(std::move(*chart));
    return ChartPlaceholder(body->charts.size() - 1);
  };
  body->html = markdown::RenderBlocks(scan.text, options, hook);
  if (diags.ErrorCount() > errors_before) return nullptr;
  return body;
}

}  // namespace

std::optional<Narrative> LoadNarrative(const std::string& path, const std::string& text,
                                       const std::string& lang, const SiteConfig& config,
                                       const Catalog* catalog, Diagnostics& diags, bool with_body) {
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
  if (with_body) n.body = ReadBody(*split, path, text, config, catalog, diags);
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return n;
}

std::shared_ptr<const NarrativeBody> LoadNarrativeBody(const std::string& path,
                                                       const std::string& text,
                                                       const SiteConfig& config,
                                                       const Catalog* catalog, Diagnostics& diags) {
  // Checked again: the file is read a second time, when its pages are rendered.
  if (!CheckSourceText(text, path, 1, SourceKind::kMarkdown, diags)) return nullptr;
  std::optional<SplitFile> split = SplitFrontMatter(text, path, diags);
  if (!split) return nullptr;
  return ReadBody(*split, path, text, config, catalog, diags);
}

}  // namespace nianbao
