// The CSV dialect of every file nianbao writes: UTF-8 with a BOM (so that Excel reads
// Chinese), CRLF rows, RFC 4180 quoting, numbers without thousands separators.
#pragma once

#include <string>
#include <string_view>

namespace nianbao::csv {

/// Starts every CSV file.
inline constexpr char kBom[] = "\xEF\xBB\xBF";

/// The field as is, or quoted (with doubled quotes) if it holds , " CR or LF. A text that
/// starts with = + - @ tab or CR gets a leading ' so that no spreadsheet runs it as a
/// formula; a number (-3, -12.5) is left as it is.
std::string Field(const std::string& s);
/// Field(s) appended to `out` (rows of tables with thousands of cells: no temporary).
void AppendField(std::string& out, std::string_view s);

/// A number with the indicator's decimals and no grouping: "123456.50".
std::string Number(double value, int decimals);

}  // namespace nianbao::csv
