// Charts: a series of figures over editions, as Chart.js data, an HTML table and a
// one-sentence summary (content-format §5: every chart carries its data as a table).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "render/render_context.h"

namespace nianbao {

struct ChartSeries {
  std::string name;
  const Indicator* indicator = nullptr;
  std::vector<const Value*> values;  // one per label; withheld and null are gaps;
                                     // nullptr: the bureau has no edition for that period
  std::shared_ptr<const std::vector<Value>> storage;  // owns values computed for the chart
  /// A band's part, drawn in grey with the area between the quartiles filled ("" for a
  /// series of its own): "q1", "median" or "q3".
  std::string band;
};

struct ChartData {
  std::string id;  // unique in the page, for the table toggle
  std::string title;
  bool bar = false;
  std::vector<EditionName> periods;
  std::vector<ChartSeries> series;
  std::string csv_name;      // "" for no download link
  bool name_series = false;  // name the series in the summary even if it is the only one
  /// The summary sentence tells the trend of this many series, the first ones (a band's
  /// own three are in its table: a sentence each would only repeat it).
  size_t summarized = static_cast<size_t>(-1);
  std::string summary_tail;  // a sentence after the summary (a full sentence, punctuated)
};

/// The series of each listed indicator for a bureau over its editions of one period kind;
/// with `until`, only up to that edition (a report's chart shows what its edition knew).
ChartData BureauChart(const PageContext& ctx, const std::string& bureau, PeriodKind kind,
                      const std::vector<std::string>& indicators, const Edition* until = nullptr);

/// One indicator over the editions of one period kind, a series per bureau that lists the
/// indicator in at least one edition of that kind; periods are the union of their years.
/// Years at either end in which every value is null or missing are left out. No series at
/// all when no bureau has the indicator for that kind.
ChartData IndicatorChart(const PageContext& ctx, const Indicator& indicator, PeriodKind kind);

/// View-model data for the "chart" template, in the context's language.
TemplateData ChartTemplateData(const PageContext& ctx, const ChartData& chart);

/// The chart's figures as CSV (UTF-8 with BOM, so that Excel reads Chinese).
std::string ChartCsv(const PageContext& ctx, const ChartData& chart);

}  // namespace nianbao
