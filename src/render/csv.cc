#include "render/csv.h"

#include <string_view>

#include "core/text.h"
#include "format/number_format.h"

namespace nianbao::csv {

namespace {

// -12, 3.50: what Number writes (a negative figure must stay a number).
bool IsPlainNumber(const std::string& s) {
  size_t i = s.empty() || s[0] != '-' ? 0 : 1;
  const size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    const size_t fraction = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == fraction) return false;
  }
  return i == s.size();
}

}  // namespace

std::string Field(const std::string& s) {
  std::string out = s;
  // A spreadsheet runs a cell that starts so as a formula: =HYPERLINK(...) in a unit
  // would be a live link in Excel. OWASP's advice: make it text with a leading quote.
  if (!out.empty() && std::string_view("=+-@\t\r").find(out[0]) != std::string_view::npos &&
      !IsPlainNumber(out)) {
    out.insert(0, "'");
  }
  if (!HasAnyOf(out, ",\"\r\n")) return out;
  return "\"" + ReplaceAll(out, "\"", "\"\"") + "\"";
}

std::string Number(double value, int decimals) { return format::FormatPlain(value, decimals); }

}  // namespace nianbao::csv
