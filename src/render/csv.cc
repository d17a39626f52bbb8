#include "render/csv.h"

#include "core/text.h"
#include "format/number_format.h"

namespace nianbao::csv {

std::string Field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  return "\"" + ReplaceAll(s, "\"", "\"\"") + "\"";
}

std::string Number(double value, int decimals) {
  return ReplaceAll(format::FormatNumber(value, decimals), ",", "");
}

}  // namespace nianbao::csv
