#include "catalog/catalog.h"

#include <algorithm>
#include <tuple>

#include "catalog/data_checks.h"
#include "core/parallel.h"
#include "core/text.h"
#include "format/number_format.h"
#include "yaml/reader.h"

namespace nianbao {

namespace {

template <typename T>
const T* FindById(const std::vector<T>& items, const std::string& id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

// A unit with a Chinese magnitude (万元, 亿元, 万户) is written in English prose at the
// English scale, in the base unit its English name gives (docs/numbers.md).
void SetEnglishScale(Indicator& ind) {
  int magnitude = 0;
  for (const auto& [lang, text] : ind.unit.text) {
    if (format::IsChinese(lang)) magnitude = std::max(magnitude, format::ChineseMagnitude(text));
  }
  ind.magnitude = magnitude;
  if (magnitude == 0) return;
  for (const auto& [lang, text] : ind.unit.text) {
    if (format::IsChinese(lang)) continue;
    if (std::optional<std::string> base = format::EnglishBaseUnit(text, magnitude)) {
      ind.scaled_unit[lang] = *base;
    }
  }
}

// Reads an "id:" value and checks it against the id rule and earlier ids.
std::optional<std::string> ReadId(const yaml::Reader& reader, const yaml::Node& map,
                                  const std::string& what, std::vector<std::string>& seen) {
  const yaml::Node* n = reader.Required(map, "id");
  if (!n) return std::nullopt;
  std::optional<std::string> id = reader.String(*n, what + " id");
  if (!id) return std::nullopt;
  if (!IsValidId(*id)) {
    reader.Error(*n, "'" + *id + "' is not a valid id: " +
                         (IsWindowsReservedName(*id)
                              ? std::string(kWindowsReservedAdvice)
                              : "use a-z, 0-9, '_' and '-', starting with a letter or digit, at "
                                "most 64 characters"));
    return std::nullopt;
  }
  if (std::find(seen.begin(), seen.end(), *id) != seen.end()) {
    reader.Error(*n, what + " id '" + *id + "' is defined twice");
    return std::nullopt;
  }
  seen.push_back(*id);
  return id;
}

void LoadIndicators(const FileSystem& site, const SiteConfig& config, Catalog& catalog,
                    Diagnostics& diags) {
  const std::string path = "content/indicators.yaml";
  std::optional<std::string> text = site.Read(path);
  if (!text) {
    diags.Error({path, 0, 0}, "no indicators.yaml: the indicator catalogue is required");
    catalog.indicators_loaded = false;
    return;
  }
  yaml::Source source{path, *text, 1};
  std::optional<yaml::Node> root = yaml::Parse(*text, source, diags);
  yaml::Reader reader(source, diags, config.languages);
  if (!root || !reader.ExpectMap(*root, "indicators.yaml")) {
    catalog.indicators_loaded = false;
    return;
  }
  reader.CheckKeys(*root, {"categories", "indicators"});

  std::vector<std::string> category_ids;
  if (const yaml::Node* list = reader.Required(*root, "categories")) {
    if (auto items = reader.List(*list, "categories")) {
      for (const yaml::Node* item : *items) {
        if (!reader.ExpectMap(*item, "a category")) continue;
        reader.CheckKeys(*item, {"id", "name"});
        Category c;
        auto id = ReadId(reader, *item, "category", category_ids);
        const yaml::Node* name = reader.Required(*item, "name");
        auto t = name ? reader.Text(*name, "category name") : std::nullopt;
        if (!id) continue;
        c.id = *id;
        if (t) c.name = *t;
        catalog.categories.push_back(std::move(c));
      }
    }
  }

  std::vector<std::string> indicator_ids;
  const yaml::Node* list = reader.Required(*root, "indicators");
  if (!list) return;
  auto items = reader.List(*list, "indicators");
  if (!items) return;
  for (const yaml::Node* item : *items) {
    if (!reader.ExpectMap(*item, "an indicator")) continue;
    reader.CheckKeys(*item, {"id", "category", "name", "unit", "kind", "decimals", "better",
                             "description", "sum_of", "range", "max_change"});
    Indicator ind;
    auto id = ReadId(reader, *item, "indicator", indicator_ids);
    if (id) ind.id = *id;
    if (const yaml::Node* n = reader.Required(*item, "category")) {
      if (!n->IsScalar() || !FindById(catalog.categories, n->value)) {
        std::vector<std::string> ids;
        for (const Category& c : catalog.categories) ids.push_back(c.id);
        reader.Error(*n, "unknown category '" + n->value + "'" + DidYouMean(n->value, ids));
      } else {
        ind.category = n->value;
      }
    }
    auto text = [&](const std::string& key, const std::string& what, Translated& into) {
      if (const yaml::Node* n = reader.Required(*item, key)) {
        if (auto t = reader.Text(*n, what)) into = *t;
      }
    };
    text("name", "indicator name", ind.name);
    text("unit", "unit", ind.unit);
    SetEnglishScale(ind);
    if (const yaml::Node* n = reader.Required(*item, "kind")) {
      if (auto k = reader.Choice(*n, "kind", {"count", "amount", "rate"})) {
        ind.kind = *k == "count"    ? IndicatorKind::kCount
                   : *k == "amount" ? IndicatorKind::kAmount
                                    : IndicatorKind::kRate;
      }
    }
    ind.decimals = ind.kind == IndicatorKind::kCount    ? 0
                   : ind.kind == IndicatorKind::kAmount ? 2
                                                        : 1;
    if (const yaml::Node* n = item->Find("decimals"); n && !n->IsNull()) {
      if (auto d = reader.Integer(*n, "decimals", 0, 6)) ind.decimals = static_cast<int>(*d);
    }
    if (const yaml::Node* n = item->Find("better"); n && !n->IsNull()) {
      if (auto b = reader.Choice(*n, "better", {"higher", "lower", "neutral"})) {
        ind.better = *b == "higher"  ? Better::kHigher
                     : *b == "lower" ? Better::kLower
                                     : Better::kNeutral;
      }
    }
    if (const yaml::Node* n = item->Find("description"); n && !n->IsNull()) {
      if (auto t = reader.Text(*n, "description")) ind.description = *t;
    }
    ReadDataChecks(reader, *item, ind);
    // Kept even with errors in other fields (the build fails anyway), so that uses of a
    // known id elsewhere are not reported as unknown.
    if (id) catalog.indicators.push_back(std::move(ind));
  }
  CheckSumParts(reader, catalog.indicators);
}

std::optional<Bureau> LoadBureau(const FileSystem& site, const SiteConfig& config,
                                 const std::string& file, Diagnostics& diags) {
  const std::string path = "content/bureaus/" + file;
  std::string id = file.substr(0, file.size() - 5);
  std::optional<std::string> text = site.Read(path);
  if (!text) return std::nullopt;
  if (!IsValidId(id)) {
    diags.Error({path, 0, 0}, "'" + id + "' is not a valid bureau id: " +
                                  (IsWindowsReservedName(id)
                                       ? std::string(kWindowsReservedAdvice)
                                       : "name the file with a-z, 0-9, '_' and '-', starting "
                                         "with a letter or digit"));
    return std::nullopt;
  }
  yaml::Source source{path, *text, 1};
  std::optional<yaml::Node> root = yaml::Parse(*text, source, diags);
  if (!root) return std::nullopt;
  yaml::Reader reader(source, diags, config.languages);
  if (!reader.ExpectMap(*root, "a bureau file")) return std::nullopt;
  reader.CheckKeys(*root, {"name", "short", "level", "parent", "order"});
  Bureau b;
  b.id = id;
  if (const yaml::Node* n = reader.Required(*root, "name")) {
    if (auto t = reader.Text(*n, "name")) b.name = *t;
  }
  b.short_name = b.name;
  if (const yaml::Node* n = root->Find("short"); n && !n->IsNull()) {
    if (auto t = reader.Text(*n, "short")) b.short_name = *t;
  }
  if (const yaml::Node* n = reader.Required(*root, "level")) {
    if (auto l = reader.Choice(*n, "level", {"province", "city", "county", "district"})) {
      b.level = *l == "province" ? BureauLevel::kProvince
                : *l == "city"   ? BureauLevel::kCity
                : *l == "county" ? BureauLevel::kCounty
                                 : BureauLevel::kDistrict;
    }
  }
  if (const yaml::Node* n = root->Find("parent"); n && !n->IsNull()) {
    if (auto s = reader.String(*n, "parent")) {
      b.parent = *s;
      b.parent_pos = {path, n->line, n->col};
    }
  }
  if (const yaml::Node* n = root->Find("order"); n && !n->IsNull()) {
    auto o = reader.Integer(*n, "order", -1000000000, 1000000000);
    if (o) b.order = *o;
  }
  return b;  // even with errors: see LoadIndicators
}

}  // namespace

namespace {
template <typename T>
const T* Lookup(const std::unordered_map<std::string, size_t>& index, const std::vector<T>& items,
                const std::string& id) {
  if (index.size() != items.size()) return FindById(items, id);  // while loading
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

void Catalog::BuildIndexes() {
  indicator_by_id_.clear();
  category_by_id_.clear();
  bureau_by_id_.clear();
  for (size_t i = 0; i < indicators.size(); ++i) {
    indicators[i].index = i;
    indicator_by_id_.emplace(indicators[i].id, i);
  }
  for (size_t i = 0; i < categories.size(); ++i) category_by_id_.emplace(categories[i].id, i);
  for (size_t i = 0; i < bureaus.size(); ++i) {
    bureaus[i].index = i;
    bureau_by_id_.emplace(bureaus[i].id, i);
  }
}

const Indicator* Catalog::FindIndicator(const std::string& id) const {
  return Lookup(indicator_by_id_, indicators, id);
}
const Category* Catalog::FindCategory(const std::string& id) const {
  return Lookup(category_by_id_, categories, id);
}
const Bureau* Catalog::FindBureau(const std::string& id) const {
  return Lookup(bureau_by_id_, bureaus, id);
}

std::vector<std::string> Catalog::IndicatorIds() const {
  std::vector<std::string> ids;
  for (const Indicator& i : indicators) ids.push_back(i.id);
  return ids;
}

std::vector<std::string> Catalog::BureauIds() const {
  std::vector<std::string> ids;
  for (const Bureau& b : bureaus) ids.push_back(b.id);
  return ids;
}

std::string_view BureauLevelId(BureauLevel level) {
  switch (level) {
    case BureauLevel::kProvince:
      return "province";
    case BureauLevel::kCity:
      return "city";
    case BureauLevel::kCounty:
      return "county";
    case BureauLevel::kDistrict:
      return "district";
  }
  return "city";
}

namespace {

// Parents must exist, never loop back, and stand above their children (a city's parent is
// a province, a county's a city or a province). A bureau whose parent is wrong loses it,
// so that later stages only ever see a tree.
void CheckParents(const FileSystem& site, Catalog& catalog, Diagnostics& diags) {
  auto error = [&](const Bureau& b, const std::string& message) {
    diags.Error(b.parent_pos, message,
                LineOf(site.Read(b.parent_pos.path).value_or(""), b.parent_pos.line));
  };
  std::vector<bool> wrong(catalog.bureaus.size(), false);
  for (const Bureau& b : catalog.bureaus) {
    if (b.parent.empty()) continue;
    if (!catalog.FindBureau(b.parent)) {
      error(b,
            "unknown parent bureau '" + b.parent + "'" + DidYouMean(b.parent, catalog.BureauIds()));
      wrong[b.index] = true;
      continue;
    }
    // Walk up from b; coming back to b is a cycle (each member of it reports its own).
    std::vector<std::string> chain = {b.id};
    const Bureau* up = catalog.FindBureau(b.parent);
    bool cycle = false;
    while (up && chain.size() <= catalog.bureaus.size()) {
      chain.push_back(up->id);
      if (up->id == b.id) {
        cycle = true;
        break;
      }
      up = up->parent.empty() ? nullptr : catalog.FindBureau(up->parent);
    }
    if (cycle) {
      std::string path;
      for (const std::string& id : chain) path += (path.empty() ? "" : " → ") + id;
      error(b, "parent bureaus form a cycle: " + path);
      wrong[b.index] = true;
      continue;
    }
    const Bureau& parent = *catalog.FindBureau(b.parent);
    if (LevelRank(parent.level) >= LevelRank(b.level)) {
      error(b, "parent bureau '" + parent.id + "' is a " +
                   std::string(BureauLevelId(parent.level)) + " bureau: a " +
                   std::string(BureauLevelId(b.level)) +
                   " bureau's parent must be of a higher level (province above city above "
                   "county and district)");
      wrong[b.index] = true;
    }
  }
  for (Bureau& b : catalog.bureaus) {
    if (wrong[b.index]) b.parent.clear();
  }
}

}  // namespace

int LevelRank(BureauLevel level) {
  switch (level) {
    case BureauLevel::kProvince:
      return 0;
    case BureauLevel::kCity:
      return 1;
    case BureauLevel::kCounty:
    case BureauLevel::kDistrict:
      return 2;
  }
  return 1;
}

Catalog LoadCatalog(const FileSystem& site, const SiteConfig& config, Diagnostics& diags) {
  Catalog catalog;
  LoadIndicators(site, config, catalog, diags);
  std::vector<std::string> files;
  for (const DirEntry& e : site.List("content/bureaus")) {
    if (e.is_dir) continue;
    if (!EndsWith(e.name, ".yaml")) {
      diags.Warning({"content/bureaus/" + e.name, 0, 0}, "ignored: bureau files end in .yaml");
      continue;
    }
    files.push_back(e.name);
  }
  // A national archive has thousands of bureau files: read them on every core.
  std::vector<std::optional<Bureau>> loaded(files.size());
  std::vector<Diagnostics> found(files.size());
  ParallelFor(files.size(), 0,
              [&](size_t i, int) { loaded[i] = LoadBureau(site, config, files[i], found[i]); });
  for (size_t i = 0; i < files.size(); ++i) {
    diags.Append(found[i]);
    if (loaded[i]) catalog.bureaus.push_back(std::move(*loaded[i]));
  }
  catalog.BuildIndexes();
  CheckParents(site, catalog, diags);
  std::sort(catalog.bureaus.begin(), catalog.bureaus.end(), [](const Bureau& a, const Bureau& b) {
    return std::tie(a.level, a.order, a.id) < std::tie(b.level, b.order, b.id);
  });
  catalog.BuildIndexes();
  return catalog;
}

}  // namespace nianbao
