// A spreadsheet as nianbao reads it: rows of cells, each knowing its sheet row and column
// (for "cell B3") and the position a diagnostic points at.
#pragma once

#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace nianbao::importer {

struct Cell {
  std::string text;  // UTF-8; a number cell of an .xlsx as a plain decimal ("98.1", "98.1%")
  int row = 0;       // 1-based sheet row and column (A = 1)
  int col = 0;
  Position pos;  // CSV: line and character column in the file; .xlsx: row and column
};

struct Table {
  std::string path;                     // as given on the command line
  std::string text;                     // a CSV's text in UTF-8, for source lines; "" for .xlsx
  std::vector<std::vector<Cell>> rows;  // in sheet order; a row holds its non-empty cells

  /// The line of the file a diagnostic at `cell` shows ("" for .xlsx).
  std::string SourceLine(const Cell& cell) const;
};

/// "A", "Z", "AA": the name of a 1-based column.
std::string ColumnName(int col);
/// "B3"
std::string CellName(const Cell& cell);

}  // namespace nianbao::importer
