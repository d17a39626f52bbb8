#include "catalog/catalog.h"
#include "config/site_config.h"
#include "importer/data_file.h"
#include "scaffold/scaffold.h"

namespace nianbao::scaffold {

namespace {

constexpr const char* kSite =
    R"(# The site's settings (docs/content-format.md §2). The first language is the default.
title: {zh: 示例市市场监督管理局 工作报告, en: Work Reports of the Example City Administration for Market Regulation}
languages: [zh, en]
footer: {zh: 本站数据均为示例数据。, en: All figures on this site are examples.}
)";

constexpr const char* kIndicators =
    R"(# The indicator catalogue (docs/content-format.md §3): this order is the order on
# every page. sum_of, range and max_change are data checks: a figure that fails one is
# a warning in nianbao build and nianbao check (an error with --strict).
categories:
  - id: business
    name: {zh: 营商环境, en: Business environment}
  - id: food
    name: {zh: 食品安全, en: Food safety}
indicators:
  - id: market_entities
    category: business
    name: {zh: 市场主体, en: Registered market entities}
    unit: {zh: 户, en: entities}
    kind: count
    better: higher
    sum_of: [enterprises, individual_businesses]
    max_change: 30%
  - id: enterprises
    category: business
    name: {zh: 企业, en: Enterprises}
    unit: {zh: 户, en: entities}
    kind: count
    better: higher
  - id: individual_businesses
    category: business
    name: {zh: 个体工商户, en: Individually-owned businesses}
    unit: {zh: 户, en: entities}
    kind: count
    better: higher
  - id: food_sampling_pass_rate
    category: food
    name: {zh: 食品抽检合格率, en: Food sampling pass rate}
    unit: {zh: "%", en: "%"}
    kind: rate
    decimals: 1
    better: higher
    range: [90, 100]
    max_change: 2pp
)";

constexpr const char* kBureau =
    R"(name: {zh: 示例市市场监督管理局, en: Example City Administration for Market Regulation}
short: {zh: 示例市局, en: Example City}
level: city
order: 10
)";

constexpr const char* kReportZh = R"(---
title: 示例市市场监督管理局2024年工作报告
date: 2025-01-20
summary: 市场主体稳步增长，食品安全形势稳定。
---
## 一、优化营商环境

全市市场主体达到{{< value market_entities >}}，其中企业{{< value enterprises >}}，个体工商户{{< value individual_businesses >}}。

```chart
indicators: [enterprises, individual_businesses]
type: bar
title: {zh: 市场主体构成, en: Market entities by type}
```

## 二、守牢食品安全底线

全年食品抽检合格率为{{< value food_sampling_pass_rate >}}。
)";

constexpr const char* kReportEn = R"(---
title: "Example City Administration for Market Regulation: work report 2024"
date: 2025-01-20
summary: Market entities grew steadily; food safety stayed stable.
---
## I. Business environment

The city had {{< value market_entities >}}: {{< value enterprises >}} were enterprises and {{< value individual_businesses >}} individually-owned businesses.

```chart
indicators: [enterprises, individual_businesses]
type: bar
title: {zh: 市场主体构成, en: Market entities by type}
```

## II. Food safety

The food sampling pass rate for the year was {{< value food_sampling_pass_rate >}}.
)";

}  // namespace

std::vector<NewFile> SiteFiles() {
  const std::string edition = "content/reports/example-city/2024/";
  std::vector<NewFile> files = {
      {"content/site.yaml", kSite},
      {"content/indicators.yaml", kIndicators},
      {"content/bureaus/example-city.yaml", kBureau},
  };
  // data.yaml is written as import writes it, from the catalogue above.
  MemoryFileSystem site;
  for (const NewFile& f : files) site.Set(f.path, f.text);
  Diagnostics diags;
  std::optional<SiteConfig> config = LoadSiteConfig(site, diags);
  Catalog catalog = LoadCatalog(site, *config, diags);
  importer::DataFile data = importer::EmptyDataFile(catalog);
  const char* values[][2] = {{"market_entities", "315230"},
                             {"enterprises", "102450"},
                             {"individual_businesses", "212780"},
                             {"food_sampling_pass_rate", "98.1"}};
  for (const auto& [id, value] : values) data.values[catalog.FindIndicator(id)->index] = value;
  data.notes[catalog.FindIndicator("market_entities")->index] =
      importer::NoteText{false, {{"zh", "年末实有户数"}, {"en", "Registered at year end"}}};
  files.push_back({edition + "data.yaml", importer::FormatDataFile(data, catalog, *config)});
  files.push_back({edition + "report.zh.md", kReportZh});
  files.push_back({edition + "report.en.md", kReportEn});
  return files;
}

}  // namespace nianbao::scaffold
