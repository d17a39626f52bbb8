// Reading the data checks an indicator may declare in indicators.yaml (content-format
// §3.1): sum_of, range and max_change. Running them is src/checks/data_checks.h.
#pragma once

#include <vector>

#include "catalog/catalog.h"
#include "yaml/reader.h"

namespace nianbao {

/// Reads sum_of, range and max_change of one indicator entry into `ind.checks`; every
/// problem is an error at its node. Call after `ind.kind` is known.
void ReadDataChecks(const yaml::Reader& reader, const yaml::Node& item, Indicator& ind);

/// Checks each sum_of part once every indicator is read: it exists, is not the total
/// itself, is named once, and has the total's unit.
void CheckSumParts(const yaml::Reader& reader, const std::vector<Indicator>& indicators);

/// "30%" for count and amount, "2pp" for rate: how max_change is written.
std::string MaxChangeText(double max_change, IndicatorKind kind);

}  // namespace nianbao
