// Decimal numbers as text, so that a figure goes from a cell to data.yaml exactly as it
// was typed: "31.52万" becomes 315200 by moving the point, never by binary arithmetic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nianbao::importer {

/// "-012.50" → "-12.5", "0.0" → "0", "-0" → "0". The input is [-]digits[.digits].
std::string CanonicalDecimal(std::string_view decimal);

/// The decimal times 10^places (places ≥ 0), canonical: ("31.52", 4) → "315200".
std::string ShiftDecimal(std::string_view decimal, int places);

/// A number as an .xlsx stores it ("98.099999999999994", "1E-3") at Excel's precision of
/// 15 significant digits, in plain decimal notation ("98.1", "0.001"); nullopt if it is
/// not a finite number.
std::optional<std::string> ExcelNumber(std::string_view stored);

}  // namespace nianbao::importer
