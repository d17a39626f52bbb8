#include "catalog/catalog.h"
#include "config/site_config.h"
#include "core/ids.h"
#include "core/text.h"
#include "format/number_format.h"
#include "importer/data_file.h"
#include "scaffold/scaffold.h"

namespace nianbao::scaffold {

namespace {

std::string PeriodText(const EditionName& e, bool zh) {
  const std::string y = std::to_string(e.year);
  switch (e.kind) {
    case PeriodKind::kAnnual:
      return zh ? y + "年" : y;
    case PeriodKind::kH1:
      return zh ? y + "年上半年" : "H1 " + y;
    case PeriodKind::kH2:
      return zh ? y + "年下半年" : "H2 " + y;
    case PeriodKind::kQ1:
      return zh ? y + "年第一季度" : "Q1 " + y;
    case PeriodKind::kQ2:
      return zh ? y + "年第二季度" : "Q2 " + y;
    case PeriodKind::kQ3:
      return zh ? y + "年第三季度" : "Q3 " + y;
    case PeriodKind::kQ4:
      return zh ? y + "年第四季度" : "Q4 " + y;
  }
  return y;
}

}  // namespace

std::optional<std::vector<NewFile>> EditionFiles(const FileSystem& site, const std::string& bureau,
                                                 const std::string& edition, Diagnostics& diags) {
  std::optional<SiteConfig> config = LoadSiteConfig(site, diags);
  if (!config) return std::nullopt;
  Catalog catalog = LoadCatalog(site, *config, diags);
  if (diags.HasErrors()) return std::nullopt;
  const Bureau* b = catalog.FindBureau(bureau);
  if (!b) {
    diags.Error({"content/bureaus/" + bureau + ".yaml", 0, 0},
                "no bureau '" + bureau + "'" + DidYouMean(bureau, catalog.BureauIds()) +
                    ": add this file first");
  }
  const std::string dir = "content/reports/" + bureau + "/" + edition;
  std::optional<EditionName> period = ParseEditionName(edition);
  if (!period) {
    diags.Error({dir, 0, 0}, "'" + edition + "' is not an edition name: use YYYY for a year, " +
                                 "or YYYY-h1, YYYY-h2, YYYY-q1 … YYYY-q4");
  }
  if (!b || !period) return std::nullopt;

  std::vector<NewFile> files;
  importer::DataFile data = importer::EmptyDataFile(catalog);
  for (auto& v : data.values) v = "null";
  data.header = {"# The figures of this edition: a number, withheld (not published) or null (not",
                 "# reported). Fill them in here, or from the statistics office's spreadsheet with",
                 "#   nianbao import FILE.xlsx --bureau " + bureau + " --edition " + edition};
  files.push_back({dir + "/data.yaml", importer::FormatDataFile(data, catalog, *config)});
  for (const std::string& lang : config->languages) {
    const bool zh = format::IsChinese(lang);
    const std::string name = b->name.Get(lang, config->default_language());
    const std::string title = zh ? name + PeriodText(*period, true) + "工作报告"
                                 : name + ": work report, " + PeriodText(*period, false);
    files.push_back(
        {dir + "/report." + lang + ".md", "---\ntitle: " + importer::QuoteYaml(title) + "\n---\n"});
  }
  return files;
}

}  // namespace nianbao::scaffold
