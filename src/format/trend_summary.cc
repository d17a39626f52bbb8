#include "format/trend_summary.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace nianbao::format {
namespace {

enum class Direction { kUp, kDown, kSame };

/// "2019", "2022": a label that is only ASCII digits reads as a year.
bool IsBareYear(std::string_view label) {
  return !label.empty() &&
         std::all_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Compound annual growth in percent, or nullopt where it means nothing or rounds to 0.0.
std::optional<double> Growth(double first, double last, int periods) {
  if (periods <= 0 || first <= 0 || last < 0) return std::nullopt;
  double growth = (std::pow(last / first, 1.0 / periods) - 1) * 100;
  if (!std::isfinite(growth) || RoundHalfAway(growth, 1) == 0) return std::nullopt;
  return growth;
}

std::string ZhSentence(const std::string& l1, const std::string& v1, const std::string& l2,
                       const std::string& v2, Direction dir, bool rate) {
  bool years = IsBareYear(l1) && IsBareYear(l2);
  std::string span = years ? l1 + "–" + l2 + "年" : l1 + "至" + l2;
  if (dir == Direction::kSame) return span + "保持在" + v1;
  std::string verb = dir == Direction::kDown ? "降至" : (rate ? "提高至" : "增至");
  if (years) return span + "由" + v1 + verb + v2;
  return "由" + l1 + "的" + v1 + verb + l2 + "的" + v2;
}

std::string EnSentence(const std::string& l1, const std::string& v1, const std::string& l2,
                       const std::string& v2, Direction dir) {
  if (dir == Direction::kSame) return "Unchanged at " + v1 + " from " + l1 + " to " + l2;
  return "From " + v1 + " in " + l1 + " to " + v2 + " in " + l2;
}

}  // namespace

std::string SummarizeTrend(const std::string& first_label, double first,
                           const std::string& last_label, double last, int periods_between,
                           const Quantity& q, std::string_view lang) {
  bool zh = IsChinese(lang);
  bool rate = q.kind == IndicatorKind::kRate;
  double a = RoundHalfAway(first, q.decimals);
  double b = RoundHalfAway(last, q.decimals);
  Direction dir = b > a ? Direction::kUp : (b < a ? Direction::kDown : Direction::kSame);
  std::string v1 = FormatValue(first, q, lang, Style::kProse);
  std::string v2 = FormatValue(last, q, lang, Style::kProse);

  std::string out = zh ? ZhSentence(first_label, v1, last_label, v2, dir, rate)
                       : EnSentence(first_label, v1, last_label, v2, dir);
  if (dir != Direction::kSame) {
    if (rate) {
      // Points from the shown values: 96.54 → 98.76 reads 96.5 → 98.8, so "2.3", not 2.2.
      out += (zh ? "，" : ", ") + FormatPointChange(b - a, q.decimals, lang);
    } else if (std::optional<double> growth = Growth(a, b, periods_between)) {
      if (zh) {
        out += std::string("，") + (periods_between > 1 ? "年均" : "") +
               FormatPercentChange(*growth, lang);
      } else {
        std::string noun = *growth > 0 ? "increase of " : "decrease of ";
        if (periods_between > 1) noun = "average annual " + noun;
        bool an = periods_between > 1 || *growth > 0;  // "an average…", "an increase"
        out += (an ? ", an " : ", a ") + noun + FormatNumber(std::fabs(*growth), 1) + "%";
      }
    }
  }
  return zh ? out : out + ".";
}

}  // namespace nianbao::format
