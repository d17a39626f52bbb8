#include "importer/table.h"

#include "core/text.h"

namespace nianbao::importer {

std::string Table::SourceLine(const Cell& cell) const {
  return text.empty() ? std::string() : LineOf(text, cell.pos.line);
}

std::string ColumnName(int col) {
  std::string name;
  for (int c = col; c > 0; c = (c - 1) / 26) name.insert(name.begin(), char('A' + (c - 1) % 26));
  return name;
}

std::string CellName(const Cell& cell) { return ColumnName(cell.col) + std::to_string(cell.row); }

}  // namespace nianbao::importer
