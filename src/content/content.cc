#include "content/content.h"

#include <algorithm>
#include <tuple>

#include "content/narrative.h"
#include "core/parallel.h"
#include "core/text.h"
#include "yaml/reader.h"

namespace nianbao {

const Value& Edition::ValueOf(const Indicator& indicator) const {
  static const Value kNull;
  return indicator.index < values.size() ? values[indicator.index] : kNull;
}

LineCol Edition::PositionOf(const Indicator& indicator) const {
  return indicator.index < value_pos.size() ? value_pos[indicator.index] : LineCol{};
}

std::string Edition::DataPath() const {
  return "content/reports/" + bureau + "/" + name + "/data.yaml";
}

void ReadEditionData(const std::string& path, const std::string& text, const SiteConfig& config,
                     const Catalog& catalog, Edition& edition, Diagnostics& diags) {
  yaml::Source source{path, text, 1};
  std::optional<yaml::Node> root = yaml::Parse(text, source, diags);
  if (!root) return;
  yaml::Reader reader(source, diags, config.languages);
  if (root->IsNull()) return;
  if (!reader.ExpectMap(*root, "data.yaml")) return;
  reader.CheckKeys(*root, {"values", "notes"});
  auto known = [&](const yaml::Node& key) {
    if (key.IsScalar() && catalog.FindIndicator(key.value)) return true;
    if (!catalog.indicators_loaded) return false;
    reader.Error(key, "unknown indicator '" + key.value + "'" +
                          DidYouMean(key.value, catalog.IndicatorIds()));
    return false;
  };
  if (const yaml::Node* values = root->Find("values"); values && !values->IsNull()) {
    if (reader.ExpectMap(*values, "values")) {
      for (const auto& [key, node] : values->entries) {
        if (!known(key)) continue;
        const Indicator& ind = *catalog.FindIndicator(key.value);
        Value v;
        v.listed = true;
        if (node.IsNull()) {
          v.status = ValueStatus::kNull;
        } else if (node.IsScalar() && node.plain && node.value == "withheld") {
          v.status = ValueStatus::kWithheld;
        } else if (auto number = reader.Number(node, "the value of " + key.value)) {
          v.status = ValueStatus::kNumber;
          v.number = *number;
          if (ind.kind == IndicatorKind::kRate && (*number < 0 || *number > 100)) {
            reader.Error(node, "'" + key.value +
                                   "' is a rate: its value must be from 0 to 100, not " +
                                   node.value);
          }
        } else {
          continue;
        }
        edition.values[ind.index] = v;
        // Positions only where a data check may point: no memory for sites without checks.
        if (ind.checks.any()) {
          if (edition.value_pos.size() < edition.values.size()) {
            edition.value_pos.resize(edition.values.size());
          }
          edition.value_pos[ind.index] = {node.line, node.col};
        }
      }
    }
  }
  if (const yaml::Node* notes = root->Find("notes"); notes && !notes->IsNull()) {
    if (reader.ExpectMap(*notes, "notes")) {
      for (const auto& [key, node] : notes->entries) {
        if (!known(key)) continue;
        if (auto t = reader.Text(node, "the note on " + key.value)) edition.notes[key.value] = *t;
      }
    }
  }
}

namespace {

// Splits "report.zh.md" into "report" and "zh"; false if the name is not of that shape.
bool SplitLangFile(const std::string& name, std::string& stem, std::string& lang) {
  if (!EndsWith(name, ".md")) return false;
  std::string base = name.substr(0, name.size() - 3);
  size_t dot = base.rfind('.');
  if (dot == std::string::npos) return false;
  stem = base.substr(0, dot);
  lang = base.substr(dot + 1);
  return true;
}

bool CheckLanguage(const std::string& path, const std::string& lang, const SiteConfig& config,
                   Diagnostics& diags) {
  if (std::find(config.languages.begin(), config.languages.end(), lang) != config.languages.end()) {
    return true;
  }
  diags.Error({path, 0, 0}, "'" + lang + "' is not one of the site's languages in site.yaml" +
                                DidYouMean(lang, config.languages));
  return false;
}

std::optional<Edition> LoadEdition(const FileSystem& site, const SiteConfig& config,
                                   const Catalog& catalog, const std::string& bureau,
                                   const std::string& name, bool with_body, Diagnostics& diags) {
  const std::string dir = "content/reports/" + bureau + "/" + name;
  std::optional<EditionName> period = ParseEditionName(name);
  if (!period) {
    diags.Error({dir, 0, 0}, "'" + name + "' is not an edition name: use YYYY for a year, " +
                                 "or YYYY-h1, YYYY-h2, YYYY-q1 … YYYY-q4");
    return std::nullopt;
  }
  Edition edition;
  edition.bureau = bureau;
  edition.name = name;
  edition.period = *period;
  edition.values.resize(catalog.indicators.size());
  bool has_data = false;
  const std::vector<DirEntry> entries = site.List(dir);
  for (const DirEntry& e : entries) {
    const std::string path = dir + "/" + e.name;
    std::string stem, lang;
    if (e.is_dir) {
      diags.Warning({path, 0, 0},
                    "ignored: an edition folder holds data.yaml and report.<lang>.md");
    } else if (e.name == "data.yaml") {
      has_data = true;
      ReadEditionData(path, site.Read(path).value_or(""), config, catalog, edition, diags);
    } else if (SplitLangFile(e.name, stem, lang) && stem == "report") {
      if (!CheckLanguage(path, lang, config, diags)) continue;
      auto narrative = LoadNarrative(path, site.Read(path).value_or(""), lang, config, &catalog,
                                     diags, with_body);
      if (narrative) edition.narratives[lang] = std::move(*narrative);
    } else {
      diags.Warning({path, 0, 0},
                    "ignored: an edition folder holds data.yaml and report.<lang>.md");
    }
  }
  if (!has_data && edition.narratives.empty()) {
    bool had_narrative = false;
    for (const DirEntry& e : entries) had_narrative |= StartsWith(e.name, "report.");
    if (!had_narrative) {
      diags.Error({dir, 0, 0}, "edition has neither data.yaml nor a report.<lang>.md");
    }
    return std::nullopt;
  }
  return edition;
}

void LoadPages(const FileSystem& site, const SiteConfig& config, Content& content,
               Diagnostics& diags) {
  std::map<std::string, Page> pages;
  for (const DirEntry& e : site.List("content/pages")) {
    const std::string path = "content/pages/" + e.name;
    std::string id, lang;
    if (e.is_dir || !SplitLangFile(e.name, id, lang)) {
      diags.Warning({path, 0, 0}, "ignored: pages are named <page-id>.<lang>.md");
      continue;
    }
    if (!IsValidId(id)) {
      diags.Error({path, 0, 0}, "'" + id + "' is not a valid page id: " +
                                    (IsWindowsReservedName(id)
                                         ? std::string(kWindowsReservedAdvice)
                                         : "use a-z, 0-9, '_' and '-', starting with a letter "
                                           "or digit"));
      continue;
    }
    if (!CheckLanguage(path, lang, config, diags)) continue;
    auto narrative =
        LoadNarrative(path, site.Read(path).value_or(""), lang, config, nullptr, diags);
    if (!narrative) continue;
    pages[id].id = id;
    pages[id].narratives[lang] = std::move(*narrative);
  }
  for (auto& [id, page] : pages) content.pages.push_back(std::move(page));
}

}  // namespace

std::optional<Content> LoadContent(const FileSystem& site, const SiteConfig& config,
                                   const Catalog& catalog, Diagnostics& diags,
                                   const LoadOptions& options) {
  Content content;
  const int errors_before = diags.ErrorCount();
  struct EditionDir {
    std::string bureau, name;
  };
  std::vector<EditionDir> dirs;
  for (const DirEntry& b : site.List("content/reports")) {
    const std::string dir = "content/reports/" + b.name;
    if (!b.is_dir) {
      diags.Warning({dir, 0, 0}, "ignored: reports/ holds one folder per bureau");
      continue;
    }
    if (!catalog.FindBureau(b.name)) {
      diags.Error({dir, 0, 0}, "no bureau '" + b.name + "': add content/bureaus/" + b.name +
                                   ".yaml" + DidYouMean(b.name, catalog.BureauIds()));
      continue;
    }
    for (const DirEntry& e : site.List(dir)) {
      if (!e.is_dir) {
        diags.Warning({dir + "/" + e.name, 0, 0},
                      "ignored: a bureau's folder holds one folder per edition");
        continue;
      }
      dirs.push_back({b.name, e.name});
    }
  }
  // Editions are independent: read them on every core, each into its own slot.
  std::vector<std::optional<Edition>> loaded(dirs.size());
  std::vector<Diagnostics> found(dirs.size());
  ParallelFor(dirs.size(), options.jobs, [&](size_t i, int) {
    loaded[i] = LoadEdition(site, config, catalog, dirs[i].bureau, dirs[i].name,
                            options.with_bodies, found[i]);
  });
  content.editions.reserve(dirs.size());
  for (size_t i = 0; i < dirs.size(); ++i) {
    diags.Append(found[i]);
    if (loaded[i]) content.editions.push_back(std::move(*loaded[i]));
  }
  LoadPages(site, config, content, diags);
  // Bureau list order, then period kind, then year: never file-system order.
  auto rank = [&](const Edition& e) { return catalog.FindBureau(e.bureau)->index; };
  std::sort(content.editions.begin(), content.editions.end(),
            [&](const Edition& a, const Edition& b) {
              return std::tuple(rank(a), a.period.kind, a.period.year) <
                     std::tuple(rank(b), b.period.kind, b.period.year);
            });
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return content;
}

}  // namespace nianbao
