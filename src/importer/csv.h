// Reading a CSV (RFC 4180, as Excel writes it: ',' between cells, '"' around cells that
// hold ',', '"' or a line break, "" for a quote inside) into a Table.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "importer/encoding.h"
#include "importer/table.h"

namespace nianbao::importer {

/// Decodes `bytes` (importer/encoding.h) and splits it into rows and cells. Each cell
/// points at its first character (line and column as an editor shows them). Empty cells
/// and empty rows are dropped. A quote left open is an error at the opening quote.
std::optional<Table> ReadCsv(const std::string& path, std::string_view bytes, Encoding encoding,
                             Diagnostics& diags, Encoding* used = nullptr);

/// The splitting step alone, on UTF-8 text.
std::optional<Table> SplitCsv(const std::string& path, std::string text, Diagnostics& diags);

}  // namespace nianbao::importer
