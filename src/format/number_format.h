// Numbers, quantities and changes as text, per language, by our own fixed rules.
// Not ICU: CLDR data changes between releases, and old editions must rebuild to the same
// bytes. The rules are written down in docs/numbers.md. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"

namespace nianbao::format {

/// Chinese rules for "zh" and "zh-*"; English rules for every other language.
bool IsChinese(std::string_view lang);

/// What a value measures: its kind, decimals shown, and unit in the page's language.
struct Quantity {
  IndicatorKind kind = IndicatorKind::kCount;
  int decimals = 0;
  std::string_view unit;  // "户", "亿元", "%", "entities", "CNY 10,000"…
  /// English prose only: the unit counts 10^magnitude of `base_unit` (亿元: 8, "yuan"), so
  /// the figure is written at the English scale instead ("279.00 billion yuan"). 0: no.
  int magnitude = 0;
  std::string_view base_unit;
};

/// The power of ten a Chinese unit starts with: 万 4, 亿 8, 万亿 12 ("亿元" → 8); 0 if none.
int ChineseMagnitude(std::string_view zh_unit);

/// An English unit without its magnitude ("10k yuan", "100 million yuan", "CNY 100
/// million", "10,000 entities" → "yuan", "yuan", "yuan", "entities"; CNY and RMB read as
/// yuan), if it states the magnitude `magnitude` (4 or 8); nullopt if it does not, and then
/// nothing is rescaled.
std::optional<std::string> EnglishBaseUnit(std::string_view en_unit, int magnitude);

/// Where the text goes: a table cell shows the full number; prose may use 万/亿.
enum class Style { kTable, kProse };

/// Rounds half away from zero at `decimals` places (on the decimal value, not binary
/// noise) and groups thousands with ','. "-1,234.50". Never "-0". Decimals are clamped to
/// 0–20; NaN and infinities (a caller's bug) come out as "nan", "inf", "-inf".
std::string FormatNumber(double value, int decimals);
/// The same figure without grouping, as data.yaml and CSV write it: "-1234.50".
std::string FormatPlain(double value, int decimals);

/// The value FormatNumber(value, decimals) shows, as a double: for deciding direction and
/// differences on what the reader sees.
double RoundHalfAway(double value, int decimals);

/// A value with its unit for a language.
/// zh table: "123,456户", "98.7%", "3,015.90亿元"; zh prose: "12.35万户" for ≥100,000 of a
/// unit that does not already start with 万/亿, "1.23亿户" for ≥100,000,000, and 万元 ≥ 10,000
/// becomes 亿元. en: "123,456 entities", "98.7%" (no space before %), both styles alike.
/// The 万/亿 tier is chosen on the value rounded at q.decimals; "10000.00万" goes up to 亿.
/// English prose of a quantity with a magnitude: the value times 10^magnitude, below a
/// million as a whole number with grouping ("25,000 entities"), from a million on in
/// million, billion or trillion with 2 decimals ("4.52 million yuan").
std::string FormatValue(double value, const Quantity& q, std::string_view lang, Style style);

/// A signed relative change in percent: zh "增长12.3%" / "下降0.4%" / "持平";
/// en "up 12.3%" / "down 0.4%" / "unchanged". One decimal.
std::string FormatPercentChange(double percent, std::string_view lang);

/// A change of a rate in percentage points: zh "提高0.4个百分点" / "下降0.4个百分点" / "持平";
/// en "up 0.4 pp" / "down 0.4 pp" / "unchanged". One decimal (more if the rate has more).
std::string FormatPointChange(double points, int decimals, std::string_view lang);

/// A compact signed delta for tables: "+1,234" / "−56.7" (U+2212 minus) / "0", with the
/// quantity's decimals (at least 1 for rates, as in FormatPointChange); for rates the suffix
/// " pp" (en) or "个百分点" (zh).
std::string FormatSignedDelta(double delta, const Quantity& q, std::string_view lang);

/// A compact signed percent for tables: "+12.3%" / "−0.4%" / "0.0%".
std::string FormatSignedPercent(double percent);

}  // namespace nianbao::format
