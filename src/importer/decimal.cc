#include "importer/decimal.h"

#include <charconv>
#include <cmath>

namespace nianbao::importer {

std::string CanonicalDecimal(std::string_view d) {
  bool negative = !d.empty() && d[0] == '-';
  if (negative) d.remove_prefix(1);
  size_t dot = d.find('.');
  std::string_view whole = d.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : d.substr(dot + 1);
  while (whole.size() > 1 && whole[0] == '0') whole.remove_prefix(1);
  while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
  if (whole.empty()) whole = "0";
  std::string out(whole);
  if (!frac.empty()) out += "." + std::string(frac);
  if (negative && out != "0") out.insert(out.begin(), '-');
  return out;
}

std::string ShiftDecimal(std::string_view d, int places) {
  bool negative = !d.empty() && d[0] == '-';
  if (negative) d.remove_prefix(1);
  size_t dot = d.find('.');
  std::string whole(d.substr(0, dot));
  std::string frac = dot == std::string_view::npos ? "" : std::string(d.substr(dot + 1));
  if (static_cast<int>(frac.size()) < places) frac.append(places - frac.size(), '0');
  whole += frac.substr(0, places);
  frac = frac.substr(places);
  std::string joined = (negative ? "-" : "") + whole + (frac.empty() ? "" : "." + frac);
  return CanonicalDecimal(joined);
}

std::optional<std::string> ExcelNumber(std::string_view stored) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), v);
  if (ec != std::errc() || ptr != stored.data() + stored.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  char buf[400];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 15);
  double rounded = 0;
  std::from_chars(buf, r.ptr, rounded);
  r = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed);
  if (r.ec != std::errc()) return std::nullopt;
  return CanonicalDecimal(std::string_view(buf, r.ptr - buf));
}

}  // namespace nianbao::importer
