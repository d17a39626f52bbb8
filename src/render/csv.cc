#include "render/csv.h"

#include <string_view>

#include "core/text.h"
#include "format/number_format.h"

namespace nianbao::csv {

namespace {

// -12, 3.50: what Number writes (a negative figure must stay a number).
bool IsPlainNumber(std::string_view s) {
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

void AppendField(std::string& out, std::string_view s) {
  // A spreadsheet runs a cell that starts so as a formula: =HYPERLINK(...) in a unit
  // would be a live link in Excel. OWASP's advice: make it text with a leading quote.
  const bool formula = !s.empty() &&
                       std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos &&
                       !IsPlainNumber(s);
  if (!HasAnyOf(s, ",\"\r\n")) {
    if (formula) out += '\'';
    out += s;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string Field(const std::string& s) {
  std::string out;
  AppendField(out, s);
  return out;
}

std::string Number(double value, int decimals) { return format::FormatPlain(value, decimals); }

}  // namespace nianbao::csv
