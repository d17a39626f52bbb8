// The trends of a bureau's indicators over its editions of one period kind, grouped by
// category: a table per category and a chart per readable group of its indicators.
#pragma once

#include <string>
#include <vector>

#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

/// Splits indicators (in catalogue order) into groups that can share one chart: the same
/// kind, the same unit in the site's default language, values within a factor of
/// kMaxSpread of each other (by each series' largest absolute value, so a small series is
/// not a flat line under a large one), and at most kMaxSeries per chart. Groups keep
/// catalogue order, ordered by their first indicator. `peaks[i]` is indicator i's largest
/// absolute value; 0 if it has none.
inline constexpr double kMaxSpread = 5.0;
inline constexpr size_t kMaxSeries = 4;
/// A series gets a chart from this many figures on.
inline constexpr int kMinPointsForChart = 3;
/// An indicator reported by this many bureaus of a bureau's level (itself included) gets a
/// chart of its own on the bureau page: the bureau's line against its peers' band.
inline constexpr size_t kMinPeers = 3;
std::vector<std::vector<const Indicator*>> GroupForCharts(
    const std::vector<const Indicator*>& indicators, const std::vector<double>& peaks,
    const std::string& default_language);

/// Template data of the kind's trends: a list of categories, each with `name`, `rows`
/// (indicator × edition cells) and `charts` (rendered HTML). The charts' CSV files are
/// added to `files`, next to the page.
TemplateData BureauTrends(const PageContext& ctx, const Templates& t, const std::string& bureau,
                          PeriodKind kind, OutputFiles& files);

}  // namespace nianbao
