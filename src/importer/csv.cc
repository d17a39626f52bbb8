#include "importer/csv.h"

#include "core/text.h"

namespace nianbao::importer {

namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::optional<Table> SplitCsv(const std::string& path, std::string text, Diagnostics& diags) {
  Table table;
  table.path = path;
  table.text = std::move(text);
  const std::string& s = table.text;
  size_t i = 0;
  int line = 1, col = 1;  // of s[i]
  int row = 1;
  auto advance = [&]() {
    if (s[i] == '\n') {
      ++line;
      col = 1;
    } else if (!IsContinuation(s[i])) {
      ++col;
    }
    ++i;  // a character's continuation bytes do not move the column: its lead byte did
  };
  std::vector<Cell> cells;
  int cell_col = 1;
  while (i <= s.size()) {
    Cell cell;
    cell.row = row;
    cell.col = cell_col;
    cell.pos = {path, line, col};
    bool end_of_row = false;
    if (i < s.size() && s[i] == '"') {
      const Position open = cell.pos;
      advance();
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            cell.text += '"';
            advance();
            advance();
            continue;
          }
          advance();
          closed = true;
          break;
        }
        cell.text += s[i];
        advance();
      }
      if (!closed) {
        diags.Error(open, "this cell's quote is never closed", LineOf(s, open.line));
        return std::nullopt;
      }
      // Excel never writes text after a closing quote; take it as part of the cell.
      while (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
        cell.text += s[i];
        advance();
      }
    } else {
      while (i < s.size() && s[i] != ',' && s[i] != '\n' &&
             !(s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')) {
        cell.text += s[i];
        advance();
      }
    }
    if (i >= s.size()) {
      end_of_row = true;
      ++i;  // past the end: the loop stops after this row
    } else if (s[i] == ',') {
      advance();
      ++cell_col;
    } else {
      if (s[i] == '\r') advance();
      if (i < s.size() && s[i] == '\n') advance();
      end_of_row = true;
    }
    if (!Trim(cell.text).empty()) cells.push_back(std::move(cell));
    if (end_of_row) {
      if (!cells.empty()) table.rows.push_back(std::move(cells));
      cells.clear();
      cell_col = 1;
      ++row;
    }
  }
  return table;
}

std::optional<Table> ReadCsv(const std::string& path, std::string_view bytes, Encoding encoding,
                             Diagnostics& diags, Encoding* used) {
  std::optional<DecodedText> decoded = Decode(path, bytes, encoding, diags);
  if (!decoded) return std::nullopt;
  if (used) *used = decoded->encoding;
  return SplitCsv(path, std::move(decoded->text), diags);
}

}  // namespace nianbao::importer
