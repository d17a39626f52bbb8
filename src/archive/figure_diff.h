// `nianbao diff OLD NEW`: which published figures changed between two builds, read from
// their open data (data/indicators.csv, data/bureaus.csv).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace nianbao {

/// A CSV file as rows of fields (RFC 4180 quoting, CRLF or LF rows, a leading BOM dropped).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text);

struct FigureChange {
  enum class Kind { kChanged, kAdded, kRemoved };
  Kind kind = Kind::kChanged;
  std::string bureau, edition, indicator;
  std::string bureau_names, indicator_names, unit;  // "示例市局 / Example City"
  std::string before, after;                        // "92.6", "withheld", "not reported"

  /// "changed: example-city (示例市局 / Example City) 2021 pass_rate (抽检合格率 / Pass
  /// rate): 98.1 → 98.3 %"
  std::string Describe() const;
};

/// The figures that differ, in the order of NEW's open data (removed ones last, in OLD's
/// order); nullopt with errors when a folder has no readable open data.
std::optional<std::vector<FigureChange>> DiffFigures(const std::string& old_dir,
                                                     const std::string& new_dir,
                                                     Diagnostics& diags);

}  // namespace nianbao
