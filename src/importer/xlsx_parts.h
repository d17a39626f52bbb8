// The parts of an .xlsx workbook around its sheets: where the sheet, the shared strings
// and the styles are (through the package's relationships), the shared strings' text and
// which cell styles show a percentage.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "importer/zip_archive.h"

namespace nianbao::importer {

struct WorkbookParts {
  std::string sheet, shared_strings, styles;  // part names; "" if absent
};

/// The parts for the sheet named `wanted` (the first sheet if ""); an unknown name is an
/// error that lists the sheets.
std::optional<WorkbookParts> FindParts(ZipArchive& zip, const std::string& wanted,
                                       const std::string& path, Diagnostics& diags);

bool ReadSharedStrings(ZipArchive& zip, const std::string& part, std::vector<std::string>& out);

/// Indexes of <cellXfs> styles whose number format shows a percentage.
bool ReadPercentStyles(ZipArchive& zip, const std::string& part, std::set<int>& out);

/// Text of <si> items (shared strings) or of an <is> (inline string): the <t> elements,
/// without the phonetic guides of <rPh>.
class TextCollector {
 public:
  void Start(const std::string& el) {
    if (el == "rPh") ++phonetic_;
    if (el == "t" && phonetic_ == 0) in_text_ = true;
  }
  void End(const std::string& el) {
    if (el == "rPh") --phonetic_;
    if (el == "t") in_text_ = false;
  }
  void Text(std::string_view text) {
    if (in_text_) text_ += text;
  }
  std::string Take() { return std::exchange(text_, {}); }

 private:
  int phonetic_ = 0;
  bool in_text_ = false;
  std::string text_;
};

/// A whole decimal int ("12"), or nullopt.
std::optional<int> ParseInt(std::string_view s);

}  // namespace nianbao::importer
