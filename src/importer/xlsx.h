// Reading one worksheet of an .xlsx (Office Open XML) into a Table, with libzip for the
// archive and expat for its XML. A number cell is written as Excel shows it, at 15
// significant digits; a cell styled as a percentage (0.981 shown as 98.1%) becomes
// "98.1%". A formula's value is the one Excel stored with it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "importer/table.h"

namespace nianbao::importer {

/// Reads the sheet named `sheet`, or the workbook's first sheet if `sheet` is "". Cells
/// point at {path, row, column}. A damaged file, a missing sheet (with "did you mean"), a
/// formula without a stored value or an error value such as #DIV/0! are errors.
std::optional<Table> ReadXlsx(const std::string& path, std::string_view bytes,
                              const std::string& sheet, Diagnostics& diags);

}  // namespace nianbao::importer
