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

/// Data checks an indicator declares (content-format §3.1, src/catalog/data_checks.h).
/// A failed check is a warning at the value in data.yaml.
struct DataChecks {
  struct Part {
    std::string id;
    int line = 0, col = 0;  // where indicators.yaml names it
  };
  std::vector<Part> sum_of;  // this indicator is the total of these; empty: no check
  bool has_range = false;
  std::optional<double> min, max;  // range: [min, max]; null leaves that side open
  /// More change than this from the previous edition of the same kind warns: percent of
  /// the previous value for count and amount, percentage points for rate.
  std::optional<double> max_change;

  bool any() const { return !sum_of.empty() || has_range || max_change.has_value(); }
};

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
  /// The Chinese unit's magnitude (万: 4, 亿: 8) and, per other language, the unit it counts
  /// in (亿元 → "yuan"): English prose writes "279.00 billion yuan", not "2,790.02 100
  /// million yuan". Empty when the units do not say.
  int magnitude = 0;
  std::map<std::string, std::string> scaled_unit;
  DataChecks checks;
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
/// A level's rank in the tree: province 0, city 1, county and district 2 (a district is a
/// city's county-level area). A parent's rank is below its child's; "same level" (peers
/// in charts) means the same rank.
int LevelRank(BureauLevel level);

}  // namespace nianbao
