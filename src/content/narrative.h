// Reading one Markdown file (a report narrative or a page) into a Narrative.
#pragma once

#include <optional>
#include <string>

#include "catalog/catalog.h"
#include "config/site_config.h"
#include "content/content.h"

namespace nianbao {

/// `catalog` is null for free-standing pages (no shortcodes or charts there).
std::optional<Narrative> LoadNarrative(const std::string& path, const std::string& text,
                                       const std::string& lang, const SiteConfig& config,
                                       const Catalog* catalog, Diagnostics& diags);

}  // namespace nianbao
