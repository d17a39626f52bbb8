// The figures of a report mostly have a few decimals (12,345; 38,247.5; 97.3): such a
// double is an integer over a power of ten, found with a few multiplications, where the
// shortest decimal form (to_chars, Ryu) costs ~50 ns a number.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>

namespace nianbao {

/// |value| = digits / 10^places.
struct ShortDecimal {
  uint64_t digits = 0;
  int places = 0;
};

/// The shortest decimal form of |value| when it has at most 4 decimals and is below 2^52
/// as an integer of that many decimals; nullopt otherwise, and for non-finite values. The
/// same digits as to_chars's shortest form: a decimal is the double's when dividing it back
/// gives the double (a correctly rounded division, as a parse is); below 2^52 only one
/// integer is that near the scaled double, and fewer decimals are its trailing zeros.
inline std::optional<ShortDecimal> AsShortDecimal(double value) {
  constexpr double kLimit = 4503599627370496.0;  // 2^52
  const double a = std::fabs(value);
  if (a < kLimit && a == std::trunc(a)) return ShortDecimal{static_cast<uint64_t>(a), 0};
  const double scaled = a * 10000;
  if (!(scaled < kLimit)) return std::nullopt;  // also NaN
  const double whole = std::round(scaled);
  if (whole / 10000 != a) return std::nullopt;
  ShortDecimal d{static_cast<uint64_t>(whole), 4};
  while (d.digits % 10 == 0) {  // not 0: a whole number returned above
    d.digits /= 10;
    --d.places;
  }
  return d;
}

}  // namespace nianbao
