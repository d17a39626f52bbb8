// A one-sentence summary of a series, for a chart's caption, in the page's language.
// Pure functions, thread-safe. The rules are written down in docs/numbers.md.
#pragma once

#include <string>
#include <string_view>

#include "format/number_format.h"

namespace nianbao::format {

/// Summarizes the change from `first` (at `first_label`) to `last` (at `last_label`),
/// `periods_between` steps apart (3 for 2019→2022). Values appear as in prose.
///
/// zh, count/amount: "2019–2022年由18.30万户增至23.10万户，年均增长8.1%" (降至 when it fell;
/// "2019–2022年保持在18.30万户" when the shown values are equal). zh, rate:
/// "2019–2022年由96.5%提高至98.7%，提高2.2个百分点".
/// en: "From 183,000 entities in 2019 to 231,000 entities in 2022, an average annual increase
/// of 8.1%." / "From 96.5% in 2019 to 98.7% in 2022, up 2.2 pp." / "Unchanged at 98.7% from
/// 2019 to 2022."
///
/// Labels that are not bare years are used as given; zh then reads
/// "由2021年上半年的18.30万户增至2022年上半年的23.10万户，增长26.2%".
/// The growth clause is the compound annual rate ((last/first)^(1/n) − 1) × 100, one decimal,
/// plain growth ("增长" / "an increase of") when n is 1; it is left out when n ≤ 0, first ≤ 0,
/// last < 0, or the rate rounds to 0.0. Direction and growth use the values as the table
/// shows them (rounded at q.decimals), so the sentence agrees with the table.
std::string SummarizeTrend(const std::string& first_label, double first,
                           const std::string& last_label, double last, int periods_between,
                           const Quantity& q, std::string_view lang);

}  // namespace nianbao::format
