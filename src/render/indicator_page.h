// The page of one indicator across all editions and bureaus (content-format §7):
// <lang>/indicators/<id>/index.html, a chart and a bureau × edition table per period kind.
#pragma once

#include <string>

#include "output/output_file.h"
#include "render/render_context.h"
#include "render/templates.h"

namespace nianbao {

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
