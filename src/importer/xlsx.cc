#include "importer/xlsx.h"

#include <set>

#include "core/text.h"
#include "importer/decimal.h"
#include "importer/xlsx_parts.h"
#include "importer/zip_archive.h"

namespace nianbao::importer {

namespace {

constexpr int kMaxRows = 1048576, kMaxColumns = 16384;  // Excel's own limits

// "B3" → column 2, row 3; nullopt if it is not a cell reference.
std::optional<std::pair<int, int>> ParseRef(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= kMaxColumns) {
    col = col * 26 + (ref[i++] - 'A' + 1);
  }
  std::optional<int> row = ParseInt(ref.substr(i));
  if (i == 0 || !row || col > kMaxColumns || *row < 1 || *row > kMaxRows) return std::nullopt;
  return std::pair(col, *row);
}

}  // namespace

std::optional<Table> ReadXlsx(const std::string& path, std::string_view bytes,
                              const std::string& sheet, Diagnostics& diags) {
  if (bytes.empty()) {  // libzip takes it for an archive with no files
    diags.Error({path, 0, 0}, "the file is empty");
    return std::nullopt;
  }
  ZipArchive zip(path, diags);
  if (!zip.Open(bytes)) return std::nullopt;
  std::optional<WorkbookParts> parts = FindParts(zip, sheet, path, diags);
  if (!parts) return std::nullopt;
  std::vector<std::string> strings;
  if (!parts->shared_strings.empty() && !ReadSharedStrings(zip, parts->shared_strings, strings)) {
    return std::nullopt;
  }
  std::set<int> percent;
  if (!parts->styles.empty() && !ReadPercentStyles(zip, parts->styles, percent)) {
    return std::nullopt;
  }

  Table table;
  table.path = path;
  const int errors_before = diags.ErrorCount();
  int row = 0, col = 0;
  bool in_value = false, has_formula = false;
  std::string type, value, style;
  TextCollector inline_text;
  std::vector<Cell> cells;
  auto fail = [&](const std::string& message) {
    diags.Error({path, row, col}, "cell " + ColumnName(col) + std::to_string(row) + ": " + message);
  };
  auto finish_cell = [&]() {
    std::string text;
    if (type == "s") {
      auto index = ParseInt(value);
      if (!index || *index < 0 || static_cast<size_t>(*index) >= strings.size()) {
        return fail("the archive is damaged: no shared string " + value);
      }
      text = strings[*index];
    } else if (type == "inlineStr") {
      text = inline_text.Take();
    } else if (type == "e") {
      return fail("the spreadsheet shows the error " + value + ": correct the formula");
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else if (type == "str" || type == "d") {
      text = value;
    } else if (!value.empty()) {
      std::optional<std::string> number = ExcelNumber(value);
      if (!number) return fail("the archive is damaged: '" + value + "' is not a number");
      auto s = ParseInt(style);
      text = s && percent.count(*s) ? ShiftDecimal(*number, 2) + "%" : *number;
    } else if (has_formula) {
      return fail(
          "the formula has no stored value: open the file in Excel or LibreOffice "
          "and save it again");
    }
    if (Trim(text).empty()) return;
    cells.push_back({std::move(text), row, col, {path, row, col}});
  };
  XmlHandler h;
  h.start = [&](const std::string& el, const XmlAttributes& a) {
    if (el == "row") {
      std::string r = Attribute(a, "r");
      auto n = r.empty() ? std::optional(row + 1) : ParseInt(r);
      row = n && *n > row && *n <= kMaxRows ? *n : row + 1;
      col = 0;
    } else if (el == "c") {
      std::string r = Attribute(a, "r");
      auto ref = r.empty() ? std::nullopt : ParseRef(r);
      col = ref ? ref->first : col + 1;
      type = Attribute(a, "t");
      style = Attribute(a, "s");
      value.clear();
      inline_text.Take();
      has_formula = false;
    } else if (el == "v") {
      in_value = true;
    } else if (el == "f") {
      has_formula = true;
    }
    inline_text.Start(el);
  };
  h.end = [&](const std::string& el) {
    inline_text.End(el);
    if (el == "v") in_value = false;
    if (el == "c") finish_cell();
    if (el == "row") {
      if (!cells.empty()) table.rows.push_back(std::move(cells));
      cells.clear();
    }
  };
  h.text = [&](std::string_view t) {
    if (in_value) value += t;
    inline_text.Text(t);
  };
  if (!zip.Xml(parts->sheet, h)) return std::nullopt;
  if (col > kMaxColumns) fail("the sheet has more columns than Excel allows");
  if (diags.ErrorCount() > errors_before) return std::nullopt;
  return table;
}

}  // namespace nianbao::importer
