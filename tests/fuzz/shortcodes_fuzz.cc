// Shortcodes: ScanShortcodes and CheckShortcodeIndicators, on any bytes. The first byte
// picks a report (shortcodes allowed) or a page.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/shortcodes.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool allowed = data[0] & 1;
  const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
  nianbao::Diagnostics diags;
  nianbao::ShortcodeScan scan = nianbao::ScanShortcodes(body, "r.md", 3, allowed, diags);
  nianbao::Catalog catalog;
  catalog.indicators.push_back({});
  catalog.indicators.back().id = "entities";
  nianbao::CheckShortcodeIndicators(scan, body, catalog, diags);
  nianbao::fuzz::Require(allowed || scan.shortcodes.empty(), "a shortcode on a page");
  // Positions, kept incrementally by the scanner, agree with counting from the start.
  for (const nianbao::Shortcode& sc : scan.shortcodes) {
    nianbao::fuzz::Require(body.compare(sc.offset, 3, "{{<") == 0, "offset misses the shortcode");
    int line = 3;
    size_t line_start = 0;
    for (size_t i = 0; i < sc.offset; ++i) {
      if (body[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    nianbao::fuzz::Require(sc.pos.line == line, "wrong line");
    int col = 1;  // code points, an invalid byte counting one, as text.h counts them
    for (size_t i = line_start; i < sc.offset; ++i) {
      col += (static_cast<unsigned char>(body[i]) & 0xC0) != 0x80;
    }
    nianbao::fuzz::Require(sc.pos.col == col, "wrong column");
    nianbao::fuzz::Require(sc.name == "value" || sc.name == "change", "unknown shortcode kept");
  }
  for (size_t i = 0; i < scan.shortcodes.size(); ++i) {
    nianbao::fuzz::Require(scan.text.find(nianbao::ShortcodePlaceholder(i)) != std::string::npos,
                           "a shortcode without its placeholder");
  }
  (void)diags.FormatAll();
  return 0;
}
