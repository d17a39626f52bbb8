// A spreadsheet cell read as an indicator's value, by data.yaml's rules plus what people
// type in Excel: "1,234,567", full-width "１２３４", "98.7%" for a rate, "31.52万" for a
// count, the unit after the figure ("123456户"), 不公开 / withheld, and an empty cell.
// Anything else is refused with a hint, never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "content/content.h"

namespace nianbao::importer {

struct CellValue {
  ValueStatus status = ValueStatus::kNull;
  std::string number;  // kNumber: a plain decimal as data.yaml takes it ("315200", "98.1")
};

struct CellReading {
  std::optional<CellValue> value;
  std::string error;  // why not, when value is empty
};

/// Reads `text` as the value of `indicator`; `lang` is the language of units in messages.
CellReading ReadCellValue(std::string_view text, const Indicator& indicator,
                          const std::string& lang);

/// Trims ASCII spaces, no-break spaces and ideographic spaces, and turns full-width
/// digits, signs and separators (０-９ ． ， ％ － ＋) into ASCII; other text is kept.
std::string NormalizeCell(std::string_view text);

}  // namespace nianbao::importer
