// The indicator catalogue (indicators.yaml) and the bureaus (bureaus/*.yaml): §3, §4.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/site_config.h"
#include "core/diagnostic.h"
#include "core/file_system.h"
#include "core/ids.h"
#include "core/translated.h"

namespace nianbao {

struct Category {
  std::string id;
  Translated name;
};

enum class Better { kHigher, kLower, kNeutral };

struct Indicator {
  std::string id;
  size_t index = 0;  // position in Catalog::indicators
  std::string category;
  Translated name;
  Translated unit;
  IndicatorKind kind = IndicatorKind::kCount;
  int decimals = 0;
  Better better = Better::kNeutral;
  Translated description;  // may be empty
};

enum class BureauLevel { kProvince, kCity, kCounty, kDistrict };

struct Bureau {
  std::string id;
  size_t index = 0;  // position in Catalog::bureaus (list order)
  Translated name;
  Translated short_name;  // the name if not given
  BureauLevel level = BureauLevel::kCity;
  std::string parent;   // "" if none
  Position parent_pos;  // where parent was given
  long long order = 0;
};

/// Indicators in file order (the display order) and bureaus in list order
/// (level, then order, then id). Immutable once loaded.
struct Catalog {
  std::vector<Category> categories;
  std::vector<Indicator> indicators;
  std::vector<Bureau> bureaus;
  /// False if indicators.yaml is missing or unreadable: then ids used elsewhere are not
  /// reported as unknown (one error, not hundreds).
  bool indicators_loaded = true;

  const Indicator* FindIndicator(const std::string& id) const;
  const Category* FindCategory(const std::string& id) const;
  const Bureau* FindBureau(const std::string& id) const;
  std::vector<std::string> IndicatorIds() const;
  std::vector<std::string> BureauIds() const;

  /// Sets each Indicator::index and Bureau::index and the lookup tables; call after the
  /// lists change.
  void BuildIndexes();

 private:
  std::unordered_map<std::string, size_t> indicator_by_id_, category_by_id_, bureau_by_id_;
};

/// Reads content/indicators.yaml and content/bureaus/*.yaml. Returns every entry that
/// could be read, even when others had errors, so that later stages report their own
/// problems instead of a cascade of "unknown bureau".
Catalog LoadCatalog(const FileSystem& site, const SiteConfig& config, Diagnostics& diags);

std::string_view BureauLevelId(BureauLevel level);

}  // namespace nianbao
