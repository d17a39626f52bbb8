// Finding {{< name args >}} shortcodes in a narrative (content-format §5).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "core/diagnostic.h"

namespace nianbao {

struct Shortcode {
  std::string name;   // "value" or "change"
  std::string arg;    // the indicator id
  Position pos;       // of the opening "{{<"
  size_t offset = 0;  // of the opening "{{<" in the body
};

/// The placeholder put in the text for shortcode i; it passes through Markdown untouched
/// (plane-16 private-use characters) and is replaced when the page is rendered.
std::string ShortcodePlaceholder(size_t index);
/// The placeholder for chart i (a whole block).
std::string ChartPlaceholder(size_t index);

/// `text` with every placeholder replaced in one pass: shortcode i by shortcodes[i], chart
/// i by charts[i]; a placeholder with no replacement is dropped.
std::string FillPlaceholders(std::string_view text, const std::vector<std::string>& shortcodes,
                             const std::vector<std::string>& charts);

struct ShortcodeScan {
  std::string text;  // the body with shortcodes replaced by placeholders
  std::vector<Shortcode> shortcodes;
};

/// Replaces each shortcode in `body` by its placeholder. `{{</* x */>}}` is written out as
/// the literal `{{< x >}}` (Hugo's escape). Malformed or unknown shortcodes are errors at
/// their position; `body_first_line` is the file line of body's first line (the body
/// starts a line). With `allowed` false (free-standing pages), every shortcode is an
/// error. Linear in the size of the body.
ShortcodeScan ScanShortcodes(std::string_view body, const std::string& path, int body_first_line,
                             bool allowed, Diagnostics& diags);

/// Reports each shortcode of `scan` (of `body`) whose indicator is not in the catalogue.
void CheckShortcodeIndicators(const ShortcodeScan& scan, std::string_view body,
                              const Catalog& catalog, Diagnostics& diags);

}  // namespace nianbao
