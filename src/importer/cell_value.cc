#include "importer/cell_value.h"

#include <charconv>

#include "core/text.h"
#include "importer/decimal.h"
#include "yaml/reader.h"

namespace nianbao::importer {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  // ASCII white space, no-break space, ideographic space.
  static constexpr std::string_view kSpaces[] = {" ", "\t", "\r", "\n", "\xC2\xA0", "\xE3\x80\x80"};
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view space : kSpaces) {
      while (StartsWith(s, space)) s.remove_prefix(space.size()), changed = true;
      while (EndsWith(s, space)) s.remove_suffix(space.size()), changed = true;
    }
  }
  return s;
}

// Digits grouped by ',' in threes ("1,234,567"): the digits, else nullopt.
std::optional<std::string> Ungroup(std::string_view whole) {
  if (whole.find(',') == std::string_view::npos) return std::string(whole);
  std::string out;
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t comma = whole.find(',', start);
    std::string_view group =
        whole.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (first ? (group.empty() || group.size() > 3) : group.size() != 3) return std::nullopt;
    out += group;
    first = false;
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

bool EndsWithText(std::string_view s, std::string_view suffix) {
  return !suffix.empty() && s.size() > suffix.size() && EndsWith(s, suffix);
}

bool IsMultiplied(std::string_view unit) {
  return StartsWith(unit, "万") || StartsWith(unit, "亿") || StartsWith(unit, "千") ||
         StartsWith(unit, "百");
}

CellReading Refuse(std::string_view original, const Indicator& ind, const std::string& hint) {
  return {std::nullopt, "the value of " + ind.id +
                            " must be a number, 不公开 (withheld) or an "
                            "empty cell, not '" +
                            std::string(TrimSpaces(original)) + "'" + hint};
}

}  // namespace

std::string NormalizeCell(std::string_view text) {
  std::string_view s = TrimSpaces(text);
  std::string out;
  for (size_t i = 0; i < s.size();) {
    // Full-width forms U+FF01–FF5E are EF BC 81 – EF BD 9E; each maps to U+0021–007E.
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF) {
      auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
      int cp = b1 == 0xBC ? 0xFF00 + (b2 - 0x80) : b1 == 0xBD ? 0xFF40 + (b2 - 0x80) : 0;
      char ascii = cp >= 0xFF01 && cp <= 0xFF5E ? char(cp - 0xFF01 + 0x21) : 0;
      if (ascii && ((ascii >= '0' && ascii <= '9') || ascii == '.' || ascii == ',' ||
                    ascii == '%' || ascii == '-' || ascii == '+')) {
        out += ascii;
        i += 3;
        continue;
      }
    }
    if (s.substr(i, 3) == "\xE2\x88\x92") {  // U+2212 minus sign
      out += '-';
      i += 3;
      continue;
    }
    out += s[i++];
  }
  return out;
}

CellReading ReadCellValue(std::string_view original, const Indicator& ind,
                          const std::string& lang) {
  std::string s = NormalizeCell(original);
  if (s.empty() || s == "null") return {CellValue{ValueStatus::kNull, ""}, ""};
  std::string lower = s;
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  if (lower == "withheld" || s == "不公开" || s == "未公开") {
    return {CellValue{ValueStatus::kWithheld, ""}, ""};
  }
  const bool rate = ind.kind == IndicatorKind::kRate;
  // The unit after the figure, in any language ("123456户", "35000.5万元").
  for (const auto& [unit_lang, unit] : ind.unit.text) {
    if (unit != "%" && EndsWithText(s, unit)) {
      s = NormalizeCell(s.substr(0, s.size() - unit.size()));
      break;
    }
  }
  int shift = 0;
  if (EndsWithText(s, "%")) {
    if (!rate) {
      return Refuse(original, ind,
                    " ('" + ind.id + "' is not a rate: write the figure in " +
                        ind.unit.Get(lang, "") + ", without '%')");
    }
    s.pop_back();
  } else if (EndsWithText(s, "万") || EndsWithText(s, "亿")) {
    const std::string unit = ind.unit.Get(lang, "");
    if (rate) return Refuse(original, ind, " (a rate is written in percent, without 万 or 亿)");
    bool multiplied = false;
    for (const auto& [unit_lang, u] : ind.unit.text) multiplied = multiplied || IsMultiplied(u);
    if (multiplied) {
      return Refuse(original, ind,
                    " (the unit is already " + unit + ": write the figure in " + unit +
                        ", without 万 or 亿)");
    }
    shift = EndsWith(s, "万") ? 4 : 8;
    s.resize(s.size() - 3);
  }
  s = NormalizeCell(s);
  bool negative = !s.empty() && s[0] == '-';
  std::string_view body = std::string_view(s).substr(negative ? 1 : 0);
  size_t dot = body.find('.');
  std::optional<std::string> whole = Ungroup(body.substr(0, dot));
  std::string plain = (negative ? "-" : "") + whole.value_or("") +
                      (dot == std::string_view::npos ? "" : std::string(body.substr(dot)));
  if (!whole || !yaml::IsDecimalNumber(plain)) {
    std::string hint;
    if (s.find(',') != std::string::npos) {
      hint = " (thousands separators group three digits: 1,234,567)";
    } else if (StartsWith(s, "#")) {
      hint = " (the spreadsheet shows an error: correct the formula)";
    } else if (StartsWith(s, "+")) {
      hint = " (remove the '+')";
    } else if (s == "-" || s == "—" || s == "--" || s == "/" || s == "*" || s == "**") {
      hint =
          " (leave the cell empty if the figure is not reported, or write 不公开 if it is "
          "withheld)";
    } else if (yaml::IsDecimalNumber("1" + std::string(body))) {
      hint = " (remove the leading zero)";
    } else if (!ind.unit.Get(lang, "").empty()) {
      hint = " (write the figure in " + ind.unit.Get(lang, "") + ")";
    }
    return Refuse(original, ind, hint);
  }
  std::string number = shift ? ShiftDecimal(plain, shift) : CanonicalDecimal(plain);
  double v = 0;
  std::from_chars(number.data(), number.data() + number.size(), v);
  if (rate && (v < 0 || v > 100)) {
    return {std::nullopt, "'" + ind.id + "' is a rate: its value must be from 0 to 100, not " +
                              std::string(TrimSpaces(original))};
  }
  return {CellValue{ValueStatus::kNumber, number}, ""};
}

}  // namespace nianbao::importer
