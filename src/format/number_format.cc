#include "format/number_format.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include "core/short_decimal.h"

namespace nianbao::format {
namespace {

constexpr int kMaxDecimals = 20;
constexpr std::string_view kWan = "万";
constexpr std::string_view kYi = "亿";
constexpr std::string_view kUnicodeMinus = "\u2212";

/// A finite decimal as written: sign, integer digits (no leading zeros, at least "0") and
/// fraction digits. Rounding works on these strings so binary noise never shows.
struct Decimal {
  bool negative = false;
  std::string int_digits = "0";
  std::string frac_digits;
};

int ClampDecimals(int decimals) { return std::clamp(decimals, 0, kMaxDecimals); }

/// The shortest string that reads back as `value` (to_chars never consults the locale).
Decimal ToDecimal(double value) {
  char buf[512];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  std::string_view text(buf, ec == std::errc() ? end - buf : 0);
  Decimal d;
  if (!text.empty() && text.front() == '-') {
    d.negative = true;
    text.remove_prefix(1);
  }
  size_t dot = text.find('.');
  d.int_digits = std::string(text.substr(0, dot));
  if (dot != std::string_view::npos) d.frac_digits = std::string(text.substr(dot + 1));
  if (d.int_digits.empty()) d.int_digits = "0";
  return d;
}

void StripLeadingZeros(Decimal& d) {
  size_t first = d.int_digits.find_first_not_of('0');
  d.int_digits = first == std::string::npos ? "0" : d.int_digits.substr(first);
}

/// Divides by 10^places by moving the decimal point: exact, unlike dividing the double.
Decimal ShiftLeft(Decimal d, int places) {
  if (static_cast<int>(d.int_digits.size()) <= places) {
    d.int_digits.insert(0, places + 1 - d.int_digits.size(), '0');
  }
  size_t cut = d.int_digits.size() - places;
  d.frac_digits = d.int_digits.substr(cut) + d.frac_digits;
  d.int_digits.resize(cut);
  StripLeadingZeros(d);
  return d;
}

bool IsZero(const Decimal& d) {
  return d.int_digits == "0" && d.frac_digits.find_first_not_of('0') == std::string::npos;
}

/// Half away from zero: the magnitude goes up when the first dropped digit is 5 or more.
Decimal Round(Decimal d, int decimals) {
  bool up = static_cast<int>(d.frac_digits.size()) > decimals && d.frac_digits[decimals] >= '5';
  d.frac_digits.resize(decimals, '0');
  if (up) {
    std::string all = d.int_digits + d.frac_digits;
    int i = static_cast<int>(all.size()) - 1;
    while (i >= 0 && all[i] == '9') all[i--] = '0';
    if (i >= 0) {
      ++all[i];
    } else {
      all.insert(0, 1, '1');
    }
    d.int_digits = all.substr(0, all.size() - decimals);
    d.frac_digits = all.substr(all.size() - decimals);
  }
  if (IsZero(d)) d.negative = false;  // never "-0"
  return d;
}

/// Digits with ',' every three places and '.' before the fraction, without a sign.
std::string Magnitude(const Decimal& d) {
  std::string out;
  size_t n = d.int_digits.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += ',';
    out += d.int_digits[i];
  }
  if (!d.frac_digits.empty()) out += '.' + d.frac_digits;
  return out;
}

/// A finite value rounded half away from zero to `places` decimals, digits in a buffer of
/// its own: the table forms (most of a build's numbers) without a string per step.
struct Rounded {
  bool negative = false;
  int int_len = 0;  // digits before the point (at least one)
  int places = 0;   // digits after it
  // A double's fixed form has at most 309 digits before the point.
  char digits[kMaxDecimals + 400];
};

bool IsZero(const Rounded& r) {
  return std::all_of(r.digits, r.digits + r.int_len + r.places, [](char c) { return c == '0'; });
}

/// RoundFixed for a value of a few decimals: integer arithmetic on its digits.
Rounded RoundShort(ShortDecimal d, double value, int places) {
  static constexpr uint64_t kPow10[] = {1, 10, 100, 1000, 10000};
  Rounded r;
  r.places = places;
  r.negative = std::signbit(value);
  uint64_t digits = d.digits;
  int have = d.places;
  if (have > places) {  // half away from zero: on the first dropped digit, as RoundFixed
    const uint64_t unit = kPow10[have - places];
    const bool up = digits % unit * 2 >= unit;
    digits = digits / unit + (up ? 1 : 0);
    have = places;
  }
  char text[24];
  const int len = static_cast<int>(std::to_chars(text, text + sizeof text, digits).ptr - text);
  char* o = r.digits;
  if (len <= have) {  // 0.05: a zero before the point, zeros after it
    r.int_len = 1;
    *o++ = '0';
    o = std::fill_n(o, have - len, '0');
  } else {
    r.int_len = len - have;
  }
  o = std::copy(text, text + len, o);
  std::fill_n(o, places - have, '0');
  if (digits == 0) r.negative = false;  // never "-0"
  return r;
}

Rounded RoundFixed(double value, int places) {
  // Away from a tie, the double scaled by 10^places rounds to the same integer as its
  // shortest decimal form does: the two differ by a few units in the last place of the
  // scaled value (below 2^52), far less than the margin kept from each half.
  static constexpr double kScale[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (places < 16) {
    const double scaled = std::fabs(value) * kScale[places];
    if (scaled < 4503599627370496.0) {  // 2^52; false for NaN
      const double whole = std::floor(scaled);
      const double frac = scaled - whole;  // exact
      if (std::fabs(frac - 0.5) > 1e-9 * std::max(1.0, scaled)) {
        const uint64_t n = static_cast<uint64_t>(whole) + (frac > 0.5 ? 1 : 0);
        return RoundShort(ShortDecimal{n, places}, value, places);
      }
    }
  }
  if (const std::optional<ShortDecimal> d = AsShortDecimal(value)) {
    return RoundShort(*d, value, places);
  }
  char buf[512];
  char* end = buf;
  if (auto [e, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
      ec == std::errc()) {
    end = e;
  }
  Rounded r;
  r.places = places;
  const char* p = buf;
  if (p < end && *p == '-') {
    r.negative = true;
    ++p;
  }
  const char* dot = std::find(p, static_cast<const char*>(end), '.');
  const char* frac = dot == end ? end : dot + 1;
  const int frac_len = static_cast<int>(end - frac);
  r.int_len = static_cast<int>(dot - p);
  if (r.int_len == 0)
    r.digits[r.int_len++] = '0';
  else
    std::copy(p, dot, r.digits);
  const int kept = std::min(frac_len, places);
  std::copy(frac, frac + kept, r.digits + r.int_len);
  std::fill(r.digits + r.int_len + kept, r.digits + r.int_len + places, '0');
  const int n = r.int_len + places;
  if (frac_len > places && frac[places] >= '5') {
    int i = n - 1;
    while (i >= 0 && r.digits[i] == '9') r.digits[i--] = '0';
    if (i >= 0) {
      ++r.digits[i];
    } else {
      std::copy_backward(r.digits, r.digits + n, r.digits + n + 1);
      r.digits[0] = '1';
      ++r.int_len;
    }
  }
  if (IsZero(r)) r.negative = false;  // never "-0"
  return r;
}

/// Digits with ',' every three places and '.' before the fraction, without a sign.
void AppendMagnitude(std::string& out, const Rounded& r, bool grouped = true) {
  char buf[sizeof r.digits * 2];
  char* o = buf;
  for (int i = 0; i < r.int_len; ++i) {
    if (grouped && i > 0 && (r.int_len - i) % 3 == 0) *o++ = ',';
    *o++ = r.digits[i];
  }
  if (r.places > 0) {
    *o++ = '.';
    o = std::copy(r.digits + r.int_len, r.digits + r.int_len + r.places, o);
  }
  out.append(buf, o);
}

/// Non-finite values are a caller's bug (data.yaml has none); they show as to_chars spells
/// them rather than as a plausible number.
std::string NonFinite(double value) {
  if (std::isnan(value)) return "nan";
  return value < 0 ? "-inf" : "inf";
}

std::string WithSign(const Decimal& d, std::string_view minus) {
  return (d.negative ? std::string(minus) : std::string()) + Magnitude(d);
}

/// "+1,234" / "−56.7" / "0": the signed table form.
std::string Signed(double value, int decimals) {
  if (!std::isfinite(value)) return NonFinite(value);
  const Rounded r = RoundFixed(value, ClampDecimals(decimals));
  std::string out;
  if (!IsZero(r)) out = r.negative ? kUnicodeMinus : "+";
  AppendMagnitude(out, r);
  return out;
}

/// A compact figure: the value divided by 10^places, 2 decimals, then the suffix.
std::string Compact(const Decimal& exact, int places, std::string_view suffix) {
  return WithSign(Round(ShiftLeft(exact, places), 2), "-") + std::string(suffix);
}

/// zh prose: 万/亿 for large counts and amounts. The tier is chosen on the value as the table
/// shows it; the compact figure is rounded once from the value itself (2 decimals).
std::string ZhCompact(double value, const Quantity& q) {
  Decimal exact = ToDecimal(value);
  Decimal full = Round(exact, ClampDecimals(q.decimals));
  size_t int_len = full.int_digits.size();
  std::string unit(q.unit);
  if (unit.starts_with(kYi)) return WithSign(full, "-") + unit;
  if (unit.starts_with(kWan)) {
    if (int_len < 5) return WithSign(full, "-") + unit;
    return Compact(exact, 4, std::string(kYi) + unit.substr(kWan.size()));
  }
  if (int_len < 6) return WithSign(full, "-") + unit;
  // 99,999,999 would read "10000.00万": such a value goes up to 亿.
  if (int_len < 9 && Round(ShiftLeft(exact, 4), 2).int_digits.size() < 5) {
    return Compact(exact, 4, std::string(kWan) + unit);
  }
  return Compact(exact, 8, std::string(kYi) + unit);
}

/// Multiplies by 10^places by moving the decimal point.
Decimal ShiftRight(Decimal d, int places) {
  if (static_cast<int>(d.frac_digits.size()) < places) {
    d.frac_digits.append(places - d.frac_digits.size(), '0');
  }
  d.int_digits += d.frac_digits.substr(0, places);
  d.frac_digits.erase(0, places);
  StripLeadingZeros(d);
  return d;
}

/// English prose at the English scale (Quantity::magnitude).
std::string EnglishScaled(double value, const Quantity& q) {
  const Decimal exact = ShiftRight(ToDecimal(value), q.magnitude);
  const std::string unit = q.base_unit.empty() ? "" : " " + std::string(q.base_unit);
  Decimal plain = Round(exact, std::max(0, ClampDecimals(q.decimals) - q.magnitude));
  if (plain.int_digits.size() <= 6) return WithSign(plain, "-") + unit;
  static constexpr std::pair<int, const char*> kScales[] = {
      {6, " million"}, {9, " billion"}, {12, " trillion"}};
  size_t tier = plain.int_digits.size() > 12 ? 2 : plain.int_digits.size() > 9 ? 1 : 0;
  Decimal scaled = Round(ShiftLeft(exact, kScales[tier].first), 2);
  // 999.995 million rounds to 1,000.00 million: say 1.00 billion.
  if (scaled.int_digits.size() > 3 && tier < 2) {
    ++tier;
    scaled = Round(ShiftLeft(exact, kScales[tier].first), 2);
  }
  return WithSign(scaled, "-") + kScales[tier].second + unit;
}

/// The change words: zh 增长/提高/下降, en up/down; 持平/unchanged when it rounds to zero.
std::string ChangeWords(double change, int decimals, std::string_view lang, bool points) {
  if (!std::isfinite(change)) return NonFinite(change);
  bool zh = IsChinese(lang);
  const Rounded r = RoundFixed(change, ClampDecimals(decimals));
  if (IsZero(r)) return zh ? "持平" : "unchanged";
  std::string out =
      zh ? (r.negative ? "下降" : (points ? "提高" : "增长")) : (r.negative ? "down " : "up ");
  AppendMagnitude(out, r);
  return out += zh ? (points ? "个百分点" : "%") : (points ? " pp" : "%");
}

}  // namespace

bool IsChinese(std::string_view lang) { return lang == "zh" || lang.starts_with("zh-"); }

double RoundHalfAway(double value, int decimals) {
  if (!std::isfinite(value)) return value;
  if (decimals >= 0 && std::fabs(value) < 1e15 && value == std::trunc(value)) return value;
  // A figure written with no more decimals than asked for (the common case: data as
  // reported) is already rounded; its shortest form says so without decimal arithmetic,
  // and AsShortDecimal finds that form without to_chars for a figure of few decimals
  // (every change an indicator table shows rounds both figures: 10,000 at 1,000 bureaus).
  if (const std::optional<ShortDecimal> d = AsShortDecimal(value); d && d->places <= decimals) {
    return value;
  }
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  std::string_view shortest(buf, ec == std::errc() ? end - buf : 0);
  if (!shortest.empty() && shortest.find('e') == std::string_view::npos) {
    size_t dot = shortest.find('.');
    size_t frac = dot == std::string_view::npos ? 0 : shortest.size() - dot - 1;
    if (static_cast<int>(frac) <= decimals) return value;
  }
  const std::string text = FormatPlain(value, decimals);
  double out = 0;
  std::from_chars(text.data(), text.data() + text.size(), out);
  return out;
}

namespace {

std::string Format(double value, int decimals, bool grouped) {
  if (!std::isfinite(value)) return NonFinite(value);
  const Rounded r = RoundFixed(value, ClampDecimals(decimals));
  std::string out;
  if (r.negative) out += '-';
  AppendMagnitude(out, r, grouped);
  return out;
}

}  // namespace

std::string FormatNumber(double value, int decimals) { return Format(value, decimals, true); }

std::string FormatPlain(double value, int decimals) { return Format(value, decimals, false); }

std::string FormatValue(double value, const Quantity& q, std::string_view lang, Style style) {
  bool zh = IsChinese(lang);
  if (zh && style == Style::kProse && q.kind != IndicatorKind::kRate && std::isfinite(value)) {
    return ZhCompact(value, q);
  }
  if (!zh && style == Style::kProse && q.magnitude > 0 && q.kind != IndicatorKind::kRate &&
      std::isfinite(value)) {
    return EnglishScaled(value, q);
  }
  std::string out = FormatNumber(value, q.decimals);
  if (q.unit.empty()) return out;
  if (!zh && q.unit != "%") out += ' ';
  return out += q.unit;
}

int ChineseMagnitude(std::string_view zh_unit) {
  if (zh_unit.starts_with("万亿")) return 12;
  if (zh_unit.starts_with(kYi)) return 8;
  if (zh_unit.starts_with(kWan)) return 4;
  return 0;
}

std::optional<std::string> EnglishBaseUnit(std::string_view en_unit, int magnitude) {
  static constexpr std::pair<int, const char*> kWords[] = {
      {4, "ten thousand"}, {4, "10 thousand"},     {4, "10,000"},      {4, "10 000"},
      {4, "10k"},          {8, "hundred million"}, {8, "100 million"}, {8, "100,000,000"},
      {8, "100m"},         {12, "trillion"}};
  std::string lower(en_unit);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [power, words] : kWords) {
    if (power != magnitude) continue;
    size_t at = lower.find(words);
    if (at == std::string::npos) continue;
    const size_t end = at + std::string_view(words).size();
    // Whole words only: "10k" must not match inside "110k".
    if ((at > 0 && std::isalnum(static_cast<unsigned char>(lower[at - 1]))) ||
        (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end])))) {
      continue;
    }
    std::string rest = std::string(en_unit.substr(0, at)) + std::string(en_unit.substr(end));
    // Tidy the gap: no double, leading or trailing spaces.
    std::string out;
    for (char c : rest) {
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    std::string lower_out = out;
    for (char& c : lower_out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower_out == "cny" || lower_out == "rmb" || lower_out == "yuan (cny)") return "yuan";
    return out;
  }
  return std::nullopt;
}

std::string FormatPercentChange(double percent, std::string_view lang) {
  return ChangeWords(percent, 1, lang, /*points=*/false);
}

std::string FormatPointChange(double points, int decimals, std::string_view lang) {
  return ChangeWords(points, std::max(1, decimals), lang, /*points=*/true);
}

std::string FormatSignedDelta(double delta, const Quantity& q, std::string_view lang) {
  if (q.kind != IndicatorKind::kRate) return Signed(delta, q.decimals);
  std::string out = Signed(delta, std::max(1, q.decimals));
  return out += IsChinese(lang) ? "个百分点" : " pp";
}

std::string FormatSignedPercent(double percent) { return Signed(percent, 1) + "%"; }

}  // namespace nianbao::format
