// Which cells of a sheet are indicators, values, units and notes (docs/content-format.md
// §5.1): a header row names the columns, or, without one, columns A, B and C are the
// indicator (id or name), its value and a note in the default language.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "core/diagnostic.h"
#include "core/ids.h"
#include "importer/cell_value.h"
#include "importer/table.h"

namespace nianbao::importer {

struct ImportedRow {
  const Indicator* indicator = nullptr;
  CellValue value;
  Cell value_cell;                    // where the value is (or would be)
  std::map<std::string, Cell> notes;  // by language: the note cells given
};

/// Reads every row; each problem is an error at its cell. nullopt if there was any.
std::optional<std::vector<ImportedRow>> ReadRows(const Table& table, const Catalog& catalog,
                                                 const SiteConfig& config,
                                                 const EditionName& edition, Diagnostics& diags);

}  // namespace nianbao::importer
