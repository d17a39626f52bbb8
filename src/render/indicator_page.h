// The page of one indicator across all editions and bureaus (content-format §7):
// <lang>/indicators/<id>/index.html, a chart and a bureau × edition table per period kind.
#pragma once

#include <string>
#include <vector>

#include "output/output_file.h"
#include "render/chart.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

/// An indicator chart draws one line per bureau up to this many bureaus; beyond, one chart
/// per level: its bureaus' lines if they are this many at most, else their band
/// (LevelBandChart).
inline constexpr size_t kMaxIndicatorSeries = 8;
/// Rows of a bureau × edition table on one page; longer tables are split into pages.
inline constexpr size_t kTableBureaus = 50;

/// Three series over `periods` (band "q1", "median", "q3"): the quartiles of the figures
/// of all bureaus of level rank `rank` in each period (SiteModel::BandOf; withheld and
/// not reported left out). A period without any figure is a gap.
ChartData LevelBandChart(const PageContext& ctx, const Indicator& indicator,
                         const std::vector<EditionName>& periods, int rank);

/// The pages of an indicator's bureau × edition table: bureaus grouped by parent (those
/// without one first, then each parent in list order), a group longer than kTableBureaus
/// split in pages of that many. `order` is the bureaus in table order.
struct TablePage {
  size_t from = 0, to = 0;         // positions in `order`
  const Bureau* parent = nullptr;  // the group's parent; null for bureaus without one
};
std::vector<TablePage> TablePages(const SiteModel& model, std::vector<const Bureau*>& order);

/// The indicator page in `lang`, followed by the CSV files of its charts and tables (next
/// to the page: chart-<kind>.csv, table-<kind>.csv).
OutputFiles RenderIndicatorPage(const RenderInputs& in, const Templates& t, const std::string& lang,
                                const Indicator& indicator);

/// ComputeChange on the figures as shown (rounded at the indicator's decimals), so that two
/// figures that read the same are unchanged, not "better" by a hidden digit.
Change ChangeAsShown(const Value& previous, const Value& current, const Edition* previous_edition,
                     const Indicator& indicator);

/// The change as a table cell shows it: "+8.6%" for count and amount, "+0.4 pp" /
/// "+0.4个百分点" for rates, the signed delta when the previous figure was zero, and ""
/// when there is nothing to compare.
std::string CellChangeText(const PageContext& ctx, const Change& change,
                           const Indicator& indicator);

}  // namespace nianbao
