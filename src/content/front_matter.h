// Splitting a Markdown file into its YAML front matter and body (content-format §5, §6).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "yaml/reader.h"

namespace nianbao {

struct FrontMatter {
  std::string title;         // "" if not given
  std::string date;          // YYYY-MM-DD or ""
  std::string summary;       // "" if not given
  std::string index_number;  // 索引号 of government information disclosure; "" if not given
  Position title_pos;
};

struct SplitFile {
  std::string_view yaml;  // between the --- lines ("" if there is no front matter)
  int yaml_first_line = 0;
  std::string_view body;
  int body_first_line = 1;  // the file line of body's first line
};

/// Splits at a first line "---" and the next line "---" (or "..."). A file that does not
/// start with "---" is all body. An unclosed front matter is reported.
std::optional<SplitFile> SplitFrontMatter(std::string_view text, const std::string& path,
                                          Diagnostics& diags);

/// Reads title, date, summary and index_number; unknown keys are errors.
std::optional<FrontMatter> ReadFrontMatter(const SplitFile& split, const yaml::Source& source,
                                           Diagnostics& diags);

/// True for a real calendar date written YYYY-MM-DD.
bool IsValidDate(std::string_view date);

}  // namespace nianbao
